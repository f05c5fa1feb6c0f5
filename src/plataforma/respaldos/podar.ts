import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { elegirRespaldos, type PoliticaDeRetencion } from './retencion.ts';

/** A backup cut short (the app stopped mid-way) leaves these; none lives this long otherwise. */
const RESTOS = /^\.preparando-|\.parcial$/;
const VIDA_DE_UN_RESTO_MS = 12 * 60 * 60 * 1000;

/**
 * Deletes the backups in `carpeta` that the retention does not keep, and the remains of
 * backups cut short; returns the backups' names.
 */
export async function podarRespaldos(
  carpeta: string,
  politica: PoliticaDeRetencion,
  ahora: Date = new Date(),
): Promise<string[]> {
  const nombres = await readdir(carpeta).catch(() => []);
  const { borrar } = elegirRespaldos(nombres, politica);
  for (const nombre of borrar) await rm(join(carpeta, nombre), { force: true });
  for (const nombre of nombres.filter((n) => RESTOS.test(n))) {
    const ruta = join(carpeta, nombre);
    const { mtimeMs } = await stat(ruta);
    if (ahora.getTime() - mtimeMs > VIDA_DE_UN_RESTO_MS) {
      await rm(ruta, { recursive: true, force: true });
    }
  }
  return borrar;
}
