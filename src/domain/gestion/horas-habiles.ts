import { civilDesdeDia, fechaDesdeNumeroDeDia, numeroDeDia } from '../fecha.ts';
import { horaLocal } from './ventana-de-contacto.ts';
import { ZONA_INSTITUTO, type ZonaHoraria } from './zona-horaria.ts';

/** The office day: Monday to Friday, 08:00 to 16:00 local time. */
const HORA_APERTURA = 8;
const HORA_CIERRE = 16;
const MS_POR_MINUTO = 60_000;
const MS_POR_JORNADA = (HORA_CIERRE - HORA_APERTURA) * 60 * MS_POR_MINUTO;

/** 1970-01-01 (day 0) was a Thursday; 0 = Sunday … 6 = Saturday. */
function diaDeLaSemana(dia: number): number {
  return (((dia + 4) % 7) + 7) % 7;
}

/** Offset of the zone at an instant, in minutes east of UTC (Hermosillo: −420). */
function desfaseEnMinutos(ms: number, zona: ZonaHoraria): number {
  const local = horaLocal(new Date(ms), zona);
  const minutosLocales = numeroDeDia(local.fecha) * 1440 + local.hora * 60 + local.minuto;
  return minutosLocales - Math.floor(ms / MS_POR_MINUTO);
}

/**
 * The instant at which the wall clock of the zone shows `hora`:00 on day `dia`. Guess with
 * the offset at that hour read as UTC, then correct once with the offset at the result; the
 * office hours never fall inside a DST gap (switches happen at 01:00–03:00).
 */
function instanteLocal(dia: number, hora: number, zona: ZonaHoraria): number {
  const { anio, mes, dia: diaDelMes } = civilDesdeDia(dia);
  const comoUtc = Date.UTC(anio, mes - 1, diaDelMes, hora);
  const tentativo = comoUtc - desfaseEnMinutos(comoUtc, zona) * MS_POR_MINUTO;
  return comoUtc - desfaseEnMinutos(tentativo, zona) * MS_POR_MINUTO;
}

/** Monday to Friday and not a holiday of the institute's calendar. */
function esHabil(dia: number, inhabiles: ReadonlySet<string>): boolean {
  const semana = diaDeLaSemana(dia);
  if (semana === 0 || semana === 6) return false;
  return inhabiles.size === 0 || !inhabiles.has(fechaDesdeNumeroDeDia(dia));
}

/** The part of [a, b) inside the office hours of one local day, in milliseconds. */
function msHabilesDelDia(
  dia: number,
  a: number,
  b: number,
  zona: ZonaHoraria,
  inhabiles: ReadonlySet<string>,
): number {
  if (!esHabil(dia, inhabiles)) return 0;
  const inicio = Math.max(a, instanteLocal(dia, HORA_APERTURA, zona));
  const fin = Math.min(b, instanteLocal(dia, HORA_CIERRE, zona));
  return fin > inicio ? fin - inicio : 0;
}

/**
 * Business minutes between two instants: the part of [desde, hasta) that falls on Monday to
 * Friday between 08:00 and 16:00 in `zona` (at most 480 a day), except on the days of
 * `inhabiles` (`YYYY-MM-DD`: the institute's calendar of non-working days, the one ARCO's
 * terms count with). Used to escalate unattended recados after `horasHabilesParaEscalar`.
 * Fractional when the instants are not on whole minutes; 0 when `hasta` is not after `desde`.
 *
 * Only the first and last local days need the zone's clock; a weekday in between is a whole
 * 480 minutes, because no zone we use changes its offset between 08:00 and 16:00 (switches
 * happen at night). So the cost is a few Intl calls plus one cheap step per day.
 */
export function minutosHabilesEntre(
  desde: Date,
  hasta: Date,
  zona: ZonaHoraria = ZONA_INSTITUTO,
  inhabiles: ReadonlySet<string> = new Set(),
): number {
  const a = desde.getTime();
  const b = hasta.getTime();
  if (!(b > a)) return 0;
  const primerDia = numeroDeDia(horaLocal(desde, zona).fecha);
  const ultimoDia = numeroDeDia(horaLocal(hasta, zona).fecha);
  if (primerDia === ultimoDia) {
    return msHabilesDelDia(primerDia, a, b, zona, inhabiles) / MS_POR_MINUTO;
  }
  let ms =
    msHabilesDelDia(primerDia, a, b, zona, inhabiles) +
    msHabilesDelDia(ultimoDia, a, b, zona, inhabiles);
  for (let dia = primerDia + 1; dia < ultimoDia; dia++) {
    if (esHabil(dia, inhabiles)) ms += MS_POR_JORNADA;
  }
  return ms / MS_POR_MINUTO;
}
