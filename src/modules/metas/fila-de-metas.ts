import type { ObjetivoItem } from '../../domain/metas/indice-de-cumplimiento.ts';
import { Falla, leerMonto, leerTexto, textoDeNumero } from '../importacion/celdas.ts';
import { type Celda, celdaVacia } from '../importacion/libro.ts';
import { type Objetivos, PESO } from './definir-meta.ts';
import { COLUMNAS_DE_ITEM } from './exportar-metas.ts';

/** One problem of the uploaded workbook, where Excel shows it. */
export interface ErrorDeFila {
  fila: number;
  columna: string;
  mensaje: string;
}

/** A row of the sheet, read and checked on its own (the subject is resolved afterwards). */
export interface FilaDeMetas {
  fila: number;
  oficina: string | null;
  gestor: string | null;
  items: Objetivos;
  motivo: string | null;
}

const mostrar = (c: Celda) => (typeof c === 'object' && c !== null ? c.fecha : `«${String(c)}»`);

/** A count: a whole number cell or text, 0 or more. */
export function leerConteo(celda: Celda): Falla | bigint {
  const t =
    typeof celda === 'number'
      ? textoDeNumero(celda)
      : typeof celda === 'string'
        ? celda.trim()
        : '';
  if (!/^\d{1,10}$/.test(t) || Number(t) > 2_147_483_647) {
    return new Falla(`${mostrar(celda)} no es un número entero de 0 en adelante`);
  }
  return BigInt(t);
}

/** A weight: 0 to 999.99 with at most 2 decimals, as a number cell or text. */
export function leerPeso(celda: Celda): Falla | string {
  const t =
    typeof celda === 'number'
      ? textoDeNumero(celda)
      : typeof celda === 'string'
        ? celda.trim()
        : '';
  return PESO.test(t)
    ? t
    : new Falla(`${mostrar(celda)} no es un peso entre 0 y 999.99 con a lo más 2 decimales`);
}

/**
 * One row into a goal, or the list of what is wrong with it (every cell, not just the first).
 * `celda(nombre)` gives the cell under that header.
 */
export function leerFilaDeMetas(
  fila: number,
  celda: (columna: string) => Celda,
): FilaDeMetas | ErrorDeFila[] {
  const errores: ErrorDeFila[] = [];
  const error = (columna: string, mensaje: string) => errores.push({ fila, columna, mensaje });
  const texto = (columna: string, maximo: number): string | null => {
    const t = leerTexto(celda(columna));
    if (t instanceof Falla) {
      error(columna, t.motivo);
      return null;
    }
    if (t !== null && t.length > maximo) {
      error(columna, `admite a lo más ${maximo} caracteres`);
      return null;
    }
    return t;
  };
  const oficina = texto('oficina', 20);
  if (oficina === null && celdaVacia(celda('oficina')))
    error('oficina', 'falta la clave de la oficina (p. ej. HMO)');
  const gestor = texto('gestor', 60);
  const motivo = texto('motivo', 500);
  const items: Objetivos = {};
  for (const c of COLUMNAS_DE_ITEM) {
    const meta = celda(c.meta);
    const peso = celda(c.peso);
    if (celdaVacia(meta) && celdaVacia(peso)) continue;
    if (celdaVacia(meta)) {
      error(c.meta, `falta la meta: la columna ${c.peso} trae un peso`);
      continue;
    }
    if (celdaVacia(peso)) {
      error(c.peso, `falta el peso de la meta de ${c.meta}`);
      continue;
    }
    const m = c.item === 'recuperacion' ? leerMonto(meta) : leerConteo(meta);
    const p = leerPeso(peso);
    if (m instanceof Falla) error(c.meta, m.motivo);
    if (p instanceof Falla) error(c.peso, p.motivo);
    if (!(m instanceof Falla) && !(p instanceof Falla)) {
      items[c.item] = { meta: BigInt(m), peso: p } satisfies ObjetivoItem;
    }
  }
  return errores.length > 0 ? errores : { fila, oficina, gestor, items, motivo };
}
