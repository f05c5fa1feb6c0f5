import { randomBytes } from 'node:crypto';
import { chownSync, existsSync, mkdirSync, readFileSync, rmdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { crearCarpetaDeDatos } from '../carpeta-de-datos.ts';
import { CARPETA_DEL_SISTEMA } from './binarios.ts';
import { ErrorDeArranque } from './errores.ts';
import { alcanza, esRoot, type Identidad, identidadDelServidor } from './identidad.ts';

/** Where the cluster of a data folder lives, and who runs it. */
export interface Ubicacion {
  carpeta: string;
  identidad: Identidad | null;
}

/** Names the cluster's folder when it cannot live inside DATA_DIR (see `ubicarCluster`). */
const PUNTERO = 'pg-ubicacion.json';

function leerPuntero(carpetaDatos: string): string | null {
  const archivo = join(carpetaDatos, PUNTERO);
  if (!existsSync(archivo)) return null;
  return (JSON.parse(readFileSync(archivo, 'utf8')) as { carpeta: string }).carpeta;
}

/** Gives the cluster's folder to the user that runs it; empty when new. */
function prepararParaIdentidad(carpeta: string, identidad: Identidad | null): void {
  crearCarpetaDeDatos(carpeta);
  if (identidad && !existsSync(join(carpeta, 'PG_VERSION'))) {
    chownSync(carpeta, identidad.uid, identidad.gid);
  }
}

/**
 * The cluster lives in DATA_DIR/pg, where the user put the data. As root it runs as a dedicated
 * user, who must be able to reach that folder: under a private home (`0700`) it cannot, and
 * widening the home's permissions is not ours to do. Then the cluster is placed under
 * /var/lib/recupera/datos and DATA_DIR/pg-ubicacion.json names it (said once, when created);
 * backups and restores follow the pointer, so DATA_DIR still holds or names everything.
 */
export function ubicarCluster(carpetaDatos: string, registrar: (l: string) => void): Ubicacion {
  crearCarpetaDeDatos(carpetaDatos);
  const apuntada = leerPuntero(carpetaDatos);
  if (apuntada !== null) {
    const identidad = identidadDelServidor(apuntada);
    prepararParaIdentidad(apuntada, identidad);
    return { carpeta: apuntada, identidad };
  }
  const propia = join(carpetaDatos, 'pg');
  const identidad = identidadDelServidor(propia);
  const nueva = !existsSync(propia);
  prepararParaIdentidad(propia, identidad);
  if (!esRoot() || alcanza(identidad, propia, '-w')) return { carpeta: propia, identidad };
  if (!nueva && existsSync(join(propia, 'PG_VERSION'))) {
    throw new ErrorDeArranque(
      `El usuario ${identidad?.nombre} que corre PostgreSQL no alcanza ${propia}: ` +
        'una carpeta superior no le deja pasar. Mueve DATA_DIR a una carpeta accesible.',
    );
  }
  rmdirSync(propia);
  const externa = join(CARPETA_DEL_SISTEMA, 'datos', randomBytes(6).toString('hex'));
  mkdirSync(join(CARPETA_DEL_SISTEMA, 'datos'), { recursive: true, mode: 0o755 });
  prepararParaIdentidad(externa, identidad);
  writeFileSync(join(carpetaDatos, PUNTERO), `${JSON.stringify({ carpeta: externa })}\n`);
  registrar(
    `El usuario ${identidad?.nombre} que corre PostgreSQL no alcanza ${carpetaDatos} (una carpeta ` +
      `privada): la base vive en ${externa} y ${join(carpetaDatos, PUNTERO)} la señala.`,
  );
  return { carpeta: externa, identidad };
}
