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

const PESOS = /^(\d+)(?:\.(\d{1,2}))?$/;

/**
 * Parses a non-negative amount of pesos with at most two decimals ("1062", "1062.5",
 * "1062.50"); `null` for anything else, including a sign, an exponent or a value past the
 * safe range.
 */
export function centavosDesdeTexto(texto: string): Centavos | null {
  const partes = PESOS.exec(texto);
  if (!partes) return null;
  const fraccion = partes[2] ?? '';
  // The integer part is converted alone: when it is too long to be exact, the product below
  // is already past the safe range and the check rejects it.
  const valor = Number(partes[1]) * 100 + Number(fraccion.padEnd(2, '0'));
  return centavosDesdeEntero(valor);
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
export function formatearCentavos(c: Centavos): string {
  const { signo, enteros, fraccion } = partes(c);
  return `${signo}${enteros}.${fraccion}`;
}

/** The es-MX display form, "$1,234.56"; a negative amount reads "-$1,234.56". */
export function formatearPesos(c: Centavos): string {
  const { signo, enteros, fraccion } = partes(c);
  const conComas = enteros.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${signo}$${conComas}.${fraccion}`;
}
