import { type Centavos, centavosDesdeTexto } from '../../domain/dinero.ts';
import type { Fecha } from '../../domain/fecha.ts';
import { tasaDesdeTexto } from '../../domain/tasa.ts';
import { caracterNoAdmitido } from '../../domain/texto.ts';
import { type Celda, esCeldaFecha } from './libro.ts';

/**
 * One cell into one typed value, or a `Falla` with the Spanish reason it cannot be. Pure: the
 * tables of test/unidad/importacion-celdas.test.ts pin every accepted and refused form. A
 * workbook has millions of cells: a valid one costs no allocation beyond its value.
 */
export class Falla {
  constructor(readonly motivo: string) {}
}

export type Lectura<T> = T | Falla;

const no = (motivo: string) => new Falla(motivo);

function mostrar(celda: Celda): string {
  if (esCeldaFecha(celda)) return celda.fecha;
  return `«${String(celda)}»`;
}

/**
 * A number cell as the text Excel shows for it. JavaScript prints the shortest text that reads
 * back as the same double (1062.5 → "1062.5"), but a value computed by a formula can carry
 * binary noise (1062.55 stored as 1062.5499999999999): Excel keeps and shows 15 significant
 * digits, so the text is cut there — never rounded to 2 decimals, which would hide a value
 * like 1062.555 instead of refusing it.
 */
export function textoDeNumero(n: number): string {
  const quince = Number(n.toPrecision(15));
  const texto = String(quince);
  // Below 1e-6 JavaScript switches to exponent notation ("1e-7"); a rate can be that small.
  return texto.includes('e') && Math.abs(quince) < 1
    ? quince.toFixed(20).replace(/0+$/, '')
    : texto;
}

/**
 * Excel's error values, as an .xlsx stores them and as Excel in Spanish writes them to a CSV.
 * «#N/A» in a surname is not a surname: taken as data it was stored, shown and searchable.
 */
const ERRORES_EXCEL = new Set(
  [
    '#N/A',
    '#REF!',
    '#VALUE!',
    '#DIV/0!',
    '#NAME?',
    '#NUM!',
    '#NULL!',
    '#SPILL!',
    '#CALC!',
    '#N/D',
    '#¡REF!',
    '#¡VALOR!',
    '#¡DIV/0!',
    '#¿NOMBRE?',
    '#¡NUM!',
    '#¡NULO!',
    '#¡DESBORDAMIENTO!',
    '#¡CALC!',
  ].map((e) => e.toUpperCase()),
);

// Control (Cc) and format (Cf) characters, lone surrogates, and the line and paragraph separators.
const INVISIBLES = /[\p{Cc}\p{Cf}\p{Cs}\u2028\u2029]/u;

const NOMBRES_DE_CARACTER: Record<string, string> = {
  '\u00AD': 'guion suave',
  '\u200B': 'espacio de ancho cero',
  '\u200C': 'separador de ancho cero',
  '\u200D': 'unión de ancho cero',
  '\u200E': 'marca de dirección del texto',
  '\u200F': 'marca de dirección del texto',
  '\u2028': 'separador de línea',
  '\u2029': 'separador de párrafo',
  '\u2060': 'unión de palabras invisible',
  '\uFEFF': 'marca de orden de bytes',
};

function nombreDeCaracter(c: string): string {
  const n = c.codePointAt(0) ?? 0;
  if (NOMBRES_DE_CARACTER[c]) return NOMBRES_DE_CARACTER[c];
  if ((n >= 0x202a && n <= 0x202e) || (n >= 0x2066 && n <= 0x2069))
    return 'control de dirección del texto';
  if (n <= 0x1f || (n >= 0x7f && n <= 0x9f)) return 'carácter de control';
  return 'carácter de formato';
}

/**
 * What no text cell may hold, checked before the cell is read as anything: an Excel error value,
 * or a character a person cannot see — it makes a stored name differ from what everyone reads
 * («O\u0092Farrill» shows as «OFarrill» and no search finds it). A line break inside a cell
 * (Alt+Intro) is kept as a space, as before: it is visible and harmless. A tab is refused: in
 * a cell it almost always means two cells pasted into one.
 */
