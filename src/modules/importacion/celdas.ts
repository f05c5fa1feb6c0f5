import { type Centavos, centavosDesdeTexto } from '../../domain/dinero.ts';
import { type Fecha, fechaDesdeTexto } from '../../domain/fecha.ts';
import { tasaDesdeTexto } from '../../domain/tasa.ts';
import { type Celda, esCeldaFecha } from './libro.ts';

/**
 * One cell into one typed value, or the Spanish reason it cannot be. Pure: the tables of
 * test/unidad/importacion-celdas.test.ts pin every accepted and refused form.
 */
export type Lectura<T> = { ok: true; valor: T } | { ok: false; motivo: string };

const ok = <T>(valor: T): Lectura<T> => ({ ok: true, valor });
const no = <T>(motivo: string): Lectura<T> => ({ ok: false, motivo });

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

/** Trimmed text; a number cell as Excel shows it. Empty is `null`. */
export function leerTexto(celda: Celda): Lectura<string | null> {
  if (celda === null) return ok(null);
  if (typeof celda === 'string') {
    const t = celda.trim().replace(/\s+/g, ' ');
    return ok(t === '' ? null : t);
  }
  if (typeof celda === 'number') return ok(textoDeNumero(celda));
  if (typeof celda === 'boolean') return no('se esperaba texto y la celda es verdadero/falso');
  return no(`se esperaba texto y la celda es la fecha ${celda.fecha}`);
}

/** Pesos with at most two decimals, not negative: text ("1,062.50", "$1062.5") or a number cell. */
export function leerMonto(celda: Celda): Lectura<Centavos> {
  let texto: string;
  if (typeof celda === 'number') texto = textoDeNumero(celda);
  else if (typeof celda === 'string') texto = celda.trim().replace(/^\$\s*/, '');
  else return no(`${mostrar(celda)} no es un monto`);
  // Thousands separators only where they belong: 1,062.50 yes; 1,0625 no.
  if (/^\d{1,3}(,\d{3})+(\.\d*)?$/.test(texto)) texto = texto.replaceAll(',', '');
  if (/^\d+\.\d{3,}$/.test(texto)) return no(`${mostrar(celda)} tiene más de 2 decimales`);
  if (texto.startsWith('-')) return no(`${mostrar(celda)} es negativo`);
  const centavos = centavosDesdeTexto(texto);
  return centavos === null ? no(`${mostrar(celda)} no es un monto en pesos`) : ok(centavos);
}

const DD_MM_AAAA = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

/**
 * A calendar date: a date cell (the date it shows, never moved by a time zone),
 * `AAAA-MM-DD` or `dd/mm/aaaa`. A bare number is refused: it may be a day count of a cell
 * whose date format was lost, and guessing is worse than asking.
 */
export function leerFecha(celda: Celda): Lectura<Fecha> {
  if (esCeldaFecha(celda)) {
    const f = fechaDesdeTexto(celda.fecha);
    return f === null ? no(`${celda.fecha} no es una fecha válida`) : ok(f);
  }
  if (typeof celda !== 'string')
    return no(`${mostrar(celda)} no es una fecha (AAAA-MM-DD o dd/mm/aaaa)`);
  const t = celda.trim();
  const dmy = DD_MM_AAAA.exec(t);
  const iso = dmy ? `${dmy[3]}-${dmy[2]?.padStart(2, '0')}-${dmy[1]?.padStart(2, '0')}` : t;
  const fecha = fechaDesdeTexto(iso);
  if (fecha !== null) return ok(fecha);
  return no(
    dmy || /^\d{4}-\d{2}-\d{2}$/.test(t)
      ? `${mostrar(celda)} no es una fecha que exista`
      : `${mostrar(celda)} no es una fecha (AAAA-MM-DD o dd/mm/aaaa)`,
  );
}

/** A positive whole number (a text or a number cell). */
export function leerEntero(celda: Celda, maximo = 32_767): Lectura<number> {
  const t =
    typeof celda === 'number'
      ? textoDeNumero(celda)
      : typeof celda === 'string'
        ? celda.trim()
        : '';
  if (!/^\d+$/.test(t)) return no(`${mostrar(celda)} no es un número entero positivo`);
  const n = Number(t);
  if (n < 1 || n > maximo) return no(`${mostrar(celda)} debe estar entre 1 y ${maximo}`);
  return ok(n);
}

const SI = new Set(['si', 'sí', 's', 'x', '1', 'verdadero', 'true']);
const NO = new Set(['no', 'n', '0', 'falso', 'false']);

/** si/no (also sí, 1/0, verdadero/falso, a checkbox cell); empty is `no`. */
export function leerSiNo(celda: Celda): Lectura<boolean> {
  if (celda === null) return ok(false);
  if (typeof celda === 'boolean') return ok(celda);
  const t = (typeof celda === 'number' ? String(celda) : typeof celda === 'string' ? celda : '')
    .trim()
    .toLowerCase();
  if (t === '' || NO.has(t)) return ok(false);
  if (SI.has(t)) return ok(true);
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
  return ok(t);
}

/** One of a closed list of words (accents and case do not matter); empty takes `porOmision`. */
export function leerOpcion<T extends string>(
  celda: Celda,
  opciones: readonly T[],
  porOmision?: T,
): Lectura<T> {
  const texto = leerTexto(celda);
  if (!texto.ok) return texto;
  if (texto.valor === null) {
    return porOmision === undefined ? no('falta el valor') : ok(porOmision);
  }
  const normal = texto.valor
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/\s+/g, '_');
  const opcion = opciones.find((o) => o.toLowerCase() === normal);
  return opcion === undefined
    ? no(`${mostrar(celda)} no es uno de: ${opciones.join(', ')}`)
    : ok(opcion);
}
