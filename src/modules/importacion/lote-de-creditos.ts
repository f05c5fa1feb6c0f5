import type { CarteraArchivo, CreditoArchivo } from './cartera-archivo.ts';
import type { FilasPorCredito, HojaDeCredito } from './filas-por-credito.ts';
import type { Informe } from './informe.ts';
import { carteraVacia, LectorDeHojas } from './leer-filas.ts';
import type { Conteos } from './planear-importacion.ts';

/**
 * A batch of credits as its own small workbook: the creditos rows of `numeros` (a number the
 * creditos sheet lacks has none: its rows are reported as such). The faults found so far are
 * shared with the whole book's: a credit's fault is the book's.
 */
export function carteraDeLote(
  archivo: CarteraArchivo,
  numeros: readonly string[],
  filas: ReadonlyMap<string, CreditoArchivo>,
): CarteraArchivo {
  return {
    ...carteraVacia(),
    creditos: numeros.flatMap((n) => filas.get(n) ?? []),
    conFallas: archivo.conFallas,
  };
}

/** Reads the rows of `hojas` of the batch's credits into `lote`; the rows read. */
export async function leerDelIndice(
  indice: FilasPorCredito,
  hojas: readonly HojaDeCredito[],
  numeros: readonly string[],
  lote: CarteraArchivo,
  informe: Informe,
  alLeer: (filas: number) => void,
): Promise<number> {
  const lector = new LectorDeHojas(lote, informe);
  for (const hoja of hojas) {
    for (const { parte, fila } of indice.filas(hoja, numeros))
      if (lector.leer(hoja, parte, fila)) await lector.pausar(alLeer);
  }
  alLeer(lector.leidas);
  return lector.leidas;
}

/** Adds a batch's credits and movements to the book's counts. */
export function sumarConteos(total: Conteos, lote: Conteos): void {
  total.creditos.nuevos += lote.creditos.nuevos;
  total.creditos.sinCambios += lote.creditos.sinCambios;
  total.movimientos.nuevos += lote.movimientos.nuevos;
  total.movimientos.existentes += lote.movimientos.existentes;
}
