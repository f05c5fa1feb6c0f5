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

const MONTO = /^(-?)(\d+)(?:\.(\d{1,2}))?$/;

/**
 * An API amount `"1234.56"` → `123456` centavos, by reading the digits: `parseFloat` and
 * multiplying by 100 would turn `"0.29"` into `28.999999999999996`.
 */
export function centavosDe(monto: string): number {
  const partes = MONTO.exec(monto.trim());
  if (!partes)
    throw new TypeError(`centavosDe() espera un monto como "1234.56"; recibió "${monto}"`);
  const [, signo, enteros = '', decimales = ''] = partes;
  const valor = Number(enteros + decimales.padEnd(2, '0'));
  if (!Number.isSafeInteger(valor)) throw new TypeError(`Monto fuera de rango: ${monto}`);
  return signo === '-' && valor !== 0 ? -valor : valor;
}

/** An API amount `"1234.56"` → `$1,234.56`. */
export function pesosDe(monto: string): string {
  return pesos(centavosDe(monto));
}

const DECIMAL = /^(\d+)(?:\.(\d*))?$/;

/**
 * An annual rate as a decimal string → percentage, moving the decimal point two places in the
 * text so nothing is lost to binary floating point: `"0.06000000"` → `6 %`,
 * `"0.12500000"` → `12.5 %`. Anything else is returned unchanged.
 */
export function porcentaje(tasa: string): string {
  const partes = DECIMAL.exec(tasa.trim());
  if (!partes) return tasa;
  const [, enteros = '', decimales = ''] = partes;
  const conCentesimos = decimales.padEnd(2, '0');
  const entero = `${enteros}${conCentesimos.slice(0, 2)}`.replace(/^0+(?=\d)/, '');
  const fraccion = conCentesimos.slice(2).replace(/0+$/, '');
  return `${fraccion === '' ? entero : `${entero}.${fraccion}`} %`;
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

const MONTO_ESCRITO = /^\$?\s*(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{0,2}))?$/;

/**
 * What a person types as an amount (`1500`, `1,500.5`, `$1,500.50`) → the API's `"1500.50"`,
 * or null when it is not an amount in pesos with at most two decimals.
 */
export function leerMonto(texto: string): string | null {
  const partes = MONTO_ESCRITO.exec(texto.trim());
  if (!partes) return null;
  const [, enteros = '', decimales = ''] = partes;
  const limpio = enteros.replace(/,/g, '').replace(/^0+(?=\d)/, '');
  return `${limpio}.${decimales.padEnd(2, '0')}`;
}

const formatoHora = new Intl.DateTimeFormat('es-MX', {
  timeZone: ZONA_HORARIA,
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** An instant → `11:05`, Hermosillo time. */
export function hora(instanteIso: string): string {
  const instante = new Date(instanteIso);
  if (Number.isNaN(instante.getTime())) return instanteIso;
  const p = formatoHora.formatToParts(instante);
  return `${parte(p, 'hour')}:${parte(p, 'minute')}`;
}

/** Whole minutes from one instant to another (never negative: clocks may disagree a little). */
export function minutosEntre(desdeIso: string, hasta: Date | string): number {
  const fin = typeof hasta === 'string' ? new Date(hasta) : hasta;
  const ms = fin.getTime() - new Date(desdeIso).getTime();
  return Number.isFinite(ms) ? Math.max(0, Math.floor(ms / 60_000)) : 0;
}

/** `75` → `1 h 15 min`, `8` → `8 min`. */
export function duracion(minutos: number): string {
  const m = Math.max(0, Math.round(minutos));
  if (m < 60) return `${m} min`;
  const h = Math.floor(m / 60);
  const resto = m % 60;
  return resto === 0 ? `${h} h` : `${h} h ${resto} min`;
}

const NOMBRES_MES = [
  'enero',
  'febrero',
  'marzo',
  'abril',
  'mayo',
  'junio',
  'julio',
  'agosto',
  'septiembre',
  'octubre',
  'noviembre',
  'diciembre',
];

/** `2026-03` → `marzo de 2026`. */
export function nombreMes(mes: string): string {
  const [anio, numero] = mes.split('-');
  return `${NOMBRES_MES[Number(numero) - 1] ?? numero} de ${anio}`;
}
