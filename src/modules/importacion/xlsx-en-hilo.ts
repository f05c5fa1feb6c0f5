import { parentPort, workerData } from 'node:worker_threads';
import type ExcelJS from 'exceljs';
import { celdaXlsx, type MensajeXlsx } from './leer-xlsx.ts';
import type { Celda } from './libro.ts';

/**
 * Worker body of leer-xlsx.ts: reads the workbook and sends each sheet's rows back as JSON Lines
 * in batches, so the thread that answers requests does none of the parsing.
 *
 * Two readers. exceljs's streaming reader keeps memory flat on large books, but misreads small
 * ones whose zip holds the worksheets before workbook.xml (as exceljs itself writes them): a
 * ~10 KB book of five sheets failed with "reading 'sheets'" or, worse, came back as empty
 * sheets named Sheet1… and imported "correctly" with nothing in it. Below HASTA_BYTES the whole
 * book is loaded instead (its model is a few megabytes at most), which reads them right.
 */
const POR_MENSAJE = 5_000;
const HASTA_BYTES = 8 * 1024 * 1024;
const enviar = (m: MensajeXlsx) => parentPort?.postMessage(m);

/** Sends one sheet: its header (row 1, if present) and its rows in batches. */
async function enviarHoja(
  hoja: number,
  nombre: string,
  filas: AsyncIterable<ExcelJS.Row> | Iterable<ExcelJS.Row>,
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

function filasDe(ws: ExcelJS.Worksheet): ExcelJS.Row[] {
  const filas: ExcelJS.Row[] = [];
  ws.eachRow((fila) => {
    filas.push(fila);
  });
  return filas;
}

async function leerEntero(Excel: typeof ExcelJS, bytes: Uint8Array): Promise<void> {
  const libro = new Excel.Workbook();
  await libro.xlsx.load(bytes as unknown as ArrayBuffer);
  let hoja = 0;
  for (const ws of libro.worksheets) {
    await enviarHoja(hoja, ws.name, filasDe(ws));
    hoja++;
  }
}

async function leerEnFlujo(
  Excel: typeof ExcelJS,
  entrada: string | import('node:stream').Readable,
): Promise<void> {
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
    await enviarHoja(hoja, nombre, h as AsyncIterable<ExcelJS.Row>);
    hoja++;
  }
}

async function leer(fuente: string | Uint8Array): Promise<void> {
  const { default: Excel } = await import('exceljs');
  const { readFile, stat } = await import('node:fs/promises');
  const { Readable } = await import('node:stream');
  if (typeof fuente !== 'string') {
    if (fuente.byteLength <= HASTA_BYTES) await leerEntero(Excel, fuente);
    else await leerEnFlujo(Excel, Readable.from([Buffer.from(fuente)]));
  } else if ((await stat(fuente)).size <= HASTA_BYTES) {
    await leerEntero(Excel, await readFile(fuente));
  } else await leerEnFlujo(Excel, fuente);
  enviar({ tipo: 'fin' });
}

leer(workerData.fuente as string | Uint8Array).catch((e: unknown) =>
  enviar({ tipo: 'error', mensaje: e instanceof Error ? e.message : String(e) }),
);
