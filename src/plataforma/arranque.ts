import { type Conexion, conectar } from '../db/conexion.ts';
import { migrar } from '../db/migrar.ts';
import type { Config } from './config.ts';
import { iniciarPostgresEmbebido, instanciaEnMarcha, urlEmbebida } from './postgres-embebido.ts';
import { secretosDeCarpeta } from './secretos.ts';

export interface Base {
  conexion: Conexion;
  url: string;
  /** Embedded database: demo data and demo logins are allowed. */
  modoDemo: boolean;
  sessionSecret: string;
  cerrar(): Promise<void>;
}

export interface OpcionesBase {
  /** A command may use the embedded server of an app already running on the same folder. */
  compartirInstancia?: boolean;
  registrarError?: (e: Error) => void;
}

/** Reaches the database (starting the embedded one when no DATABASE_URL is set) and migrates it. */
export async function abrirBase(config: Config, opciones: OpcionesBase = {}): Promise<Base> {
  const secretos = secretosDeCarpeta(config.carpetaDatos);
  const sessionSecret = config.sessionSecret ?? secretos.sessionSecret;
  let url: string;
  let detenerServidor = async () => {};
  if (config.databaseUrl) {
    url = config.databaseUrl;
  } else {
    const enMarcha = opciones.compartirInstancia ? instanciaEnMarcha(config.carpetaDatos) : null;
    if (enMarcha) {
      url = urlEmbebida(secretos.contrasenaPostgres, enMarcha.puerto);
    } else {
      const servidor = await iniciarPostgresEmbebido(
        config.carpetaDatos,
        secretos.contrasenaPostgres,
      );
      url = servidor.url;
      detenerServidor = servidor.detener;
    }
  }
  const conexion = conectar(url, opciones.registrarError);
  try {
    await migrar(conexion.db);
  } catch (e) {
    await conexion.cerrar().catch(() => {});
    await detenerServidor();
    throw e;
  }
  return {
    conexion,
    url,
    modoDemo: config.databaseUrl === null,
    sessionSecret,
    cerrar: async () => {
      await conexion.cerrar();
      await detenerServidor();
    },
  };
}
