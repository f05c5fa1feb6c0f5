/**
 * How Recupera shows money and dates to people: es-MX, `$1,234.56`, `dd/mm/aaaa`.
 * Sonora is UTC−7 all year (no daylight saving): instants are shown in America/Hermosillo.
 */

export const ZONA_HORARIA = 'America/Hermosillo';

const formatoPesos = new Intl.NumberFormat('es-MX', { style: 'currency', currency: 'MXN' });

/** Amounts travel as integer centavos; `pesos(123456)` → `$1,234.56`. */
export function pesos(centavos: number): string {
  if (!Number.isSafeInteger(centavos)) {
    throw new TypeError(`pesos() espera centavos enteros; recibió ${String(centavos)}`);
  }
  return formatoPesos.format(centavos / 100);
}

const FECHA_ISO = /^(\d{4})-(\d{2})-(\d{2})/;

/**
 * A calendar date `aaaa-mm-dd` → `dd/mm/aaaa`, by slicing the text: a calendar date has no time
 * zone, and going through `Date` would shift it a day. Anything else is returned unchanged.
 */
export function fecha(iso: string): string {
  const partes = FECHA_ISO.exec(iso);
  if (!partes) return iso;
  const [, anio, mes, dia] = partes;
  return `${dia}/${mes}/${anio}`;
}

const formatoFechaHora = new Intl.DateTimeFormat('es-MX', {
  timeZone: ZONA_HORARIA,
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

const formatoDia = new Intl.DateTimeFormat('es-MX', {
  timeZone: ZONA_HORARIA,
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
});

function parte(partes: Intl.DateTimeFormatPart[], tipo: Intl.DateTimeFormatPartTypes): string {
  return partes.find((p) => p.type === tipo)?.value ?? '';
}

/** An instant (`2024-06-30T18:05:00Z`) → `30/06/2024 11:05`, Hermosillo time. */
export function fechaHora(instanteIso: string): string {
  const instante = new Date(instanteIso);
  if (Number.isNaN(instante.getTime())) return instanteIso;
  const p = formatoFechaHora.formatToParts(instante);
  return `${parte(p, 'day')}/${parte(p, 'month')}/${parte(p, 'year')} ${parte(p, 'hour')}:${parte(p, 'minute')}`;
}

/** The business date (día hábil de operación) as `dd/mm/aaaa`, in Hermosillo. */
export function fechaDeHoy(ahora: Date = new Date()): string {
  const p = formatoDia.formatToParts(ahora);
  return `${parte(p, 'day')}/${parte(p, 'month')}/${parte(p, 'year')}`;
}
