import { diaDesdeCivil, type Fecha, fechaDesdeNumeroDeDia } from '../fecha.ts';

function partes(f: Fecha): { anio: number; mes: number; dia: number } {
  return { anio: Number(f.slice(0, 4)), mes: Number(f.slice(5, 7)), dia: Number(f.slice(8, 10)) };
}

function diasDelMes(anio: number, mes: number): number {
  const siguiente = mes === 12 ? diaDesdeCivil(anio + 1, 1, 1) : diaDesdeCivil(anio, mes + 1, 1);
  return siguiente - diaDesdeCivil(anio, mes, 1);
}

/**
 * The same day `meses` months later; a day the month lacks becomes its last day (31/01 plus
 * one month is 28/02 or 29/02). Always counted from the original date, so a plan that starts
 * on the 31st keeps falling on each month's last day instead of drifting to the 28th.
 */
export function sumarMeses(f: Fecha, meses: number): Fecha {
  const { anio, mes, dia } = partes(f);
  const m = mes - 1 + meses;
  const anioNuevo = anio + Math.floor(m / 12);
  const mesNuevo = (((m % 12) + 12) % 12) + 1;
  const diaNuevo = Math.min(dia, diasDelMes(anioNuevo, mesNuevo));
  return fechaDesdeNumeroDeDia(diaDesdeCivil(anioNuevo, mesNuevo, diaNuevo));
}

/** `n` monthly dates, the first one `primera`. */
export function fechasMensuales(primera: Fecha, n: number): Fecha[] {
  return Array.from({ length: n }, (_, k) => sumarMeses(primera, k));
}
