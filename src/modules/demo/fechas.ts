import { diaDesdeCivil, type Fecha, fechaDesdeNumeroDeDia } from '../../domain/fecha.ts';

/** Calendar arithmetic the demo needs, on `Fecha` (no `Date`). */

export function fecha(anio: number, mes: number, dia: number): Fecha {
  return fechaDesdeNumeroDeDia(diaDesdeCivil(anio, mes, dia));
}

export function partesDe(f: Fecha): { anio: number; mes: number; dia: number } {
  return { anio: Number(f.slice(0, 4)), mes: Number(f.slice(5, 7)), dia: Number(f.slice(8, 10)) };
}

/** The same day `meses` months later; the day must be ≤ 28 (the demo's days always are). */
export function sumarMeses(f: Fecha, meses: number): Fecha {
  const { anio, mes, dia } = partesDe(f);
  const m = mes - 1 + meses;
  return fecha(anio + Math.floor(m / 12), (((m % 12) + 12) % 12) + 1, dia);
}

export function anioDe(f: Fecha): number {
  return Number(f.slice(0, 4));
}
