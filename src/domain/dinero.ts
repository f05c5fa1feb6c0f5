/**
 * Money as an integer count of centavos.
 *
 * A JavaScript number holds integers exactly only up to Number.MAX_SAFE_INTEGER (2^53 − 1);
 * past it, `n + 1 === n` can be true and a sum silently loses centavos. So a `Centavos` is
 * always a safe integer: the constructors check it, and the statement engine's validation
 * bounds a case's totals so that every sum it makes stays inside the range (see
 * `estado-de-cuenta/validar-credito.ts`). Pesos exist only at the edges, as text.
 */
export type Centavos = number & { readonly __marca: 'Centavos' };

export const CERO = 0 as Centavos;

/** `null` when `n` is not an integer inside the safe range. */
export function centavosDesdeEntero(n: number): Centavos | null {
  return Number.isSafeInteger(n) ? (n as Centavos) : null;
}

/** Same as `centavosDesdeEntero`, for values the caller already knows are in range. */
export function centavos(n: number): Centavos {
  const c = centavosDesdeEntero(n);
  if (c === null) throw new RangeError(`no es un monto en centavos: ${n}`);
  return c;
}

// Arithmetic on amounts the engine has already bounded (see the module comment): no check
// here, because these run in the engine's inner loop and the bound is proven once per case.
export function sumar(a: Centavos, b: Centavos): Centavos {
  return (a + b) as Centavos;
}

export function restar(a: Centavos, b: Centavos): Centavos {
  return (a - b) as Centavos;
}

export function minimo(a: Centavos, b: Centavos): Centavos {
  return a < b ? a : b;
}

/**
 * The total of a list of amounts that no engine bound covers (a receipt's parts, a day's
 * deposits): each partial sum is checked, so a total past the safe range throws instead of
 * losing centavos. An empty list totals `CERO`.
 */
export function sumarTodos(montos: Iterable<Centavos>): Centavos {
  let total = CERO;
  for (const m of montos) total = centavos(total + m);
  return total;
}

/**
 * Parses a non-negative amount of pesos with at most two decimals ("1062", "1062.5",
 * "1062.50"); `null` for anything else, including a sign, an exponent or a value past the
 * safe range.
 */
export function centavosDesdeTexto(texto: string): Centavos | null {
  // Read character by character (the engine reads every amount of every case this way): the
  // digits, then at most one point followed by one or two digits.
  const largo = texto.length;
  let i = 0;
  let enteros = 0;
  for (; i < largo; i++) {
    const d = texto.charCodeAt(i) - 48;
    if (d < 0 || d > 9) break;
    // Past 2^53 this loses precision, but then the total below is already past the safe range.
    enteros = enteros * 10 + d;
  }
  if (i === 0) return null;
  let fraccion = 0;
  if (i < largo) {
    const decimales = largo - i - 1;
    if (texto.charCodeAt(i) !== 46 || decimales < 1 || decimales > 2) return null;
    const d1 = texto.charCodeAt(i + 1) - 48;
    const d2 = decimales === 2 ? texto.charCodeAt(i + 2) - 48 : 0;
    if (d1 < 0 || d1 > 9 || d2 < 0 || d2 > 9) return null;
    fraccion = d1 * 10 + d2;
  }
  return centavosDesdeEntero(enteros * 100 + fraccion);
}

const SALIDA = /^(-?)(\d+)\.(\d{2})$/;

/**
 * Reads back the engine's output form (`formatearCentavos`: "1234.56", "-0.05"), as the PDFs
 * get it in their DTOs. Anything else is a defect upstream, so it throws a RangeError naming
 * the text instead of printing $0.00: only the exact text `formatearCentavos` writes is read
 * (no leading zeros, no "-0.00", no missing decimals).
 */
export function centavosDeSalida(texto: string): Centavos {
  const m = SALIDA.exec(texto);
  const absoluto = m === null ? null : centavosDesdeEntero(Number(m[2]) * 100 + Number(m[3]));
  if (m !== null && absoluto !== null) {
    const c = m[1] === '-' ? restar(CERO, absoluto) : absoluto;
    if (formatearCentavos(c) === texto) return c;
  }
  throw new RangeError(`no es un monto en la forma de salida (1234.56): ${JSON.stringify(texto)}`);
}

function partes(c: Centavos): { signo: string; enteros: string; fraccion: string } {
  const absoluto = Math.abs(c);
  const enteros = Math.floor(absoluto / 100);
  const fraccion = absoluto - enteros * 100;
  return {
    signo: c < 0 ? '-' : '',
    enteros: String(enteros),
    fraccion: fraccion < 10 ? `0${fraccion}` : String(fraccion),
  };
}

/** The engine's output form: pesos with exactly two decimals, "1234.56". */
/** "00" … "99": the centavos of an amount, written without a number-to-text conversion. */
const DOS_DIGITOS = Array.from({ length: 100 }, (_, i) => (i < 10 ? `0${i}` : String(i)));

export function formatearCentavos(c: Centavos): string {
  // A statement writes about 1,300 amounts: no intermediate object, and the centavos from a
  // table.
  if (c === 0) return '0.00';
  const absoluto = c < 0 ? -c : c;
  const enteros = Math.floor(absoluto / 100);
  const texto = `${enteros}.${DOS_DIGITOS[absoluto - enteros * 100]}`;
  return c < 0 ? `-${texto}` : texto;
}

/** The es-MX display form, "$1,234.56"; a negative amount reads "-$1,234.56". */
export function formatearPesos(c: Centavos): string {
  const { signo, enteros, fraccion } = partes(c);
  const conComas = enteros.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${signo}$${conComas}.${fraccion}`;
}
