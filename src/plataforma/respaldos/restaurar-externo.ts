import pg from 'pg';
import { ultimasLineas } from '../postgres/cluster.ts';
import { ErrorDeRespaldo } from './error-de-respaldo.ts';
import { buscarPrograma, conexionDePrograma, correrPrograma } from './herramientas-pg.ts';

export interface RestauracionExterna {
  tipo: 'externo';
}

const SIN_PG_RESTORE =
  'Para restaurar un respaldo de pg_dump hace falta pg_restore, y no está en el PATH: instala ' +
  'el cliente de PostgreSQL de la versión del respaldo o una más nueva (en Debian o Ubuntu, ' +
  'postgresql-client-NN) o restáuralo con las herramientas de tu servicio de PostgreSQL.';

async function tablasDe(url: string): Promise<number> {
  const cliente = new pg.Client(url);
  cliente.on('error', () => {});
  await cliente.connect();
  try {
    const { rows } = await cliente.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_class c JOIN pg_namespace s ON s.oid = c.relnamespace
        WHERE c.relkind IN ('r', 'p') AND s.nspname NOT IN ('pg_catalog', 'information_schema')
          AND s.nspname NOT LIKE 'pg_toast%'`,
    );
    return rows[0]?.n ?? 0;
  } finally {
    await cliente.end().catch(() => {});
  }
}

/**
 * A pg_dump backup into the DATABASE_URL database, which must be empty (freshly created): one
 * transaction, stopping at the first error, so a failed restore leaves it empty. Owners and
 * grants are the restoring user's: the backup may come from a server with other roles.
 */
export async function restaurarExterno(
  databaseUrl: string,
  archivo: string,
): Promise<RestauracionExterna> {
  const pgRestore = buscarPrograma('pg_restore');
  if (!pgRestore) throw new ErrorDeRespaldo(SIN_PG_RESTORE);
  const tablas = await tablasDe(databaseUrl);
  if (tablas > 0) {
    throw new ErrorDeRespaldo(
      `La base de DATABASE_URL ya tiene ${tablas} tablas: restaura en una base vacía, recién creada (createdb), y apunta DATABASE_URL a ella; no se sobrescribe nada.`,
    );
  }
  const { dbname, entorno } = conexionDePrograma(databaseUrl);
  const r = await correrPrograma(
    'pg_restore',
    ['--no-owner', '--no-acl', '--exit-on-error', '--single-transaction', '--no-password'].concat(
      `--dbname=${dbname}`,
      archivo,
    ),
    entorno,
  );
  if (r.codigo !== 0) {
    throw new ErrorDeRespaldo(
      `pg_restore no pudo restaurar ${archivo}: ${ultimasLineas(r.salida)}`,
    );
  }
  return { tipo: 'externo' };
}
