import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { BaseDeDatos } from './esquema.ts';

// `date` columns stay `YYYY-MM-DD` text: a calendar date must never become a JS Date (an
// instant), or it shifts a day in UTC−7.
pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v);
// `int8` (ids, counts, and every amount in centavos) becomes a JS number only when it is exact:
// this is the one check behind the schema's `Centavos` columns (src/db/esquema.ts). A value
// past 2^53 fails its query (pg reports a parser's error as the query's) instead of losing
// centavos.
pg.types.setTypeParser(pg.types.builtins.INT8, enteroExacto);

export function enteroExacto(texto: string): number {
  const n = Number(texto);
  if (!Number.isSafeInteger(n)) {
    throw new RangeError(`entero de la base fuera del rango exacto: ${texto}`);
  }
  return n;
}

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
  // A request waits at most 5 s for a connection: with the database down it answers 503
  // instead of hanging.
  const pool = new pg.Pool({ connectionString: url, max: maximo, connectionTimeoutMillis: 5_000 });
  // Without these handlers a connection's error (the database restarting) crashes the process:
  // the pool listens only to idle clients, and a client checked out by a transaction can lose
  // its server between two statements. Its next query then fails (a 503 at the edge), and the
  // pool discards it on release because it is no longer queryable.
  pool.on('error', alError);
  pool.on('connect', (cliente) => cliente.on('error', alError));
  const db = new Kysely<BaseDeDatos>({ dialect: new PostgresDialect({ pool }) });
  return { db, pool, cerrar: () => db.destroy() };
}
