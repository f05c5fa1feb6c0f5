import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { crearCarpetaDeDatos } from './carpeta-de-datos.ts';

export interface Secretos {
  sessionSecret: string;
  contrasenaPostgres: string;
}

/**
 * Secrets generated on the first start and kept in the data folder (mode 0600), so that a
 * restart keeps sessions valid and reaches the same embedded database.
 */
export function secretosDeCarpeta(carpeta: string): Secretos {
  crearCarpetaDeDatos(carpeta);
  const archivo = join(carpeta, 'secretos.json');
  if (existsSync(archivo)) return JSON.parse(readFileSync(archivo, 'utf8')) as Secretos;
  const nuevos: Secretos = {
    sessionSecret: randomBytes(32).toString('base64url'),
    contrasenaPostgres: randomBytes(24).toString('base64url'),
  };
  writeFileSync(archivo, JSON.stringify(nuevos, null, 2), { mode: 0o600 });
  return nuevos;
}
