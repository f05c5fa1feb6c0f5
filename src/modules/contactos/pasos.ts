import type { CambioContacto } from '../../db/esquema.ts';

/** One change of a contact in place, and the kind of history row it makes. */
export interface Paso<F> {
  cambio: CambioContacto;
  valores: Partial<F>;
}

export interface PasoDado {
  cambio: CambioContacto;
  antes: object;
  despues: object;
}

/**
 * Applies the changes one after another, each seen before and after: a request that marks a
 * number valid and records consent leaves two history rows, each readable on its own.
 */
export function recorrerPasos<F>(
  fila: F,
  pasos: readonly Paso<F>[],
  foto: (f: F) => object,
): { fila: F; dados: PasoDado[] } {
  let actual = fila;
  const dados: PasoDado[] = [];
  for (const p of pasos) {
    const siguiente = { ...actual, ...p.valores };
    dados.push({ cambio: p.cambio, antes: foto(actual), despues: foto(siguiente) });
    actual = siguiente;
  }
  return { fila: actual, dados };
}

/**
 * The changes a PATCH made: a correction (when it gave a new row) before the changes in place
 * on the row as corrected.
 */
export function cambiosTrasCorregir<F>(
  antes: F,
  corregida: F,
  cambios: readonly CambioContacto[],
): CambioContacto[] {
  return corregida === antes ? [...cambios] : ['correccion', ...cambios];
}
