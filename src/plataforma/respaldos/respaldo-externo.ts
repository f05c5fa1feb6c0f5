import { writeFile } from 'node:fs/promises';
import pg from 'pg';
import { ultimasLineas } from '../postgres/cluster.ts';
import { ErrorDeRespaldo } from './error-de-respaldo.ts';
import {
  buscarPrograma,
  conexionDePrograma,
  correrPrograma,
  type Programa,
} from './herramientas-pg.ts';

const SIN_PG_DUMP =
  'Con DATABASE_URL el respaldo lo hace pg_dump, y no está en el PATH: instala el cliente de ' +
  'PostgreSQL de la versión del servidor o una más nueva (en Debian o Ubuntu, ' +
  'postgresql-client-NN), o respalda la base con las herramientas de tu servicio de PostgreSQL ' +
  '(pg_basebackup, instantáneas del proveedor).';

/** pg_dump on the PATH, or the message that says what to use instead. */
export function exigirPgDump(): Programa {
  const pgDump = buscarPrograma('pg_dump');
  if (!pgDump) throw new ErrorDeRespaldo(SIN_PG_DUMP);
  return pgDump;
}

export async function versionMayorDelServidor(url: string): Promise<number> {
  const cliente = new pg.Client(url);
  cliente.on('error', () => {});
  try {
    await cliente.connect();
  } catch (e) {
    throw new ErrorDeRespaldo(`No se pudo conectar a DATABASE_URL: ${(e as Error).message}`);
  }
  try {
    const { rows } = await cliente.query<{ v: string }>(
      "SELECT current_setting('server_version_num') AS v",
    );
    return Math.floor(Number(rows[0]?.v ?? 0) / 10000);
  } finally {
    await cliente.end().catch(() => {});
  }
}

/**
 * The DATABASE_URL database with pg_dump's custom format (-Fc), which pg_restore reads: a
 * PostgreSQL of its own has its own tools and DBAs, and this file is the one they know. The
 * session secret lives in that database (secretos_de_instalacion), so the dump is complete.
 */
export async function respaldarExterno(
  databaseUrl: string,
  pgDump: Programa,
  archivo: string,
  avisar: (linea: string) => void,
): Promise<void> {
  const mayor = await versionMayorDelServidor(databaseUrl);
  if (pgDump.mayor < mayor) {
    avisar(
      `Aviso: pg_dump ${pgDump.version} es más antiguo que el servidor (PostgreSQL ${mayor}) y ` +
        `puede negarse a respaldarlo; instala postgresql-client-${mayor}.`,
    );
  }
  const { dbname, entorno } = conexionDePrograma(databaseUrl);
  await writeFile(archivo, '', { mode: 0o600 });
  const r = await correrPrograma(
    'pg_dump',
    ['--format=custom', '--no-password', `--file=${archivo}`, `--dbname=${dbname}`],
    entorno,
  );
  if (r.codigo !== 0) {
    throw new ErrorDeRespaldo(`pg_dump no pudo respaldar la base: ${ultimasLineas(r.salida)}`);
  }
}
