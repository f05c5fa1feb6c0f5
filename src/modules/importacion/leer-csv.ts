import type { Celda, FilaLeida, HojaLeida } from './libro.ts';

/**
 * CSV text as spreadsheets write it (RFC 4180): fields separated by commas — or by semicolons,
 * as Excel does where the comma is the decimal separator — quoted with `"` when they hold a
 * separator, a quote (doubled) or a line break. Excel saves "CSV" in Windows-1252 and "CSV UTF-8"
 * with a byte-order mark: both are accepted, so accents survive either way.
 */
export function decodificarTexto(contenido: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(contenido);
  } catch {
    return decodificarWindows1252(contenido);
  }
}

/**
 * Windows-1252's bytes 0x80–0x9F: typographic marks (’ “ ” – — … €), not the C1 controls of
 * Latin-1. Node's `TextDecoder('windows-1252')` decodes them as Latin-1, so «O’Farrill» (0x92)
 * came out with U+0092, invisible; this table is the real code page (the five bytes it leaves
 * undefined keep their Latin-1 value and the cell check refuses them).
 */
const CP1252_80_9F =
  '\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F' +
  '\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178';

export function decodificarWindows1252(contenido: Uint8Array): string {
  // Buffer's latin1 maps every byte to the code point of its value; only 0x80–0x9F differ.
  const latin1 = Buffer.from(contenido.buffer, contenido.byteOffset, contenido.length).toString(
    'latin1',
  );
  return latin1.replace(/[\u0080-\u009F]/g, (c) => CP1252_80_9F.charAt(c.charCodeAt(0) - 0x80));
}

function separadorDe(texto: string): string {
  const finDeLinea = texto.indexOf('\n');
  const primera = finDeLinea < 0 ? texto : texto.slice(0, finDeLinea);
  const comas = primera.split(',').length;
  const puntoYComa = primera.split(';').length;
  return puntoYComa > comas ? ';' : ',';
}

const COMILLA = 34;
const CR = 13;
const LF = 10;

/** Reads records one at a time from `desde`; `siguiente()` is null at the end. */
class LectorCsv {
  private readonly sep: number;
  constructor(
    private readonly texto: string,
    separador: string,
    public posicion = 0,
  ) {
    this.sep = separador.charCodeAt(0);
  }

  siguiente(): string[] | null {
    const { texto, sep } = this;
    const n = texto.length;
    let i = this.posicion;
    if (i >= n) return null;
    const registro: string[] = [];
    for (;;) {
      let campo: string;
      if (texto.charCodeAt(i) === COMILLA) {
        // Quoted: up to the quote that is not doubled.
        let partes = '';
        let desde = i + 1;
        for (;;) {
          const cierre = texto.indexOf('"', desde);
          if (cierre < 0) {
            partes += texto.slice(desde);
            i = n;
            break;
          }
          partes += texto.slice(desde, cierre);
          if (texto.charCodeAt(cierre + 1) === COMILLA) {
            partes += '"';
            desde = cierre + 2;
          } else {
            i = cierre + 1;
            break;
          }
        }
        campo = partes;
        // Anything between the closing quote and the separator is kept, as spreadsheets do.
        while (i < n) {
          const c = texto.charCodeAt(i);
          if (c === sep || c === LF || c === CR) break;
          campo += texto[i];
          i++;
        }
      } else {
        let j = i;
        while (j < n) {
          const c = texto.charCodeAt(j);
          if (c === sep || c === LF || c === CR) break;
          j++;
        }
        campo = texto.slice(i, j);
        i = j;
      }
      registro.push(campo);
      const c = texto.charCodeAt(i);
      if (c === sep) {
        i++;
        if (i < n) continue;
        registro.push('');
      }
      // End of record: \n, \r\n or \r (or of the text).
      if (c === CR) i++;
      if (texto.charCodeAt(i) === LF && (c === CR || c === LF)) i++;
      this.posicion = i;
      return registro;
    }
  }
}

/** Every record of the text, each a list of fields (a quoted empty field is '' too). */
export function analizarCsv(texto: string, separador = separadorDe(texto)): string[][] {
  const lector = new LectorCsv(texto, separador);
  const registros: string[][] = [];
  for (let r = lector.siguiente(); r !== null; r = lector.siguiente()) registros.push(r);
  return registros;
}

/**
 * One CSV file as one sheet: the first record is the header row (row 1). Its rows are read
 * from the text each time they are walked, not kept.
 */
export function leerHojaCsv(nombre: string, contenido: Uint8Array): HojaLeida {
  const texto = decodificarTexto(contenido).replace(/^\uFEFF/, '');
  const separador = separadorDe(texto);
  const lector = new LectorCsv(texto, separador);
  const encabezados = lector.siguiente() ?? [];
  const inicio = lector.posicion;
  const deRegistro = (r: string[]): Celda[] => {
    const celdas: Celda[] = r;
    for (let k = 0; k < celdas.length; k++) if (celdas[k] === '') celdas[k] = null;
    return celdas;
  };
  const filas: Iterable<FilaLeida> = {
    *[Symbol.iterator]() {
      const filas = new LectorCsv(texto, separador, inicio);
      let numero = 1;
      let posicion = inicio;
      for (let r = filas.siguiente(); r !== null; r = filas.siguiente()) {
        numero++;
        yield { numero, celdas: deRegistro(r), posicion };
        posicion = filas.posicion;
      }
    },
  };
  const filaEn = (posicion: number, numero: number): FilaLeida => ({
    numero,
    celdas: deRegistro(new LectorCsv(texto, separador, posicion).siguiente() ?? []),
    posicion,
  });
  return { nombre, encabezados, filas, filaEn };
}
