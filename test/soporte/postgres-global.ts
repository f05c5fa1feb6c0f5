import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { migrar } from '../../src/db/migrar.ts';
import { concederPermisos } from '../../src/db/permisos-de-la-app.ts';
import { conUsuario, prepararRoles, ROL_APP, ROL_DUENIO } from '../../src/db/roles.ts';
import { iniciarPostgresEmbebido } from '../../src/plataforma/postgres-embebido.ts';
import { prepararCola } from '../../src/plataforma/preparar-cola.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A superuser URL of the run's server; test files create their own databases there. */
    urlServidor: string;
    /** The same server as the app's role and as the owner (src/db/roles.ts). */
    urlServidorApp: string;
    urlServidorDuenio: string;
  }
}

/** The roles' password on the test server (the embedded one checks it; CI's trusts). */
export const CLAVE_DE_ROLES = 'pruebas';

export const PLANTILLA = 'recupera_plantilla';

function conBase(url: string, base: string): string {
  const u = new URL(url);
  u.pathname = `/${base}`;
  return u.toString();
}

/**
 * One real PostgreSQL for the whole run: the embedded one (18), or TEST_DATABASE_URL (CI also
 * runs the suite on Debian's PostgreSQL 15). The template is migrated once; each test file
 * copies it, which takes milliseconds.
 */
export default async function preparar(project: TestProject) {
  let urlServidor = process.env.TEST_DATABASE_URL;
  let detener = async () => {};
  if (!urlServidor) {
    const carpeta = mkdtempSync(join(tmpdir(), 'recupera-pruebas-'));
    chmodSync(carpeta, 0o755); // as root, the server runs as its own user, who must reach it
    const servidor = await iniciarPostgresEmbebido(carpeta, 'pruebas');
    urlServidor = conBase(servidor.url, 'postgres');
    detener = async () => {
      await servidor.detener();
      rmSync(carpeta, { recursive: true, force: true });
    };
  }
  const admin = new pg.Client(urlServidor);
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${PLANTILLA} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${PLANTILLA}`);
  await admin.end();
  // The template is set up as an installation is: the roles, then the owner migrates, prepares
  // the queue's schema and grants the app its rows. Each copy keeps owners and grants.
  const plantilla = conBase(urlServidor, PLANTILLA);
  await prepararRoles(plantilla, { duenio: CLAVE_DE_ROLES, app: CLAVE_DE_ROLES });
  const urlDuenio = conUsuario(plantilla, ROL_DUENIO, CLAVE_DE_ROLES);
  const db = new Kysely({
    dialect: new PostgresDialect({
      pool: new pg.Pool({ connectionString: urlDuenio, max: 1 }),
    }),
  });
  await migrar(db);
  await prepararCola(urlDuenio, true);
  await concederPermisos(db, ROL_APP);
  await db.destroy();
  project.provide('urlServidor', urlServidor);
  project.provide('urlServidorApp', conUsuario(urlServidor, ROL_APP, CLAVE_DE_ROLES));
  project.provide('urlServidorDuenio', conUsuario(urlServidor, ROL_DUENIO, CLAVE_DE_ROLES));
  return detener;
}
