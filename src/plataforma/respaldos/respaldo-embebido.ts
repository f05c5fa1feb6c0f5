import { randomBytes } from 'node:crypto';
import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import pg from 'pg';
import { clusterCreado } from '../postgres/cluster.ts';
import { iniciarPostgresEmbebido, instanciaEnMarcha, urlEmbebida } from '../postgres-embebido.ts';
import {
  CLUSTER,
  ESCANEOS,
  empaquetar,
  FORMATO,
  MANIFIESTO,
  type Manifiesto,
  SECRETOS,
} from './archivo.ts';
import { copiarCluster, copiarWal } from './copiar-cluster.ts';
import { ErrorDeRespaldo } from './error-de-respaldo.ts';
import { enlazarEscaneos } from './escaneos.ts';
import { archivoDeSecretos, carpetaDelCluster, leerSecretos } from './instalacion.ts';

interface Copia {
  versionPostgres: string;
  lsnFinal: string;
}

/**
 * PostgreSQL's low-level backup API on one session held open: pg_backup_start, copy the files,
 * pg_backup_stop, its label into the copy as backup_label, then the WAL up to the stop point.
 */
async function copiaEnLinea(url: string, destino: string, etiqueta: string): Promise<Copia> {
  const cliente = new pg.Client(url);
  cliente.on('error', () => {}); // a lost connection fails the query awaiting it
  await cliente.connect();
  try {
    const { rows } = await cliente.query<{ carpeta: string; version: string; segmento: string }>(
      `SELECT current_setting('data_directory') AS carpeta,
              current_setting('server_version') AS version,
              (SELECT setting FROM pg_settings WHERE name = 'wal_segment_size') AS segmento`,
    );
    const info = rows[0];
    if (!info) throw new Error('el servidor no dijo su carpeta de datos');
    // A checkpoint during a long copy may recycle the WAL that the restore must replay; a
    // temporary slot holds it until this session ends.
    const ranura = `recupera_respaldo_${randomBytes(6).toString('hex')}`;
    await cliente.query('SELECT pg_create_physical_replication_slot($1, true, true)', [ranura]);
    await cliente.query('SELECT pg_backup_start($1, fast => true)', [etiqueta]);
    await copiarCluster(info.carpeta, destino);
    const fin = (
      await cliente.query<{ lsn: string; labelfile: string; spcmapfile: string | null }>(
        'SELECT lsn::text AS lsn, labelfile, spcmapfile FROM pg_backup_stop(wait_for_archive => false)',
      )
    ).rows[0];
    if (!fin) throw new Error('pg_backup_stop no devolvió la etiqueta');
    await writeFile(join(destino, 'backup_label'), fin.labelfile, { mode: 0o600 });
    if (fin.spcmapfile) {
      await writeFile(join(destino, 'tablespace_map'), fin.spcmapfile, { mode: 0o600 });
    }
    const primero = /START WAL LOCATION: \S+ \(file ([0-9A-F]{24})\)/.exec(fin.labelfile)?.[1];
    const ultimo = (
      await cliente.query<{ archivo: string }>('SELECT pg_walfile_name($1::pg_lsn) AS archivo', [
        fin.lsn,
      ])
    ).rows[0]?.archivo;
    if (!primero || !ultimo) throw new Error(`backup_label inesperado: ${fin.labelfile}`);
    await copiarWal(info.carpeta, destino, primero, ultimo, Number(info.segmento));
    return { versionPostgres: info.version, lsnFinal: fin.lsn };
  } finally {
    await cliente.end().catch(() => {});
  }
}

/**
 * The embedded database, consistent, into `archivo` (a .tar.gz with the cluster, secretos.json,
 * respaldo.json and the scans of DATA_DIR/escaneos). Beside a running app, through its server. A stopped installation is
 * started for the backup rather than copied as it lies: the same tested path, its lock keeps
 * an app from starting on the folder meanwhile, and a cluster left by a crash (or an orphaned
 * postmaster still writing) is recovered or stopped first instead of copied half-written.
 */
export async function respaldarEmbebido(
  carpetaDatos: string,
  archivo: string,
  creado: Date,
  avisar: (linea: string) => void,
): Promise<void> {
  const { contrasenaPostgres } = leerSecretos(carpetaDatos);
  const enMarcha = instanciaEnMarcha(carpetaDatos);
  let url: string;
  let detener = async () => {};
  if (enMarcha) {
    url = urlEmbebida(contrasenaPostgres, enMarcha.puerto);
  } else {
    const carpeta = carpetaDelCluster(carpetaDatos);
    if (carpeta === null || !clusterCreado(carpeta)) {
      throw new ErrorDeRespaldo(
        `No hay base de datos embebida en ${carpetaDatos}: revisa DATA_DIR.`,
      );
    }
    avisar('Recupera no está en marcha: se arranca PostgreSQL solo para el respaldo.');
    const servidor = await iniciarPostgresEmbebido(
      carpetaDatos,
      contrasenaPostgres,
      () => {},
      avisar,
    );
    url = servidor.url;
    detener = servidor.detener;
  }
  const preparacion = await mkdtemp(join(dirname(archivo), '.preparando-'));
  try {
    let copia: Copia;
    try {
      copia = await copiaEnLinea(
        url,
        join(preparacion, CLUSTER),
        `recupera ${creado.toISOString()}`,
      );
    } finally {
      await detener();
    }
    // After the snapshot ended: a scan's file is in place before its row is committed, so
    // every row the restored database will have finds its file here.
    const escaneos = await enlazarEscaneos(carpetaDatos, join(preparacion, ESCANEOS));
    await copyFile(archivoDeSecretos(carpetaDatos), join(preparacion, SECRETOS));
    const manifiesto: Manifiesto = {
      formato: FORMATO,
      tipo: 'embebido',
      creado: creado.toISOString(),
      versionPostgres: copia.versionPostgres,
      lsnFinal: copia.lsnFinal,
      enMarcha: enMarcha !== null,
      escaneos,
    };
    await writeFile(join(preparacion, MANIFIESTO), `${JSON.stringify(manifiesto, null, 2)}\n`, {
      mode: 0o600,
    });
    await empaquetar(preparacion, archivo);
  } finally {
    await rm(preparacion, { recursive: true, force: true });
  }
}
