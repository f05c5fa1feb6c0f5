import { parentPort, workerData } from 'node:worker_threads';
import type ExcelJS from 'exceljs';
import { celdaXlsx, type MensajeXlsx } from './leer-xlsx.ts';
import type { Celda } from './libro.ts';
import { hojasEnOrden } from './xlsx-en-orden.ts';

/**
 * Worker body of leer-xlsx.ts: reads the workbook sheet by sheet (xlsx-en-orden.ts) and sends
 * each sheet's rows back as JSON Lines in batches, so the thread that answers requests does none
 * of the parsing, and memory does not grow with the book.
 */
const POR_MENSAJE = 5_000;
const enviar = (m: MensajeXlsx) => parentPort?.postMessage(m);

/** Sends one sheet: its header (row 1, if present) and its rows in batches. */
async function enviarHoja(
  hoja: number,
  nombre: string,
  filas: AsyncIterable<ExcelJS.Row>,
): Promise<void> {
  let encabezados: string[] | null = null;
  let lote: string[] = [];
  for await (const fila of filas) {
    if (encabezados === null) {
      encabezados = [];
      if (fila.number === 1) {
        const e = encabezados;
        fila.eachCell({ includeEmpty: true }, (c, columna) => {
          const v = celdaXlsx(c.value);
          e[columna - 1] = v === null || typeof v === 'object' ? '' : String(v);
        });
        for (let i = 0; i < e.length; i++) e[i] ??= '';
        enviar({ tipo: 'hoja', hoja, nombre, encabezados: e });
        continue;
      }
      enviar({ tipo: 'hoja', hoja, nombre, encabezados });
    }
    const ancho = encabezados.length;
    const celdas: Celda[] = new Array(ancho).fill(null);
    fila.eachCell((c, columna) => {
      if (columna <= ancho) celdas[columna - 1] = celdaXlsx(c.value);
    });
    lote.push(JSON.stringify([fila.number, ...celdas]));
    if (lote.length === POR_MENSAJE) {
      enviar({ tipo: 'filas', hoja, filas: lote.join('\n'), cuantas: lote.length });
      lote = [];
    }
  }
  if (encabezados === null) enviar({ tipo: 'hoja', hoja, nombre, encabezados: [] });
  if (lote.length > 0)
    enviar({ tipo: 'filas', hoja, filas: lote.join('\n'), cuantas: lote.length });
}

async function leer(fuente: string | Uint8Array): Promise<void> {
  const { default: Excel } = await import('exceljs');
  let hoja = 0;
  for await (const { nombre, filas } of hojasEnOrden(Excel, fuente)) {
    await enviarHoja(hoja, nombre, filas);
    hoja++;
  }
  enviar({ tipo: 'fin' });
}

leer(workerData.fuente as string | Uint8Array).catch((e: unknown) =>
  enviar({ tipo: 'error', mensaje: e instanceof Error ? e.message : String(e) }),
);
