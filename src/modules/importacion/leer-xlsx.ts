import { Worker } from 'node:worker_threads';
import type ExcelJS from 'exceljs';
import { ErrorDominio } from '../../domain/errores.ts';
import type { Celda, FilaLeida, HojaLeida, HojasLeidas } from './libro.ts';

const dos = (n: number) => String(n).padStart(2, '0');

/**
 * exceljs turns a date cell's serial number into a `Date` at that day's 00:00 UTC (plus the
 * time of day, if any): the calendar date the cell shows is the UTC one. Reading it in local
 * time would move every date one day back in Sonora (UTC−7).
 */
function fechaDeCelda(d: Date): Celda {
  if (Number.isNaN(d.getTime())) return null;
  return { fecha: `${d.getUTCFullYear()}-${dos(d.getUTCMonth() + 1)}-${dos(d.getUTCDate())}` };
}

/** A cell's value as what it shows: formulas by their result, rich text as plain text. */
export function celdaXlsx(valor: ExcelJS.CellValue): Celda {
  if (valor === null || valor === undefined) return null;
  if (typeof valor === 'string' || typeof valor === 'number' || typeof valor === 'boolean')
    return valor;
  if (valor instanceof Date) return fechaDeCelda(valor);
  if ('richText' in valor) return valor.richText.map((t) => t.text).join('');
  if ('formula' in valor || 'sharedFormula' in valor) {
    const resultado = (valor as ExcelJS.CellFormulaValue).result;
    if (resultado === undefined || resultado === null) return null;
    if (typeof resultado === 'object' && 'error' in resultado) return resultado.error;
    return celdaXlsx(resultado as ExcelJS.CellValue);
  }
  if ('hyperlink' in valor) return typeof valor.text === 'string' ? valor.text : null;
  if ('error' in valor) return valor.error;
  return null;
}

/** The reading thread's parser refused the bytes (not a zip, not a workbook). */
class LibroIlegible extends Error {}

/** What the reading thread (xlsx-en-hilo.ts) sends back. */
export type MensajeXlsx =
  | { tipo: 'hoja'; hoja: number; nombre: string; encabezados: string[] }
  | { tipo: 'filas'; hoja: number; filas: string; cuantas: number }
  | { tipo: 'fin' }
  | { tipo: 'error'; mensaje: string };

/**
 * A sheet's rows kept as JSON Lines, a few thousand rows per string: 300,000 rows are some tens
 * of megabytes this way, where exceljs's model of the same sheet took gigabytes. They are
 * parsed again each time the import walks them.
 */
function hojaEnLotes(nombre: string, encabezados: string[], lotes: string[]): HojaLeida {
  return {
    nombre,
    encabezados,
    filas: {
      *[Symbol.iterator]() {
        for (const lote of lotes) {
          for (const linea of lote.split('\n')) {
            const [numero, ...celdas] = JSON.parse(linea) as [number, ...Celda[]];
            yield { numero, celdas } satisfies FilaLeida;
          }
        }
      },
    },
  };
}

/**
 * An .xlsx workbook, from its bytes or from a file: each sheet with its header in row 1. It is
 * read row by row in a worker thread (exceljs's streaming reader), so neither the memory nor
 * this thread's time grows with the whole workbook's model. `alLeer` is told the rows read.
 */
export async function leerLibroXlsx(
  nombre: string,
  fuente: Uint8Array | string,
  alLeer: (filas: number) => void = () => {},
): Promise<HojasLeidas> {
  const hilo = new Worker(new URL('../../plataforma/arranque-hilo.mjs', import.meta.url), {
    workerData: { modulo: new URL('./xlsx-en-hilo.ts', import.meta.url).href, fuente },
  });
  const hojas: Array<{ nombre: string; encabezados: string[]; lotes: string[] }> = [];
  let leidas = 0;
  try {
    await new Promise<void>((listo, fallo) => {
      hilo.on('error', fallo);
      hilo.on('exit', () => fallo(new Error('el hilo de lectura terminó antes de tiempo')));
      hilo.on('message', (m: MensajeXlsx) => {
        if (m.tipo === 'hoja')
          hojas[m.hoja] = { nombre: m.nombre, encabezados: m.encabezados, lotes: [] };
        else if (m.tipo === 'filas') {
          hojas[m.hoja]?.lotes.push(m.filas);
          leidas += m.cuantas;
          alLeer(leidas);
        } else if (m.tipo === 'fin') listo();
        else fallo(new LibroIlegible(m.mensaje));
      });
    });
  } catch (e) {
    // Only exceljs's refusal is the workbook's fault; a thread that could not start or died
    // is ours, and telling the office its good file is broken would send them the wrong way.
    if (!(e instanceof LibroIlegible)) throw e;
    throw new ErrorDominio(
      'entrada_invalida',
      `${nombre} no es un libro de Excel (.xlsx) legible.`,
      'archivo',
    );
  } finally {
    await hilo.terminate();
  }
  return {
    archivo: nombre,
    hojas: hojas.map((h) => hojaEnLotes(h.nombre, h.encabezados, h.lotes)),
  };
}
