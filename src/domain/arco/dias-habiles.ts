import { type Fecha, fechaDesdeNumeroDeDia, numeroDeDia } from '../fecha.ts';

/**
 * Business days (días hábiles) for the ARCO deadlines: Monday to Friday, except the days the
 * administrador marks as non-working (official holidays, the institute's vacation days). The
 * law counts its terms in business days "a partir del día siguiente" of the act, so a term of
 * N days ends on the N-th business day after the day it starts from.
 */

/** 1970-01-01 (day 0) was a Thursday: 0 = Sunday … 6 = Saturday. */
function diaDeLaSemana(numeroDia: number): number {
  return (((numeroDia + 4) % 7) + 7) % 7;
}

export function esFinDeSemana(fecha: Fecha): boolean {
  const d = diaDeLaSemana(numeroDeDia(fecha));
  return d === 0 || d === 6;
}

export function esDiaHabil(fecha: Fecha, inhabiles: ReadonlySet<string>): boolean {
  return !esFinDeSemana(fecha) && !inhabiles.has(fecha);
}

/**
 * The `n`-th business day after `desde` (`desde` itself never counts, whatever it is); with
 * `n` = 0, `desde`. The holiday set is finite and weekdays recur, so the loop always ends.
 */
export function sumarDiasHabiles(desde: Fecha, n: number, inhabiles: ReadonlySet<string>): Fecha {
  if (!Number.isSafeInteger(n) || n < 0) {
    throw new RangeError(`sumarDiasHabiles espera un entero no negativo; recibió ${n}`);
  }
  let dia = numeroDeDia(desde);
  let faltan = n;
  while (faltan > 0) {
    dia++;
    if (esDiaHabil(fechaDesdeNumeroDeDia(dia), inhabiles)) faltan--;
  }
  return fechaDesdeNumeroDeDia(dia);
}

/**
 * Business days in `(a, b]`: how many remain from `a` until a deadline `b` (0 on the deadline
 * itself). Negative when `b` is before `a`: minus the business days in `(b, a]`, so that a
 * deadline passed yesterday gives −1 on a business day.
 */
export function diasHabilesEntre(a: Fecha, b: Fecha, inhabiles: ReadonlySet<string>): number {
  const desde = numeroDeDia(a);
  const hasta = numeroDeDia(b);
  if (hasta < desde) return -diasHabilesEntre(b, a, inhabiles);
  let cuenta = 0;
  for (let dia = desde + 1; dia <= hasta; dia++) {
    if (esDiaHabil(fechaDesdeNumeroDeDia(dia), inhabiles)) cuenta++;
  }
  return cuenta;
}
