import { type Centavos, centavos } from './dinero.ts';

/**
 * An annual rate as an exact fraction. The contract writes rates as decimal strings with up
 * to 8 decimals ("0.12", "0.155"); a binary float cannot hold most of them (0.155 is not
 * 0.155 in a double), so they are parsed digit by digit into a reduced `numerador/denominador`.
 */
export interface Tasa {
  readonly texto: string;
  readonly numerador: bigint;
  readonly denominador: bigint;
}

const DECIMAL = /^(\d+)(?:\.(\d{1,8}))?$/;

function mcd(a: bigint, b: bigint): bigint {
  let x = a;
  let y = b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

/** Parses a rate `0 ≤ r ≤ 1` with at most 8 decimals; `null` for anything else. */
export function tasaDesdeTexto(texto: string): Tasa | null {
  const partes = DECIMAL.exec(texto);
  if (!partes) return null;
  const fraccion = partes[2] ?? '';
  const numerador = BigInt(`${partes[1]}${fraccion}`);
  const denominador = 10n ** BigInt(fraccion.length);
  if (numerador > denominador) return null;
  const divisor = numerador === 0n ? denominador : mcd(numerador, denominador);
  return { texto, numerador: numerador / divisor, denominador: denominador / divisor };
}

/**
 * `r / base_dias` reduced, the factor that turns centavo-days into centavos (R2:
 * `C × r × d / base`). Both parts are small (numerator ≤ 10^8, denominator ≤ 10^8 × 365), so
 * they are kept as numbers too, for the exact fast path below.
 */
export interface FactorDiario {
  readonly numerador: number;
  readonly denominador: number;
  readonly numeradorGrande: bigint;
  readonly denominadorGrande: bigint;
  /**
   * Largest centavo-day count for which `centavoDias × numerador + denominador` is still a safe
   * integer, so the number path of `dividirRedondeando` is exact.
   */
  readonly limiteExacto: number;
}

export function factorDiario(tasa: Tasa, baseDias: number): FactorDiario {
  const denominador = tasa.denominador * BigInt(baseDias);
  const divisor = tasa.numerador === 0n ? denominador : mcd(tasa.numerador, denominador);
  const n = tasa.numerador / divisor;
  const d = denominador / divisor;
  const numerador = Number(n);
  return {
    numerador,
    denominador: Number(d),
    numeradorGrande: n,
    denominadorGrande: d,
    limiteExacto:
      numerador === 0
        ? Number.MAX_SAFE_INTEGER
        : Math.floor((Number.MAX_SAFE_INTEGER - Number(d)) / numerador),
  };
}

/** Half-up rounding of `dividendo / divisor` for non-negative safe integers (R2). */
function dividirRedondeando(dividendo: number, divisor: number): number {
  // The float quotient is off by less than one, so its floor is off by at most one; the
  // integer remainder (exact while dividendo + divisor is safe) corrects it.
  let cociente = Math.floor(dividendo / divisor);
  let resto = dividendo - cociente * divisor;
  if (resto < 0) {
    cociente -= 1;
    resto += divisor;
  } else if (resto >= divisor) {
    cociente += 1;
    resto -= divisor;
  }
  return 2 * resto >= divisor ? cociente + 1 : cociente;
}

function redondearGrande(centavoDias: bigint, factor: FactorDiario): Centavos {
  const dividendo = centavoDias * factor.numeradorGrande;
  const d = factor.denominadorGrande;
  const cociente = dividendo / d;
  const resto = dividendo - cociente * d;
  return centavos(Number(2n * resto >= d ? cociente + 1n : cociente));
}

/**
 * Interest on `centavoDias` (Σ capital × days) at `factor`, rounded half-up to the centavo.
 * Exact: a safe-integer path when the product fits, bigint otherwise.
 */
export function interesRedondeado(centavoDias: number, factor: FactorDiario): Centavos {
  if (centavoDias <= factor.limiteExacto) {
    return dividirRedondeando(centavoDias * factor.numerador, factor.denominador) as Centavos;
  }
  return redondearGrande(BigInt(centavoDias), factor);
}

/** Interest on `capital` over `dias` days, rounded once (R4's per-crystallization rounding). */
export function interesDe(capital: Centavos, dias: number, factor: FactorDiario): Centavos {
  const centavoDias = capital * dias;
  if (centavoDias <= Number.MAX_SAFE_INTEGER) return interesRedondeado(centavoDias, factor);
  return redondearGrande(BigInt(capital) * BigInt(dias), factor);
}

/**
 * Interest accruing over a period whose balance changes (R3), kept exact until it is rounded.
 *
 * Every term of the period has the same `r / base`, so the exact rational sum
 * Σ Cᵢ × r × dᵢ / base equals (r / base) × Σ Cᵢ × dᵢ: accumulating the integer Σ Cᵢ × dᵢ is the
 * rational accumulation, without a denominator to carry. The sum stays a number while it is
 * a safe integer and spills into a bigint past that, so it is exact at any size.
 */
export class Devengo {
  private centavoDias = 0;
  private desborde = 0n;

  agregar(capital: Centavos, dias: number): void {
    const suma = this.centavoDias + capital * dias;
    // Terms are non-negative, so a product past the safe range makes the sum past it too.
    if (suma <= Number.MAX_SAFE_INTEGER) this.centavoDias = suma;
    else this.desborde += BigInt(capital) * BigInt(dias);
  }

  redondear(factor: FactorDiario): Centavos {
    if (this.desborde === 0n) return interesRedondeado(this.centavoDias, factor);
    return redondearGrande(this.desborde + BigInt(this.centavoDias), factor);
  }

  reiniciar(): void {
    this.centavoDias = 0;
    this.desborde = 0n;
  }
}

/** `a > b`, exactly (as fractions, never as floats). */
export function tasaMayorQue(a: Tasa, b: Tasa): boolean {
  return a.numerador * b.denominador > b.numerador * a.denominador;
}
