import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readdir, readlink, rm, stat, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { ErrorDeRespaldo } from './error-de-respaldo.ts';

/**
 * What PostgreSQL's docs ("Making a Base Backup Using the Low Level API") and pg_basebackup leave
 * out of a base backup: files the server rebuilds or that describe the running server.
 */
const ARCHIVOS_EXCLUIDOS = new Set([
  'postmaster.pid',
  'postmaster.opts',
  'pg_internal.init',
  'backup_label',
  'tablespace_map',
  'backup_manifest',
  'postgresql.auto.conf.tmp',
  'current_logfiles.tmp',
]);

/** Top-level folders copied empty: their contents are rebuilt at start (pg_wal is copied apart). */
const CARPETAS_VACIAS = new Set([
  'pg_replslot',
  'pg_dynshmem',
  'pg_notify',
  'pg_serial',
  'pg_snapshots',
  'pg_stat_tmp',
  'pg_subtrans',
]);

const CONTROL = join('global', 'pg_control');
/** Files copied at once within a folder: a cluster is thousands of small files. */
const A_LA_VEZ = 16;

const codigo = (e: unknown) => (e as NodeJS.ErrnoException).code;

/**
 * Copies a live cluster's files, between pg_backup_start and pg_backup_stop. Files change, grow,
 * shrink or vanish while they are read: the WAL replayed from backup_label repairs all of that,
 * so a file that vanished is skipped and each file is read to whatever end it has (streams, not
 * copyFile, whose loop trusts the size it saw first). pg_control goes last, as pg_basebackup
 * sends it.
 */
export async function copiarCluster(origen: string, destino: string): Promise<void> {
  const tablespaces = await readdir(join(origen, 'pg_tblspc')).catch(() => []);
  if (tablespaces.length > 0) {
    throw new ErrorDeRespaldo(
      `La base de ${origen} usa tablespaces (pg_tblspc): este respaldo no los copia. Usa pg_basebackup.`,
    );
  }
  await copiarCarpeta(origen, destino, '');
  await copiarArchivo(join(origen, CONTROL), join(destino, CONTROL));
}

async function copiarCarpeta(origen: string, destino: string, relativa: string): Promise<void> {
  let modo: number;
  try {
    modo = (await stat(origen)).mode & 0o777;
  } catch (e) {
    if (codigo(e) === 'ENOENT') return; // a database dropped during the backup
    throw e;
  }
  await mkdir(destino, { mode: modo });
  const entradas = await readdir(origen, { withFileTypes: true }).catch((e: unknown) => {
    if (codigo(e) === 'ENOENT') return [];
    throw e;
  });
  const archivos: string[] = [];
  for (const e of entradas) {
    const nombre = e.name;
    const rel = join(relativa, nombre);
    if (ARCHIVOS_EXCLUIDOS.has(nombre) || nombre.startsWith('pgsql_tmp') || rel === CONTROL)
      continue;
    const de = join(origen, nombre);
    const a = join(destino, nombre);
    if (relativa === '' && nombre === 'pg_wal') await esqueletoDelWal(de, a);
    else if (relativa === '' && CARPETAS_VACIAS.has(nombre)) await mkdir(a, { mode: 0o700 });
    else if (e.isDirectory()) await copiarCarpeta(de, a, rel);
    else if (e.isSymbolicLink()) await symlink(await readlink(de), a);
    else if (e.isFile()) archivos.push(nombre);
  }
  for (let i = 0; i < archivos.length; i += A_LA_VEZ) {
    await Promise.all(
      archivos
        .slice(i, i + A_LA_VEZ)
        .map((nombre) => copiarArchivo(join(origen, nombre), join(destino, nombre))),
    );
  }
}

/** pg_wal and its folders (archive_status, summaries), without segments: they are copied after. */
async function esqueletoDelWal(origen: string, destino: string): Promise<void> {
  await mkdir(destino, { mode: 0o700 });
  for (const e of await readdir(origen, { withFileTypes: true })) {
    if (e.isDirectory()) await mkdir(join(destino, e.name), { mode: 0o700 });
  }
}

async function copiarArchivo(de: string, a: string): Promise<void> {
  try {
    const { mode } = await stat(de);
    await pipeline(createReadStream(de), createWriteStream(a, { mode: mode & 0o777 }));
  } catch (e) {
    if (codigo(e) !== 'ENOENT') throw e;
    await rm(a, { force: true });
  }
}

const SEGMENTO = /^[0-9A-F]{24}$/;

/** A segment's position in the WAL: log id and segment number from its name (timeline apart). */
function posicion(segmento: string, segmentosPorLog: number): number {
  return (
    Number.parseInt(segmento.slice(8, 16), 16) * segmentosPorLog +
    Number.parseInt(segmento.slice(16), 16)
  );
}

/**
 * The WAL from the segment of the backup's start checkpoint to the one holding its end record
 * (what recovery from backup_label must replay), plus timeline history files. Every segment in
 * between must be there: a gap would only show at restore time, so it fails the backup now.
 */
export async function copiarWal(
  origen: string,
  destino: string,
  primero: string,
  ultimo: string,
  tamanoDeSegmento: number,
): Promise<number> {
  const carpeta = join(origen, 'pg_wal');
  const nombres = await readdir(carpeta);
  const segmentos = nombres.filter((n) => SEGMENTO.test(n) && n >= primero && n <= ultimo);
  const porLog = 0x1_0000_0000 / tamanoDeSegmento;
  const esperados = posicion(ultimo, porLog) - posicion(primero, porLog) + 1;
  if (segmentos.length !== esperados) {
    throw new ErrorDeRespaldo(
      `Faltan segmentos de WAL entre ${primero} y ${ultimo} en ${carpeta}: el respaldo no sería restaurable. Vuelve a intentarlo.`,
    );
  }
  for (const n of [...segmentos, ...nombres.filter((n) => n.endsWith('.history'))]) {
    await copiarArchivo(join(carpeta, n), join(destino, 'pg_wal', n));
  }
  return segmentos.length;
}
