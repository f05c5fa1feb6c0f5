import { randomBytes } from 'node:crypto';
import { candadoDeArranque } from '../db/candado-de-arranque.ts';
import { type Conexion, conectar, type Db } from '../db/conexion.ts';
import { migrar } from '../db/migrar.ts';
import { concederPermisos } from '../db/permisos-de-la-app.ts';
import {
  conUsuario,
  describirRol,
  prepararRoles,
  ROL_APP,
  ROL_DUENIO,
  type RolConectado,
} from '../db/roles.ts';
import type { Config } from './config.ts';
import { iniciarPostgresEmbebido, instanciaEnMarcha, urlEmbebida } from './postgres-embebido.ts';
import { prepararCola } from './preparar-cola.ts';
import { secretosDeCarpeta } from './secretos.ts';

export interface Base {
  /** The app's own role (docs/bitacora.md): rows only, never the schema. */
  conexion: Conexion;
  /** The app's role's URL: the queue and the live notices connect with it too. */
  url: string;
  /** Embedded database: demo data and demo logins are allowed. */
  modoDemo: boolean;
  sessionSecret: string;
  /** The embedded cluster's folder; null with DATABASE_URL or a shared instance. */
  carpetaCluster: string | null;
  /** Spanish lines for the operator: the app connects with more rights than it needs. */
  advertencias: string[];
  cerrar(): Promise<void>;
}

export interface OpcionesBase {
  /** A command may use the embedded server of an app already running on the same folder. */
  compartirInstancia?: boolean;
  registrarError?: (e: Error) => void;
}

interface Servidor {
  urlApp: string;
  /** The owner: migrates, then its connection closes. */
  urlDuenio: string;
  /** Takes the start-up lock; it must work before the roles exist (the superuser, embedded). */
  urlCandado: string;
  /** Under the lock, before migrating: the embedded cluster's roles. */
  prepararRoles(): Promise<void>;
  carpetaCluster: string | null;
  detener(): Promise<void>;
}

async function servidorEmbebido(config: Config, opciones: OpcionesBase): Promise<Servidor> {
  const secretos = secretosDeCarpeta(config.carpetaDatos);
  const enMarcha = opciones.compartirInstancia ? instanciaEnMarcha(config.carpetaDatos) : null;
  const servidor = enMarcha
    ? {
        url: urlEmbebida(secretos.contrasenaPostgres, enMarcha.puerto),
        carpetaCluster: null,
        detener: async () => {},
      }
    : await iniciarPostgresEmbebido(config.carpetaDatos, secretos.contrasenaPostgres);
  const claves = { duenio: secretos.contrasenaDuenio, app: secretos.contrasenaApp };
  return {
    urlApp: conUsuario(servidor.url, ROL_APP, claves.app),
    urlDuenio: conUsuario(servidor.url, ROL_DUENIO, claves.duenio),
    urlCandado: servidor.url,
    prepararRoles: () => prepararRoles(servidor.url, claves),
    carpetaCluster: servidor.carpetaCluster,
    detener: servidor.detener,
  };
}

function servidorExterno(databaseUrl: string, databaseUrlMigraciones: string | null): Servidor {
  const urlDuenio = databaseUrlMigraciones ?? databaseUrl;
  return {
    urlApp: databaseUrl,
    urlDuenio,
    urlCandado: urlDuenio,
    // The operator creates the roles (docs/bitacora.md): Recupera holds no superuser here.
    prepararRoles: async () => {},
    carpetaCluster: null,
    detener: async () => {},
  };
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

function advertir(app: RolConectado): string[] {
  if (app.superusuario) {
    return [
      `Aviso: la aplicación se conecta a PostgreSQL como superusuario («${app.usuario}»): podría desactivar los disparadores de la bitácora y reescribirla. Define DATABASE_URL_MIGRACIONES con el rol dueño de las tablas y DATABASE_URL con un rol que solo lea y escriba filas (docs/bitacora.md).`,
    ];
  }
  if (app.duenioDeLaBitacora) {
    return [
      `Aviso: la aplicación se conecta a PostgreSQL como dueña de las tablas («${app.usuario}»): podría desactivar los disparadores de la bitácora. Define DATABASE_URL_MIGRACIONES con ese rol y DATABASE_URL con un rol que solo lea y escriba filas (docs/bitacora.md).`,
    ];
  }
  return [];
}

/**
 * Reaches the database (starting the embedded one when no DATABASE_URL is set) and, under the
 * start-up lock so that instances starting together take turns, migrates it as the owner and
 * grants the app's role its rows. The app then connects as that role only.
 */
export async function abrirBase(config: Config, opciones: OpcionesBase = {}): Promise<Base> {
  const servidor: Servidor = config.databaseUrl
    ? servidorExterno(config.databaseUrl, config.databaseUrlMigraciones)
    : await servidorEmbebido(config, opciones);
  const conexion = conectar(servidor.urlApp, opciones.registrarError);
  let sessionSecret: string;
  let app: RolConectado;
  try {
    ({ sessionSecret, app } = await candadoDeArranque(servidor.urlCandado, async () => {
      await servidor.prepararRoles();
      const duenio = conectar(servidor.urlDuenio, () => {}, 2);
      try {
        await migrar(duenio.db);
        const app = await describirRol(conexion.pool);
        const aparte = app.usuario !== (await describirRol(duenio.pool)).usuario;
        await prepararCola(servidor.urlDuenio, aparte);
        if (aparte) await concederPermisos(duenio.db, app.usuario);
        return { sessionSecret: await secretoDeSesion(config, duenio.db), app };
      } finally {
        await duenio.cerrar();
      }
    }));
  } catch (e) {
    await conexion.cerrar().catch(() => {});
    await servidor.detener();
    throw e;
  }
  return {
    conexion,
    url: servidor.urlApp,
    modoDemo: config.databaseUrl === null,
    sessionSecret,
    carpetaCluster: servidor.carpetaCluster,
    advertencias: advertir(app),
    cerrar: async () => {
      await conexion.cerrar();
      await servidor.detener();
    },
  };
}
