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
    return new TextDecoder('windows-1252').decode(contenido);
  }
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

/** Every record of the text, each a list of fields (a quoted empty field is '' too). */
export function analizarCsv(texto: string, separador = separadorDe(texto)): string[][] {
  const registros: string[][] = [];
  const sep = separador.charCodeAt(0);
  const n = texto.length;
  let registro: string[] = [];
  let i = 0;
  while (i < n) {
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
      if (i === n) registro.push('');
      continue;
    }
    // End of record: \n, \r\n or \r.
    if (c === CR) i++;
    if (texto.charCodeAt(i) === LF && (c === CR || c === LF)) i++;
    registros.push(registro);
    registro = [];
  }
  if (registro.length > 0) registros.push(registro);
  return registros;
}

/** One CSV file as one sheet: the first record is the header row (row 1). */
export function leerHojaCsv(nombre: string, contenido: Uint8Array): HojaLeida {
  const texto = decodificarTexto(contenido).replace(/^\uFEFF/, '');
  const registros = analizarCsv(texto);
  const encabezados = registros[0] ?? [];
  const filas: FilaLeida[] = [];
  for (let r = 1; r < registros.length; r++) {
    const registro = registros[r] ?? [];
    const celdas: Celda[] = new Array(Math.max(encabezados.length, registro.length));
    for (let k = 0; k < celdas.length; k++) {
      const v = registro[k];
      celdas[k] = v === undefined || v === '' ? null : v;
    }
    filas.push({ numero: r + 1, celdas });
  }
  return { nombre, encabezados, filas };
}
