import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { ErrorDominio } from '../../domain/errores.ts';
import { leerHojaCsv } from './leer-csv.ts';
import { leerLibroXlsx } from './leer-xlsx.ts';
import type { HojasLeidas } from './libro.ts';

/** A file as uploaded or read from disk. */
export interface ArchivoDeEntrada {
  nombre: string;
  contenido: Uint8Array;
}

const esXlsx = (a: ArchivoDeEntrada) =>
  extname(a.nombre).toLowerCase() === '.xlsx' ||
  // A .xlsx is a ZIP archive: "PK\x03\x04".
  (a.contenido[0] === 0x50 &&
    a.contenido[1] === 0x4b &&
    a.contenido[2] === 3 &&
    a.contenido[3] === 4);

/**
 * The portfolio workbook from the files given: one .xlsx with its sheets, or one or more .csv
 * files, one per sheet, each named like its sheet (personas.csv, creditos.csv…).
 */
export async function leerLibro(archivos: readonly ArchivoDeEntrada[]): Promise<HojasLeidas> {
  const [primero] = archivos;
  if (primero && archivos.length === 1 && esXlsx(primero)) {
    return leerLibroXlsx(primero.nombre, primero.contenido);
  }
  if (archivos.length === 0 || archivos.some(esXlsx)) {
    throw new ErrorDominio(
      'entrada_invalida',
      'Se importa un libro .xlsx, o uno o varios archivos .csv (uno por hoja, con el nombre de la hoja).',
      'archivo',
    );
  }
  return {
    archivo: nombreDeCsv(archivos.map((a) => a.nombre)),
    hojas: archivos.map((a) => leerHojaCsv(basename(a.nombre), a.contenido)),
  };
}

const nombreDeCsv = (nombres: readonly string[]) =>
  nombres.length === 1
    ? (nombres[0] ?? '')
    : `CSV (${nombres.map((n) => n.replace(/\.csv$/i, '')).join(', ')})`;

/**
 * The CSV files of a folder (an upload's, from a ZIP or from several files), one at a time:
 * each file's bytes are let go once decoded, so a portfolio of hundreds of MB is never twice in memory.
 */
export async function leerCarpetaCsv(carpeta: string): Promise<HojasLeidas> {
  const nombres = (await readdir(carpeta))
    .filter((n) => extname(n).toLowerCase() === '.csv')
    .sort();
  if (nombres.length === 0)
    throw new ErrorDominio(
      'entrada_invalida',
      'Se importa un libro .xlsx, o uno o varios archivos .csv (uno por hoja, con el nombre de la hoja).',
      'archivo',
    );
  const hojas = [];
  for (const n of nombres) hojas.push(leerHojaCsv(n, await readFile(join(carpeta, n))));
  return { archivo: nombreDeCsv(nombres), hojas };
}

/** The files behind paths given on the command line; a folder stands for its .csv/.xlsx files. */
export async function leerRutas(rutas: readonly string[]): Promise<ArchivoDeEntrada[]> {
  const archivos: ArchivoDeEntrada[] = [];
  for (const ruta of rutas) {
    let info: Awaited<ReturnType<typeof stat>>;
    try {
      info = await stat(ruta);
    } catch {
      throw new ErrorDominio('entrada_invalida', `No existe ${ruta}.`, 'archivo');
    }
    const lista = info.isDirectory()
      ? (await readdir(ruta))
          .filter((n) => ['.csv', '.xlsx'].includes(extname(n).toLowerCase()))
          .sort()
          .map((n) => join(ruta, n))
      : [ruta];
    for (const archivo of lista) {
      archivos.push({ nombre: basename(archivo), contenido: await readFile(archivo) });
    }
  }
  return archivos;
}
