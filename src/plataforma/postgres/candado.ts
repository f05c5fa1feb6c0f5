import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ErrorInstanciaDuplicada } from './errores.ts';

/** The lock file: which process owns the data folder, and the port its PostgreSQL listens on. */
export interface Candado {
  pid: number;
  puerto: number;
}

export function procesoVivo(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const archivoCandado = (carpeta: string) => join(carpeta, 'recupera.lock');

function leerCandado(carpeta: string): Candado | null {
  try {
    return JSON.parse(readFileSync(archivoCandado(carpeta), 'utf8')) as Candado;
  } catch {
    return null;
  }
}

/** The running app's embedded PostgreSQL, so that a command can work beside it. */
export function instanciaEnMarcha(carpeta: string): Candado | null {
  const candado = leerCandado(carpeta);
  return candado && procesoVivo(candado.pid) ? candado : null;
}

function mensajeDuplicada(carpeta: string, pid: number | string): string {
  return (
    `Recupera ya está en marcha con la carpeta de datos ${carpeta} (proceso ${pid}). ` +
    'Detén esa instancia o usa otra carpeta con DATA_DIR.'
  );
}

/**
 * One app per data folder. A live lock means another Recupera owns the folder: refuse. A dead
 * lock is removed; the exclusive create then settles two starts racing for the same folder.
 */
export function tomarCandado(carpeta: string, puerto: number): () => void {
  const dueno = instanciaEnMarcha(carpeta);
  if (dueno) throw new ErrorInstanciaDuplicada(mensajeDuplicada(carpeta, dueno.pid));
  rmSync(archivoCandado(carpeta), { force: true });
  try {
    writeFileSync(archivoCandado(carpeta), JSON.stringify({ pid: process.pid, puerto }), {
      flag: 'wx',
    });
  } catch {
    throw new ErrorInstanciaDuplicada(mensajeDuplicada(carpeta, 'recién iniciado'));
  }
  return () => rmSync(archivoCandado(carpeta), { force: true });
}
