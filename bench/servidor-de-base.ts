import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { type Conexion, conectar } from '../src/db/conexion.ts';
import { migrar } from '../src/db/migrar.ts';
import { iniciarPostgresEmbebido } from '../src/plataforma/postgres-embebido.ts';

/**
 * A fresh, migrated database for a benchmark: on DATABASE_URL's server when set (a superuser
 * URL; a new database is created there), else on a throw-away embedded PostgreSQL.
 */
export async function baseParaBenchmark(nombre: string): Promise<Conexion & { url: string }> {
  let servidor = process.env.DATABASE_URL;
  let detener = async () => {};
  if (!servidor) {
    const carpeta = mkdtempSync(join(tmpdir(), `recupera-bench-${nombre}-`));
    chmodSync(carpeta, 0o755);
    const pgEmbebido = await iniciarPostgresEmbebido(carpeta, 'bench');
    servidor = pgEmbebido.url.replace(/\/recupera$/, '/postgres');
    detener = async () => {
      await pgEmbebido.detener();
      rmSync(carpeta, { recursive: true, force: true });
    };
  }
  const base = `bench_${nombre}_${Date.now()}`;
  const admin = new pg.Client(servidor);
  await admin.connect();
  await admin.query(`CREATE DATABASE ${base}`);
  await admin.end();
  const u = new URL(servidor);
  u.pathname = `/${base}`;
  const conexion = conectar(u.toString());
  await migrar(conexion.db);
  return {
    ...conexion,
    url: u.toString(),
    cerrar: async () => {
      await conexion.cerrar();
      const limpieza = new pg.Client(servidor);
      await limpieza.connect();
      await limpieza.query(`DROP DATABASE IF EXISTS ${base} WITH (FORCE)`);
      await limpieza.end();
      await detener();
    },
  };
}
