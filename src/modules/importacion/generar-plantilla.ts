import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type ExcelJS from 'exceljs';
import { DISPOSICION, HOJAS, type NombreHoja } from './disposicion.ts';
import { EJEMPLO, type ValorEjemplo } from './ejemplo-plantilla.ts';

/**
 * The import template: plantillas/cartera.xlsx (a sheet per kind, a header row whose cells
 * carry each column's description as a note, the example rows) and the same sheets as CSV
 * files. Generated, never edited by hand: `npm run recupera -- plantilla-importacion`.
 */

const INSTRUCCIONES = [
  'Plantilla de importación de cartera de Recupera (IBCEES).',
  'Cada hoja tiene su encabezado en la fila 1; los nombres de hojas y columnas no se cambian.',
  'Fechas: celdas de fecha, AAAA-MM-DD o dd/mm/aaaa. Montos: pesos con hasta 2 decimales.',
  'Se valida todo antes de escribir: si hay un solo error, no se importa nada y el informe dice hoja, fila, columna y motivo.',
  'Importar el mismo archivo otra vez no cambia nada. Detalle de cada columna: docs/importacion.md.',
  'Esta hoja (instrucciones) no se importa.',
];

/** A value as CSV text: dates AAAA-MM-DD, amounts with two decimals. */
function textoCsv(v: ValorEjemplo | undefined): string {
  if (v === undefined) return '';
  if (typeof v === 'string') return v;
  if ('fecha' in v) return v.fecha;
  if ('pesos' in v) return v.pesos.toFixed(2);
  return String(v.tasa);
}

function campoCsv(texto: string): string {
  return /[",\n\r]/.test(texto) ? `"${texto.replaceAll('"', '""')}"` : texto;
}

export function csvDeHoja(hoja: NombreHoja): string {
  const columnas = DISPOSICION[hoja].map((c) => c.nombre);
  const lineas = [columnas.join(',')];
  for (const fila of EJEMPLO[hoja])
    lineas.push(columnas.map((c) => campoCsv(textoCsv(fila[c]))).join(','));
  // The byte-order mark tells Excel the file is UTF-8: without it, accents open garbled.
  return `\uFEFF${lineas.join('\r\n')}\r\n`;
}

function celdaXlsx(celda: ExcelJS.Cell, v: ValorEjemplo | undefined): void {
  if (v === undefined || v === '') return;
  if (typeof v === 'string') {
    celda.value = v;
    celda.numFmt = '@';
  } else if ('fecha' in v) {
    // A date cell: exceljs writes the Date's UTC day, which is the calendar date we mean.
    celda.value = new Date(`${v.fecha}T00:00:00Z`);
    celda.numFmt = 'dd/mm/yyyy';
  } else if ('pesos' in v) {
    celda.value = v.pesos;
    celda.numFmt = '#,##0.00';
  } else {
    celda.value = v.tasa;
    celda.numFmt = '0.00%';
  }
}

export async function libroDePlantilla(): Promise<Uint8Array> {
  // Loaded on first use: exceljs costs ~0.3 s of every start otherwise.
  const { default: Excel } = await import('exceljs');
  const libro = new Excel.Workbook();
  libro.creator = 'Recupera';
  const instrucciones = libro.addWorksheet('instrucciones');
  instrucciones.getColumn(1).width = 110;
  for (const linea of INSTRUCCIONES) instrucciones.addRow([linea]);
  for (const hoja of HOJAS) {
    const ws = libro.addWorksheet(hoja, { views: [{ state: 'frozen', ySplit: 1 }] });
    const columnas = DISPOSICION[hoja];
    columnas.forEach((c, i) => {
      const celda = ws.getRow(1).getCell(i + 1);
      celda.value = c.nombre;
      celda.font = { bold: true };
      celda.note = `${c.obligatoria ? 'Obligatoria. ' : ''}${c.descripcion}`;
      ws.getColumn(i + 1).width = Math.max(14, c.nombre.length + 4);
    });
    EJEMPLO[hoja].forEach((fila, r) => {
      columnas.forEach((c, i) => {
        celdaXlsx(ws.getRow(r + 2).getCell(i + 1), fila[c.nombre]);
      });
    });
  }
  return new Uint8Array(await libro.xlsx.writeBuffer());
}

/** Writes the workbook to `rutaXlsx` and, when `carpetaCsv` is given, one CSV per sheet there. */
export async function generarPlantilla(
  rutaXlsx: string,
  carpetaCsv: string | null,
): Promise<string[]> {
  await mkdir(dirname(rutaXlsx), { recursive: true });
  await writeFile(rutaXlsx, await libroDePlantilla());
  const escritos = [rutaXlsx];
  if (carpetaCsv !== null) {
    await mkdir(carpetaCsv, { recursive: true });
    for (const hoja of HOJAS) {
      const ruta = join(carpetaCsv, `${hoja}.csv`);
      await writeFile(ruta, csvDeHoja(hoja));
      escritos.push(ruta);
    }
  }
  return escritos;
}
