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
function celda(valor: ExcelJS.CellValue): Celda {
  if (valor === null || valor === undefined) return null;
  if (typeof valor === 'string' || typeof valor === 'number' || typeof valor === 'boolean')
    return valor;
  if (valor instanceof Date) return fechaDeCelda(valor);
  if ('richText' in valor) return valor.richText.map((t) => t.text).join('');
  if ('formula' in valor || 'sharedFormula' in valor) {
    const resultado = (valor as ExcelJS.CellFormulaValue).result;
    if (resultado === undefined || resultado === null) return null;
    if (typeof resultado === 'object' && 'error' in resultado) return resultado.error;
    return celda(resultado as ExcelJS.CellValue);
  }
  if ('hyperlink' in valor) return typeof valor.text === 'string' ? valor.text : null;
  if ('error' in valor) return valor.error;
  return null;
}

function leerHoja(hoja: ExcelJS.Worksheet): HojaLeida {
  const encabezados: string[] = [];
  hoja.getRow(1).eachCell({ includeEmpty: true }, (c, columna) => {
    const v = celda(c.value);
    encabezados[columna - 1] = v === null || typeof v === 'object' ? '' : String(v);
  });
  for (let i = 0; i < encabezados.length; i++) encabezados[i] ??= '';
  const filas: FilaLeida[] = [];
  hoja.eachRow((fila, numero) => {
    if (numero === 1) return;
    const celdas: Celda[] = new Array(encabezados.length).fill(null);
    fila.eachCell((c, columna) => {
      if (columna <= encabezados.length) celdas[columna - 1] = celda(c.value);
    });
    filas.push({ numero, celdas });
  });
  return { nombre: hoja.name, encabezados, filas };
}

/** An .xlsx workbook: each sheet with its header in row 1. */
export async function leerLibroXlsx(nombre: string, contenido: Uint8Array): Promise<HojasLeidas> {
  // Loaded on first use: exceljs costs ~0.3 s of every start otherwise.
  const { default: Excel } = await import('exceljs');
  const libro = new Excel.Workbook();
  try {
    await libro.xlsx.load(contenido as unknown as ExcelJS.Buffer);
  } catch {
    throw new ErrorDominio(
      'entrada_invalida',
      `${nombre} no es un libro de Excel (.xlsx) legible.`,
      'archivo',
    );
  }
  return { archivo: nombre, hojas: libro.worksheets.map(leerHoja) };
}
