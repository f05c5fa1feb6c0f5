import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { crearCarpetaDeDatos } from './carpeta-de-datos.ts';

export interface Secretos {
  sessionSecret: string;
  /** The embedded cluster's superuser (initdb's): it only sets up the two roles below. */
  contrasenaPostgres: string;
  /** recupera_duenio: owns the tables and migrates (docs/bitacora.md). */
  contrasenaDuenio: string;
  /** recupera_app: the app's own connection, DML only. */
  contrasenaApp: string;
}

const nuevaClave = () => randomBytes(24).toString('base64url');

/**
 * Secrets generated on the first start and kept in the data folder (mode 0600), so that a
 * restart keeps sessions valid and reaches the same embedded database. The roles' passwords
 * live here, outside the database they open; an installation from before the roles gets them
 * added on its next start.
 */
export function secretosDeCarpeta(carpeta: string): Secretos {
  crearCarpetaDeDatos(carpeta);
  const archivo = join(carpeta, 'secretos.json');
  const guardados: Partial<Secretos> = existsSync(archivo)
    ? (JSON.parse(readFileSync(archivo, 'utf8')) as Partial<Secretos>)
    : {};
  const secretos: Secretos = {
    sessionSecret: guardados.sessionSecret ?? randomBytes(32).toString('base64url'),
    contrasenaPostgres: guardados.contrasenaPostgres ?? nuevaClave(),
    contrasenaDuenio: guardados.contrasenaDuenio ?? nuevaClave(),
    contrasenaApp: guardados.contrasenaApp ?? nuevaClave(),
  };
  if (Object.keys(secretos).some((k) => guardados[k as keyof Secretos] === undefined)) {
    // Whole or not at all: a crash mid-write must not lose the superuser's password.
    const temporal = `${archivo}.${process.pid}.nuevo`;
    writeFileSync(temporal, JSON.stringify(secretos, null, 2), { mode: 0o600 });
    renameSync(temporal, archivo);
  }
  return secretos;
}
