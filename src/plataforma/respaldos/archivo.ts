import { existsSync } from 'node:fs';
import { open, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as tar from 'tar';

/** What a backup of the embedded database holds, at the archive's root. */
export const MANIFIESTO = 'respaldo.json';
export const SECRETOS = 'secretos.json';
/** The cluster's files, with backup_label: PostgreSQL recovers from it at the first start. */
export const CLUSTER = 'pg';
/**
 * The expedientes' scans, `escaneos/<2 hex>/<sha256>` as in DATA_DIR (without tmp/). Absent from
 * backups of an installation without scans, and from those written before scans existed.
 */
export const ESCANEOS = 'escaneos';

export const FORMATO = 1;

export interface Manifiesto {
  formato: typeof FORMATO;
  tipo: 'embebido';
  /** The instant the backup began, ISO 8601. */
  creado: string;
  versionPostgres: string;
  /** Where pg_backup_stop ended: recovery replays at least up to it. */
  lsnFinal: string;
  /** Whether an app was running on the data folder (otherwise the server was started for it). */
  enMarcha: boolean;
  /** How many scans escaneos/ holds; absent in backups written before scans were carried. */
  escaneos?: number;
}

/**
 * A gzip'd tar of the staging folder. The file is created 0600 before anything is written to
 * it: it holds secretos.json, the database's password.
 */
export async function empaquetar(carpeta: string, archivo: string): Promise<void> {
  await writeFile(archivo, '', { mode: 0o600 });
  // portable: no uid/gid of this machine's recupera-pg; the restore gives the files their owner.
  // The scans last: a restore reads the small files and the cluster first.
  const conEscaneos = existsSync(join(carpeta, ESCANEOS));
  await tar.c({ gzip: true, file: archivo, cwd: carpeta, portable: true }, [
    MANIFIESTO,
    SECRETOS,
    CLUSTER,
    ...(conEscaneos ? [ESCANEOS] : []),
  ]);
}

/** Extracts the entries `elegir` accepts; `quitar` leading path parts (1 puts pg/ at `destino`). */
export async function extraer(
  archivo: string,
  destino: string,
  elegir: (ruta: string) => boolean,
  quitar = 0,
): Promise<void> {
  await tar.x({
    file: archivo,
    cwd: destino,
    strip: quitar,
    preserveOwner: false,
    filter: (ruta) => elegir(ruta),
  });
}

export type ClaseDeArchivo = 'embebido' | 'externo' | 'desconocido';

/** By its first bytes: gzip (ours, embedded) or pg_dump's custom format ("PGDMP"). */
export async function claseDeArchivo(archivo: string): Promise<ClaseDeArchivo> {
  const f = await open(archivo, 'r');
  try {
    const { buffer, bytesRead } = await f.read(Buffer.alloc(5), 0, 5, 0);
    if (bytesRead >= 2 && buffer[0] === 0x1f && buffer[1] === 0x8b) return 'embebido';
    if (bytesRead === 5 && buffer.toString('latin1') === 'PGDMP') return 'externo';
    return 'desconocido';
  } finally {
    await f.close();
  }
}
