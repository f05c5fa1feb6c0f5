import { parentPort, workerData } from 'node:worker_threads';
import type ExcelJS from 'exceljs';
import { celdaXlsx, type MensajeXlsx } from './leer-xlsx.ts';
import type { Celda } from './libro.ts';

/**
 * Worker body of leer-xlsx.ts: reads the workbook with exceljs's streaming reader (one row at a
 * time, never the whole workbook) and sends each sheet's rows back as JSON Lines in batches, so
 * the thread that answers requests does none of the parsing.
 */
const POR_MENSAJE = 5_000;
const enviar = (m: MensajeXlsx) => parentPort?.postMessage(m);

async function leer(fuente: string | Uint8Array): Promise<void> {
  const { default: Excel } = await import('exceljs');
  const { Readable } = await import('node:stream');
  const entrada = typeof fuente === 'string' ? fuente : Readable.from([Buffer.from(fuente)]);
  const lector = new Excel.stream.xlsx.WorkbookReader(entrada, {
    sharedStrings: 'cache',
    // Dates are cells with a date format: without the styles they would read as numbers.
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  let hoja = 0;
  for await (const h of lector) {
    const nombre = (h as unknown as { name: string }).name;
    let encabezados: string[] | null = null;
    let lote: string[] = [];
    for await (const fila of h as AsyncIterable<ExcelJS.Row>) {
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
    hoja++;
  }
  enviar({ tipo: 'fin' });
}

leer(workerData.fuente as string | Uint8Array).catch((e: unknown) =>
  enviar({ tipo: 'error', mensaje: e instanceof Error ? e.message : String(e) }),
);
