import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Secretos } from '../secretos.ts';
import { ErrorDeRespaldo } from './error-de-respaldo.ts';

/** What DATA_DIR holds of an embedded installation, read without creating anything. */
export const archivoDeSecretos = (carpetaDatos: string) => join(carpetaDatos, 'secretos.json');

/** The pointer postgres/ubicacion.ts writes when the cluster cannot live in DATA_DIR/pg. */
const PUNTERO = 'pg-ubicacion.json';

/** The cluster's folder as ubicarCluster would find it, or null when DATA_DIR names none. */
export function carpetaDelCluster(carpetaDatos: string): string | null {
  const puntero = join(carpetaDatos, PUNTERO);
  if (existsSync(puntero)) {
    return (JSON.parse(readFileSync(puntero, 'utf8')) as { carpeta: string }).carpeta;
  }
  const propia = join(carpetaDatos, 'pg');
  return existsSync(propia) ? propia : null;
}

export const tieneArchivos = (carpeta: string | null): carpeta is string =>
  carpeta !== null && existsSync(carpeta) && readdirSync(carpeta).length > 0;

/**
 * The secrets of an existing installation. Not secretosDeCarpeta: that one creates new secrets
 * where there are none, and a backup must not invent a password for a cluster it cannot open.
 */
export function leerSecretos(carpetaDatos: string): Secretos {
  const archivo = archivoDeSecretos(carpetaDatos);
  if (!existsSync(archivo)) {
    throw new ErrorDeRespaldo(
      `No hay una instalación de Recupera en ${carpetaDatos} (falta secretos.json): revisa DATA_DIR.`,
    );
  }
  return JSON.parse(readFileSync(archivo, 'utf8')) as Secretos;
}
