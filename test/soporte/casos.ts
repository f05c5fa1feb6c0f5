import { readdirSync, readFileSync } from 'node:fs';
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

export interface Ejemplo {
  caso: unknown;
  esperado: { error?: { codigo: string } } & Record<string, unknown>;
}

/** The examples of one folder: its `*.json` cases and its `aleatorios.jsonl` lines. */
function ejemplos(carpeta: string, prefijo: string): [string, Ejemplo][] {
  const archivos = readdirSync(carpeta)
    .filter((nombre) => nombre.endsWith('.json'))
    .sort()
    .map((nombre): [string, Ejemplo] => [
      `${prefijo}${nombre}`,
      JSON.parse(readFileSync(join(carpeta, nombre), 'utf8')),
    ]);
  const aleatorios = readFileSync(join(carpeta, 'aleatorios.jsonl'), 'utf8')
    .split('\n')
    .filter((linea) => linea.trim() !== '')
    .map((linea, i): [string, Ejemplo] => [
      `${prefijo}aleatorios.jsonl:${i + 1}`,
      JSON.parse(linea),
    ]);
  return [...archivos, ...aleatorios];
}

/**
 * Every published example, by name: the main folder's and R9's (tasa por puntualidad), which
 * live in their own folder, as published.
 */
export function todosLosCasos(): [string, Ejemplo][] {
  return [
    ...ejemplos(CARPETA_CASOS, ''),
    ...ejemplos(join(CARPETA_CASOS, 'puntualidad'), 'puntualidad/'),
  ];
}
