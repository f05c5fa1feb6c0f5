import { randomBytes } from 'node:crypto';
import { candadoDeArranque } from '../db/candado-de-arranque.ts';
import { type Conexion, conectar, type Db } from '../db/conexion.ts';
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
  /** The embedded cluster's folder; null with DATABASE_URL or a shared instance. */
  carpetaCluster: string | null;
  cerrar(): Promise<void>;
}

export interface OpcionesBase {
  /** A command may use the embedded server of an app already running on the same folder. */
  compartirInstancia?: boolean;
  registrarError?: (e: Error) => void;
}

interface Servidor {
  url: string;
  carpetaCluster: string | null;
  detener(): Promise<void>;
}

async function servidorEmbebido(config: Config, opciones: OpcionesBase): Promise<Servidor> {
  const { contrasenaPostgres } = secretosDeCarpeta(config.carpetaDatos);
  const enMarcha = opciones.compartirInstancia ? instanciaEnMarcha(config.carpetaDatos) : null;
  if (enMarcha) {
    const url = urlEmbebida(contrasenaPostgres, enMarcha.puerto);
    return { url, carpetaCluster: null, detener: async () => {} };
  }
  return iniciarPostgresEmbebido(config.carpetaDatos, contrasenaPostgres);
}

/**
 * Every instance behind a balancer must sign sessions with the same secret. SESSION_SECRET
 * wins; else the embedded installation keeps it in DATA_DIR, and a shared database keeps it in
 * the database, created once by whichever instance starts first.
 */
async function secretoDeSesion(config: Config, db: Db): Promise<string> {
  if (config.sessionSecret) return config.sessionSecret;
  if (!config.databaseUrl) return secretosDeCarpeta(config.carpetaDatos).sessionSecret;
  await db
    .insertInto('secretos_de_instalacion')
    .values({ nombre: 'sesion', valor: randomBytes(32).toString('base64url') })
    .onConflict((oc) => oc.column('nombre').doNothing())
    .execute();
  const fila = await db
    .selectFrom('secretos_de_instalacion')
    .select('valor')
    .where('nombre', '=', 'sesion')
    .executeTakeFirstOrThrow();
  return fila.valor;
}

/**
 * Reaches the database (starting the embedded one when no DATABASE_URL is set) and migrates it
 * under the start-up lock, so that instances starting together take turns.
 */
export async function abrirBase(config: Config, opciones: OpcionesBase = {}): Promise<Base> {
  const servidor: Servidor = config.databaseUrl
    ? { url: config.databaseUrl, carpetaCluster: null, detener: async () => {} }
    : await servidorEmbebido(config, opciones);
  const conexion = conectar(servidor.url, opciones.registrarError);
  let sessionSecret: string;
  try {
    sessionSecret = await candadoDeArranque(servidor.url, async () => {
      await migrar(conexion.db);
      return secretoDeSesion(config, conexion.db);
    });
  } catch (e) {
    await conexion.cerrar().catch(() => {});
    await servidor.detener();
    throw e;
  }
  return {
    conexion,
    url: servidor.url,
    modoDemo: config.databaseUrl === null,
    sessionSecret,
    carpetaCluster: servidor.carpetaCluster,
    cerrar: async () => {
      await conexion.cerrar();
      await servidor.detener();
    },
  };
}
