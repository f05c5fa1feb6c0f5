import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { BaseDeDatos } from './esquema.ts';

// `date` columns stay `YYYY-MM-DD` text: a calendar date must never become a JS Date (an
// instant), or it shifts a day in UTC−7. `int8` (bigserial ids, counts) fits in a JS number
// for every value this system produces (< 2^53).
pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v);
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));

export type Db = Kysely<BaseDeDatos>;

export interface Conexion {
  db: Db;
  pool: pg.Pool;
  cerrar(): Promise<void>;
}

export function conectar(
  url: string,
  alError: (e: Error) => void = () => {},
  maximo = 20,
): Conexion {
  const pool = new pg.Pool({ connectionString: url, max: maximo });
  // Without this handler an idle client's error (the database restarting) crashes the process.
  pool.on('error', alError);
  const db = new Kysely<BaseDeDatos>({ dialect: new PostgresDialect({ pool }) });
  return { db, pool, cerrar: () => db.destroy() };
}
