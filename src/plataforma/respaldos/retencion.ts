import { type Fecha, numeroDeDia } from '../../domain/fecha.ts';
import { leerNombreDeRespaldo, type NombreDeRespaldo } from './nombres.ts';

/** How many days, ISO weeks and months keep a backup (RESPALDOS_DIARIOS/SEMANALES/MENSUALES). */
export interface PoliticaDeRetencion {
  diarios: number;
  semanales: number;
  mensuales: number;
}

export interface Eleccion {
  /** Backups kept, newest first. */
  conservar: string[];
  /** Backups to delete, newest first. */
  borrar: string[];
}

const dia = (fecha: Fecha) => fecha;
/** The Monday that starts the ISO week (day 0, 1970-01-01, was a Thursday). */
const semana = (fecha: Fecha) => {
  const n = numeroDeDia(fecha);
  return String(n - ((((n + 3) % 7) + 7) % 7));
};
const mes = (fecha: Fecha) => fecha.slice(0, 7);

/**
 * The grandfather-father-son rule of borg's and restic's `keep-daily/weekly/monthly`: for each
 * kind of period, the newest backup of each of the most recent periods that have one (7 days
 * with a backup, not 7 calendar days: a week without backups does not use up the allowance). A
 * backup chosen by two rules counts in both, so at most diarios + semanales + mensuales are
 * kept, and the newest is always kept while diarios ≥ 1. Names that are not backups are never
 * deleted: they are the operator's.
 */
export function elegirRespaldos(
  nombres: readonly string[],
  politica: PoliticaDeRetencion,
): Eleccion {
  const respaldos = [...new Set(nombres)]
    .map(leerNombreDeRespaldo)
    .filter((r): r is NombreDeRespaldo => r !== null)
    .sort((a, b) => b.marca.localeCompare(a.marca) || b.nombre.localeCompare(a.nombre));
  const elegidos = new Set<string>();
  const reglas: Array<[number, (f: Fecha) => string]> = [
    [politica.diarios, dia],
    [politica.semanales, semana],
    [politica.mensuales, mes],
  ];
  for (const [cuantos, periodo] of reglas) {
    const vistos = new Set<string>();
    for (const r of respaldos) {
      if (vistos.size >= cuantos) break;
      const clave = periodo(r.fecha);
      if (vistos.has(clave)) continue;
      vistos.add(clave);
      elegidos.add(r.nombre);
    }
  }
  return {
    conservar: respaldos.filter((r) => elegidos.has(r.nombre)).map((r) => r.nombre),
    borrar: respaldos.filter((r) => !elegidos.has(r.nombre)).map((r) => r.nombre),
  };
}
