import { existsSync } from 'node:fs';
import { chmod, lchown, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { carpetaDeEscaneos } from '../../modules/expedientes/escaneos/almacen-de-escaneos.ts';
import { binariosAlAlcance } from '../postgres/binarios.ts';
import type { Identidad } from '../postgres/identidad.ts';
import { ubicarCluster } from '../postgres/ubicacion.ts';
import { iniciarPostgresEmbebido, instanciaEnMarcha } from '../postgres-embebido.ts';
import type { Secretos } from '../secretos.ts';
import {
  CLUSTER,
  ESCANEOS,
  extraer,
  FORMATO,
  MANIFIESTO,
  type Manifiesto,
  SECRETOS,
} from './archivo.ts';
import { ErrorDeRespaldo } from './error-de-respaldo.ts';
import { archivoDeSecretos, carpetaDelCluster, tieneArchivos } from './instalacion.ts';

export interface RestauracionEmbebida {
  tipo: 'embebido';
  carpetaCluster: string;
  manifiesto: Manifiesto;
  /** Scans put back in DATA_DIR/escaneos (0 from a backup written before they were carried). */
  escaneos: number;
}

/** A stored scan in the archive: `escaneos/<2 hex>/<sha256>` (never tmp/, never anything else). */
const ESCANEO = new RegExp(`^${ESCANEOS}/[0-9a-f]{2}/[^/]+$`);

/**
 * The archive's scans back to DATA_DIR/escaneos, where the app looks for them; returns how many.
 * A file already there with the same name has the same bytes (the name is their hash).
 */
async function restaurarEscaneos(archivo: string, carpetaDatos: string): Promise<number> {
  let cuantos = 0;
  await extraer(archivo, carpetaDatos, (ruta) => {
    if (!ESCANEO.test(ruta)) return false;
    cuantos++;
    return true;
  });
  return cuantos;
}

/** Never over an installation: a restore that replaced live data by mistake would be a loss. */
function exigirCarpetaVacia(carpetaDatos: string): void {
  const enMarcha = instanciaEnMarcha(carpetaDatos);
  if (enMarcha) {
    throw new ErrorDeRespaldo(
      `Recupera está en marcha con ${carpetaDatos} (proceso ${enMarcha.pid}): restaura en una carpeta de datos vacía (indícala con DATA_DIR).`,
    );
  }
  const cluster = carpetaDelCluster(carpetaDatos);
  const ocupada = existsSync(archivoDeSecretos(carpetaDatos))
    ? archivoDeSecretos(carpetaDatos)
    : tieneArchivos(cluster)
      ? cluster
      : null;
  if (ocupada !== null) {
    throw new ErrorDeRespaldo(
      `${carpetaDatos} ya tiene una instalación (${ocupada}): restaura en una carpeta de datos vacía (indícala con DATA_DIR); no se sobrescribe nada.`,
    );
  }
}

interface Contenido {
  manifiesto: Manifiesto;
  secretos: string;
  versionCluster: string;
}

/** The small files first, to refuse a wrong archive before anything is written to DATA_DIR. */
async function leerContenido(archivo: string): Promise<Contenido> {
  const lectura = await mkdtemp(join(tmpdir(), 'recupera-restauracion-'));
  try {
    const pgVersion = `${CLUSTER}/PG_VERSION`;
    await extraer(archivo, lectura, (r) => r === MANIFIESTO || r === SECRETOS || r === pgVersion);
    const leer = (nombre: string) => readFile(join(lectura, nombre), 'utf8').catch(() => null);
    const manifiesto = await leer(MANIFIESTO);
    const secretos = await leer(SECRETOS);
    const versionCluster = await leer(pgVersion);
    if (manifiesto === null || secretos === null || versionCluster === null) {
      throw new ErrorDeRespaldo(
        `${archivo} no es un respaldo de Recupera (le falta ${MANIFIESTO}, ${SECRETOS} o la base).`,
      );
    }
    const m = JSON.parse(manifiesto) as Manifiesto;
    if (m.formato !== FORMATO) {
      throw new ErrorDeRespaldo(
        `${archivo} tiene un formato de respaldo que esta versión no conoce (${m.formato}): restáuralo con la versión de Recupera que lo escribió.`,
      );
    }
    return { manifiesto: m, secretos, versionCluster: versionCluster.trim() };
  } finally {
    await rm(lectura, { recursive: true, force: true });
  }
}

async function darA(carpeta: string, identidad: Identidad): Promise<void> {
  await lchown(carpeta, identidad.uid, identidad.gid);
  for (const ruta of await readdir(carpeta, { recursive: true })) {
    await lchown(join(carpeta, ruta), identidad.uid, identidad.gid);
  }
}

async function vaciar(carpeta: string): Promise<void> {
  for (const nombre of await readdir(carpeta).catch(() => [])) {
    await rm(join(carpeta, nombre), { recursive: true, force: true });
  }
}

/**
 * Rebuilds an embedded installation from a backup into an empty DATA_DIR: secretos.json, the
 * cluster where ubicarCluster places it, owned by the user that runs PostgreSQL, and the
 * scans in DATA_DIR/escaneos. The server is then started once, so that it recovers from
 * backup_label now and the command can say the restore worked (PostgreSQL refuses to start if
 * the WAL does not reach the backup's end); if anything fails, what was written is removed and
 * the folder is empty again.
 */
export async function restaurarEmbebido(
  carpetaDatos: string,
  archivo: string,
  avisar: (linea: string) => void,
): Promise<RestauracionEmbebida> {
  exigirCarpetaVacia(carpetaDatos);
  const { manifiesto, secretos, versionCluster } = await leerContenido(archivo);
  const { carpeta, identidad } = ubicarCluster(carpetaDatos, avisar);
  if (tieneArchivos(carpeta)) {
    throw new ErrorDeRespaldo(`${carpeta} no está vacía: restaura en una carpeta de datos vacía.`);
  }
  const binarios = await binariosAlAlcance(identidad, avisar);
  if (binarios.version.split('.')[0] !== versionCluster) {
    throw new ErrorDeRespaldo(
      `El respaldo es de PostgreSQL ${versionCluster} y este Recupera trae PostgreSQL ${binarios.version}: restáuralo con la versión de Recupera que lo escribió.`,
    );
  }
  const { contrasenaPostgres } = JSON.parse(secretos) as Secretos;
  let secretosEscritos = false;
  const habiaEscaneos = existsSync(carpetaDeEscaneos(carpetaDatos));
  let escaneos = 0;
  try {
    await extraer(archivo, carpeta, (r) => r.startsWith(`${CLUSTER}/`), 1);
    if (identidad) await darA(carpeta, identidad);
    await chmod(carpeta, 0o700); // PostgreSQL refuses a data folder others can read
    await writeFile(archivoDeSecretos(carpetaDatos), secretos, { mode: 0o600, flag: 'wx' });
    secretosEscritos = true;
    avisar('PostgreSQL se recupera desde el respaldo (reproduce el WAL)…');
    const servidor = await iniciarPostgresEmbebido(
      carpetaDatos,
      contrasenaPostgres,
      () => {},
      avisar,
    );
    try {
      const cliente = new pg.Client(servidor.url);
      cliente.on('error', () => {});
      await cliente.connect();
      await cliente.query('SELECT count(*) FROM pg_class').finally(() => cliente.end());
    } finally {
      await servidor.detener();
    }
    // Once the database is known good: a failed recovery leaves no scans behind to remove.
    escaneos = await restaurarEscaneos(archivo, carpetaDatos);
    if (escaneos > 0) avisar(`Escaneos de los expedientes restaurados: ${escaneos}.`);
  } catch (e) {
    await vaciar(carpeta);
    if (secretosEscritos) await rm(archivoDeSecretos(carpetaDatos), { force: true });
    // Only a folder this restore created: one the operator had put there stays as it was.
    if (!habiaEscaneos) {
      await rm(carpetaDeEscaneos(carpetaDatos), { recursive: true, force: true });
    }
    const motivo = e instanceof Error ? e.message : String(e);
    throw new ErrorDeRespaldo(
      `La restauración falló y se deshizo (${carpetaDatos} quedó vacía): ${motivo}`,
    );
  }
  return { tipo: 'embebido', carpetaCluster: carpeta, manifiesto, escaneos };
}
