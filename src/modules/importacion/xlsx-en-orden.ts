import type { Readable } from 'node:stream';
import type ExcelJS from 'exceljs';
import yauzl from 'yauzl';

/**
 * Streams a workbook's sheets in the order Excel shows them, reading the zip by its central
 * directory (yauzl) instead of front to back.
 *
 * Why not exceljs's own streaming reader: it walks the zip as a stream and needs workbook.xml
 * (the sheets' names) before the worksheets it parses at once; exceljs itself writes
 * workbook.xml last, and the stream parser it uses loses that last entry more often than not
 * (38 of 40 reads of a five-sheet template failed with "reading 'sheets'" or named the sheets
 * Sheet1…). With the directory we read the workbook, its relations, the shared strings and the
 * styles first, whatever their place in the file, and then each worksheet as a stream: memory
 * is the shared strings plus one batch of rows, never the whole book's model.
 *
 * It drives WorkbookReader's parsing steps directly; they are not in exceljs's typings, so
 * `LectorInterno` names them, and package.json pins exceljs's exact version.
 */
interface LectorInterno {
  model?: { sheets?: Array<{ name: string; rId: string }> };
  workbookRels?: Array<{ Id: string; Target: string }>;
  _parseRels(entrada: Readable): Promise<void>;
  _parseWorkbook(entrada: Readable): Promise<void>;
  _parseSharedStrings(entrada: Readable): AsyncIterable<unknown>;
  _parseStyles(entrada: Readable): Promise<void>;
  _parseWorksheet(
    filas: Readable,
    numero: string,
  ): Iterable<{ eventType: string; value: AsyncIterable<ExcelJS.Row> }>;
}

export interface HojaEnFlujo {
  nombre: string;
  filas: AsyncIterable<ExcelJS.Row>;
}

function abrir(fuente: string | Uint8Array): Promise<yauzl.ZipFile> {
  const opciones = { lazyEntries: true, autoClose: false };
  return new Promise((listo, falla) => {
    const alAbrir = (e: Error | null, zip?: yauzl.ZipFile) => (e || !zip ? falla(e) : listo(zip));
    if (typeof fuente === 'string') yauzl.open(fuente, opciones, alAbrir);
    else yauzl.fromBuffer(Buffer.from(fuente), opciones, alAbrir);
  });
}

function entradas(zip: yauzl.ZipFile): Promise<Map<string, yauzl.Entry>> {
  return new Promise((listo, falla) => {
    const porNombre = new Map<string, yauzl.Entry>();
    zip.on('entry', (e: yauzl.Entry) => {
      porNombre.set(e.fileName, e);
      zip.readEntry();
    });
    zip.on('end', () => listo(porNombre));
    zip.on('error', falla);
    zip.readEntry();
  });
}

/** A relation's target is relative to xl/ (`worksheets/sheet1.xml`) or absolute (`/xl/…`). */
const rutaDeDestino = (destino: string) =>
  destino.startsWith('/') ? destino.slice(1) : `xl/${destino}`;

export async function* hojasEnOrden(
  Excel: typeof ExcelJS,
  fuente: string | Uint8Array,
): AsyncGenerator<HojaEnFlujo> {
  const zip = await abrir(fuente);
  try {
    const porNombre = await entradas(zip);
    const flujo = (nombre: string): Promise<Readable> | null => {
      const entrada = porNombre.get(nombre);
      if (entrada === undefined) return null;
      return new Promise((listo, falla) =>
        zip.openReadStream(entrada, (e, f) => (e || !f ? falla(e) : listo(f))),
      );
    };
    const lector = new Excel.stream.xlsx.WorkbookReader(null as unknown as string, {
      sharedStrings: 'cache',
      // Dates are cells with a date format: without the styles they would read as numbers.
      styles: 'cache',
      hyperlinks: 'ignore',
      worksheets: 'emit',
      entries: 'ignore',
    }) as unknown as LectorInterno;
    const libro = flujo('xl/workbook.xml');
    const relaciones = flujo('xl/_rels/workbook.xml.rels');
    if (libro === null || relaciones === null) throw new Error('no es un libro de Excel');
    await lector._parseWorkbook(await libro);
    await lector._parseRels(await relaciones);
    const textos = flujo('xl/sharedStrings.xml');
    if (textos !== null) for await (const _ of lector._parseSharedStrings(await textos));
    const estilos = flujo('xl/styles.xml');
    if (estilos !== null) await lector._parseStyles(await estilos);

    for (const [i, hoja] of (lector.model?.sheets ?? []).entries()) {
      const relacion = lector.workbookRels?.find((r) => r.Id === hoja.rId);
      const ruta = relacion ? rutaDeDestino(relacion.Target) : '';
      // A chart sheet (xl/chartsheets/) has no rows: it is not a worksheet.
      const filas = ruta.startsWith('xl/worksheets/') ? flujo(ruta) : null;
      if (filas === null) continue;
      for (const { value } of lector._parseWorksheet(await filas, String(i + 1)))
        yield { nombre: hoja.name, filas: value };
    }
  } finally {
    zip.close();
  }
}