export function revisarTexto(celda: string): Falla | null {
  // Every Excel error starts with «#»: the usual cell pays one comparison, not a trim.
  const primera = celda.charCodeAt(0);
  if (primera === 35 || primera === 32) {
    const t = celda.trim();
    if (t.charCodeAt(0) === 35 && ERRORES_EXCEL.has(t.toUpperCase()))
      return no(`la celda tiene el error de Excel ${t}: corrige la fórmula o escribe el valor`);
  }
  // About 50 ns a cell; millions of cells pay it, and the search below only a faulty one.
  if (!INVISIBLES.test(celda)) return null;
  const c =
    caracterNoAdmitido(celda.replace(/[\n\r]/g, ' '), false) ??
    (/[\u2028\u2029]/.exec(celda)?.[0] || null);
  if (c === null) return null;
  if (c === '\t')
    return no(
      'tiene un tabulador: suele ser el texto de dos celdas pegado en una; sepáralo o cámbialo por un espacio',
    );
  const punto = (c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0');
  const antes = celda.slice(0, celda.indexOf(c)).trim().slice(-20);
  return no(
    `tiene un carácter invisible que no se admite (U+${punto}, ${nombreDeCaracter(c)})${antes === '' ? ' al principio' : ` después de «${antes}»`}: bórralo y vuelve a escribir esa parte del texto (suele llegar al copiar y pegar)`,
  );
}

/** Trimmed text; a number cell as Excel shows it. Empty is `null`. */
export function leerTexto(celda: Celda): Lectura<string | null> {
  if (celda === null) return null;
  if (typeof celda === 'string') {
    const t = celda.trim();
    if (t === '') return null;
    return /\s\s|[\t\n\r\f\v]/.test(t) ? t.replace(/\s+/g, ' ') : t;
  }
  if (typeof celda === 'number') return textoDeNumero(celda);
  if (typeof celda === 'boolean') return no('se esperaba texto y la celda es verdadero/falso');
  return no(`se esperaba texto y la celda es la fecha ${celda.fecha}`);
}

/** Pesos with at most two decimals, not negative: text ("1,062.50", "$1062.5") or a number cell. */
export function leerMonto(celda: Celda): Lectura<Centavos> {
  // The common case first: plain text pesos, read by the same rule as the engine's amounts.
  if (typeof celda === 'string') {
    const directo = centavosDesdeTexto(celda);
    if (directo !== null) return directo;
  }
  let texto: string;
  if (typeof celda === 'number') texto = textoDeNumero(celda);
  else if (typeof celda === 'string') texto = celda.trim().replace(/^\$\s*/, '');
  else return no(`${mostrar(celda)} no es un monto`);
  // Thousands separators only where they belong: 1,062.50 yes; 1,0625 no.
  if (/^\d{1,3}(,\d{3})+(\.\d*)?$/.test(texto)) texto = texto.replaceAll(',', '');
  if (/^\d+\.\d{3,}$/.test(texto)) return no(`${mostrar(celda)} tiene más de 2 decimales`);
  if (texto.startsWith('-')) return no(`${mostrar(celda)} es negativo`);
  const centavos = centavosDesdeTexto(texto);
  return centavos === null ? no(`${mostrar(celda)} no es un monto en pesos`) : centavos;
}

const DD_MM_AAAA = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

const DIAS_DEL_MES = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * `AAAA-MM-DD` read digit by digit: millions of date cells go through here, and this is the
 * same check as fechaDesdeTexto (a real calendar date) at a fraction of its cost.
 */
function fechaIso(texto: string): Fecha | null {
  if (texto.length !== 10 || texto.charCodeAt(4) !== 45 || texto.charCodeAt(7) !== 45) return null;
  let anio = 0;
  let mes = 0;
  let dia = 0;
  for (let i = 0; i < 10; i++) {
    if (i === 4 || i === 7) continue;
    const d = texto.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return null;
    if (i < 4) anio = anio * 10 + d;
    else if (i < 7) mes = mes * 10 + d;
    else dia = dia * 10 + d;
  }
  if (mes < 1 || mes > 12 || dia < 1) return null;
  const bisiesto = anio % 4 === 0 && (anio % 100 !== 0 || anio % 400 === 0);
  const maximo = mes === 2 && bisiesto ? 29 : (DIAS_DEL_MES[mes - 1] ?? 0);
  return dia <= maximo ? (texto as Fecha) : null;
}

/**
 * A calendar date: a date cell (the date it shows, never moved by a time zone),
 * `AAAA-MM-DD` or `dd/mm/aaaa`. A bare number is refused: it may be a day count of a cell
 * whose date format was lost, and guessing is worse than asking.
 */
export function leerFecha(celda: Celda): Lectura<Fecha> {
  if (typeof celda === 'string' && celda.length === 10) {
    const f = fechaIso(celda);
    if (f !== null) return f;
  }
  if (esCeldaFecha(celda)) {
    const f = fechaIso(celda.fecha);
    return f === null ? no(`${celda.fecha} no es una fecha válida`) : f;
  }
  const serie = serieDeExcel(celda);
  if (serie !== null)
    return no(
      `${mostrar(celda)} no es una fecha: parece el número de serie de una fecha de Excel (${serie}); da formato de fecha a la columna o escribe la fecha como dd/mm/aaaa`,
    );
  if (typeof celda !== 'string')
    return no(`${mostrar(celda)} no es una fecha (AAAA-MM-DD o dd/mm/aaaa)`);
  const t = celda.trim();
  const dmy = DD_MM_AAAA.exec(t);
  const iso = dmy ? `${dmy[3]}-${dmy[2]?.padStart(2, '0')}-${dmy[1]?.padStart(2, '0')}` : t;
  const fecha = fechaIso(iso);
  if (fecha !== null) return fecha;
  // 02/16/2019 is a real date only read month first: say the order, and what it would be.
  const volteada = dmy
    ? fechaIso(`${dmy[3]}-${dmy[1]?.padStart(2, '0')}-${dmy[2]?.padStart(2, '0')}`)
    : null;
  if (dmy && volteada !== null)
    return no(
      `${mostrar(celda)} no es una fecha que exista: el orden es día/mes/año (¿quisiste decir ${dmy[2]?.padStart(2, '0')}/${dmy[1]?.padStart(2, '0')}/${dmy[3]}?)`,
    );
  return no(
    dmy || /^\d{4}-\d{2}-\d{2}$/.test(t)
      ? `${mostrar(celda)} no es una fecha que exista`
      : `${mostrar(celda)} no es una fecha (AAAA-MM-DD o dd/mm/aaaa)`,
  );
}

/**
 * A bare whole number that Excel would show as a date between 1930 and 2099 (the serial
 * 44608 is 16/02/2022): most likely a date cell whose format was lost, or a date column saved
 * to CSV as numbers. It is still refused — a number is not guessed into a date — but the
 * message says which date it would be, as dd/mm/aaaa.
 */
function serieDeExcel(celda: Celda): string | null {
  const n =
    typeof celda === 'number'
      ? celda
      : typeof celda === 'string' && /^\s*\d{5}\s*$/.test(celda)
        ? Number(celda)
        : Number.NaN;
  if (!Number.isInteger(n) || n < 10_959 || n > 73_050) return null;
  // Excel's day 25569 is 1970-01-01 (its serials count the nonexistent 29/02/1900, so above 60
  // this is exact).
  const d = new Date((n - 25_569) * 86_400_000);
  const dos = (x: number) => String(x).padStart(2, '0');
  return `${n} es el ${dos(d.getUTCDate())}/${dos(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
}

/** A positive whole number (a text or a number cell). */
export function leerEntero(celda: Celda, maximo = 32_767): Lectura<number> {
  const t =
    typeof celda === 'number'
      ? Number.isSafeInteger(celda)
        ? String(celda)
        : textoDeNumero(celda)
      : typeof celda === 'string'
        ? celda.trim()
        : '';
  if (!/^\d+$/.test(t)) return no(`${mostrar(celda)} no es un número entero positivo`);
  const n = Number(t);
  if (n < 1 || n > maximo) return no(`${mostrar(celda)} debe estar entre 1 y ${maximo}`);
  return n;
}

const SI = new Set(['si', 'sí', 's', 'x', '1', 'verdadero', 'true']);
const NO = new Set(['no', 'n', '0', 'falso', 'false']);

/** si/no (also sí, 1/0, verdadero/falso, a checkbox cell); empty is `no`. */
export function leerSiNo(celda: Celda): Lectura<boolean> {
  if (celda === null) return false;
  if (typeof celda === 'boolean') return celda;
  const t = (typeof celda === 'number' ? String(celda) : typeof celda === 'string' ? celda : '')
    .trim()
    .toLowerCase();
  if (t === '' || NO.has(t)) return false;
  if (SI.has(t)) return true;
  return no(`${mostrar(celda)} no es si ni no`);
}

/**
 * An annual rate between 0 and 1 with at most 8 decimals, as the engine takes it: "0.06",
 * a number cell 0.06 (a percentage cell holds that number), or "6%".
 */
export function leerTasa(celda: Celda): Lectura<string> {
  let t =
    typeof celda === 'number'
      ? textoDeNumero(celda)
      : typeof celda === 'string'
        ? celda.trim()
        : '';
  const porcentaje = /^(\d+)(?:\.(\d+))?\s*%$/.exec(t);
  if (porcentaje) {
    // Move the point two places by hand: 6.5% is "0.065", exactly.
    const enteros = (porcentaje[1] ?? '').padStart(3, '0');
    const decimales = `${enteros.slice(-2)}${porcentaje[2] ?? ''}`.replace(/0+$/, '');
    t = `${Number(enteros.slice(0, -2))}${decimales === '' ? '' : `.${decimales}`}`;
  }
  if (tasaDesdeTexto(t) === null)
    return no(
      `${mostrar(celda)} no es una tasa entre 0 y 1 (con hasta 8 decimales) ni un porcentaje`,
    );
  return t;
}

/** One of a closed list of words (accents and case do not matter); empty takes `porOmision`. */
export function leerOpcion<T extends string>(
  celda: Celda,
  opciones: readonly T[],
  porOmision?: T,
): Lectura<T> {
  if (typeof celda === 'string') {
    // The common case: written exactly as the option.
    const exacta = opciones.find((o) => o === celda);
    if (exacta !== undefined) return exacta;
  }
  const texto = leerTexto(celda);
  if (texto instanceof Falla) return texto;
  if (texto === null) {
    return porOmision === undefined ? no('falta el valor') : porOmision;
  }
  const normal = texto
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/\s+/g, '_');
  const opcion = opciones.find((o) => o.toLowerCase() === normal);
  return opcion === undefined
    ? no(`${mostrar(celda)} no es uno de: ${opciones.join(', ')}`)
    : opcion;
}
