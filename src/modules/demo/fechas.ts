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

// Sonora keeps UTC−7 all year (no daylight saving time): a Hermosillo wall-clock time is
// this many minutes behind UTC, every day.
const DESFASE_HERMOSILLO_MIN = 7 * 60;

/** The instant at which Hermosillo's clocks show `minutos` after midnight of `f`. */
export function instanteEnHermosillo(f: Fecha, minutos: number): Date {
  const { anio, mes, dia } = partesDe(f);
  return new Date(Date.UTC(anio, mes - 1, dia) + (minutos + DESFASE_HERMOSILLO_MIN) * 60_000);
}

/** 0 = Sunday … 6 = Saturday. */
export function diaDeLaSemana(f: Fecha): number {
  const { anio, mes, dia } = partesDe(f);
  return new Date(Date.UTC(anio, mes - 1, dia)).getUTCDay();
}
