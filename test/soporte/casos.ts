import { join } from 'node:path';

/**
 * The published normative examples (spec/casos), carried in the repository as test fixtures so
 * that a clone stands alone. When the spec gains a case, copy it into test/casos/.
 */
export const CARPETA_CASOS = join(import.meta.dirname, '..', 'casos');

/** The path of one published example, by file name. */
export function rutaCaso(nombre: string): string {
  return join(CARPETA_CASOS, nombre);
}
