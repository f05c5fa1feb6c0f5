import { type Centavos, centavos } from '../dinero.ts';
import { type Tasa, tasaDesdeTexto } from '../tasa.ts';

/**
 * A share of an amount, 0 ≤ p ≤ 1, as an exact fraction ("0.50" is 50 %). It has the form of
 * a rate (a decimal string with up to 8 decimals read digit by digit), so it reuses `Tasa`:
 * "0.155" never passes through a binary float.
 */
export type Porcentaje = Tasa;

export function porcentajeDesdeTexto(texto: string): Porcentaje | null {
  return tasaDesdeTexto(texto);
}

export const CERO_POR_CIENTO: Porcentaje = { texto: '0', numerador: 0n, denominador: 1n };

export function esCero(p: Porcentaje): boolean {
  return p.numerador === 0n;
}

/**
 * `monto × p`, rounded half-up to the centavo, exactly: the product is an integer over a
 * power-of-ten denominator, so bigint arithmetic decides the half without error.
 */
export function aplicarPorcentaje(monto: Centavos, p: Porcentaje): Centavos {
  const producto = BigInt(monto) * p.numerador;
  const cociente = producto / p.denominador;
  const resto = producto - cociente * p.denominador;
  return centavos(Number(2n * resto >= p.denominador ? cociente + 1n : cociente));
}

/**
 * The canonical text of a percentage, with at least two decimals ("0.50", "1.00", "0.125"),
 * whatever form it was written or stored in ("0.5", "0.50000000").
 */
export function formatearPorcentaje(p: Porcentaje): string {
  let decimales = 0;
  let escala = 1n;
  // The reduced denominator divides 10^8 (at most 8 decimals were parsed).
  while ((escala % p.denominador !== 0n || decimales < 2) && decimales < 8) {
    decimales++;
    escala *= 10n;
  }
  const valor = (p.numerador * escala) / p.denominador;
  const texto = valor.toString().padStart(decimales + 1, '0');
  return `${texto.slice(0, -decimales)}.${texto.slice(-decimales)}`;
}

/** "50 %", "12.5 %": how a person reads it. */
export function leerPorcentaje(p: Porcentaje): string {
  const cien = formatearPorcentaje({ ...p, numerador: p.numerador * 100n });
  return `${cien.replace(/\.?0+$/, '')} %`;
}
