import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { migrar } from '../../src/db/migrar.ts';
import { iniciarPostgresEmbebido } from '../../src/plataforma/postgres-embebido.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A superuser URL of the run's server; test files create their own databases there. */
    urlServidor: string;
  }
}

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
  const db = new Kysely({
    dialect: new PostgresDialect({
      pool: new pg.Pool({ connectionString: conBase(urlServidor, PLANTILLA), max: 1 }),
    }),
  });
  await migrar(db);
  await db.destroy();
  project.provide('urlServidor', urlServidor);
  return detener;
}
