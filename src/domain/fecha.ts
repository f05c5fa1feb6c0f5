/**
 * A calendar date, `YYYY-MM-DD`, with no time and no time zone.
 * Dates are compared and subtracted as day numbers (days since 1970-01-01), never through
 * `Date` in local time: a `Date` carries an instant, and an instant is not a calendar day.
 */
export type Fecha = string & { readonly __marca: 'Fecha' };

/** Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil). */
export function diaDesdeCivil(anio: number, mes: number, dia: number): number {
  const a = mes <= 2 ? anio - 1 : anio;
  const era = Math.floor(a / 400);
  const anioDeEra = a - era * 400;
  const diaDelAnio = Math.floor((153 * (mes + (mes > 2 ? -3 : 9)) + 2) / 5) + dia - 1;
  const diaDeEra =
    anioDeEra * 365 + Math.floor(anioDeEra / 4) - Math.floor(anioDeEra / 100) + diaDelAnio;
  return era * 146097 + diaDeEra - 719468;
}

/** Inverse of `diaDesdeCivil`. */
export function civilDesdeDia(n: number): { anio: number; mes: number; dia: number } {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const diaDeEra = z - era * 146097;
  const anioDeEra = Math.floor(
    (diaDeEra -
      Math.floor(diaDeEra / 1460) +
      Math.floor(diaDeEra / 36524) -
      Math.floor(diaDeEra / 146096)) /
      365,
  );
  const diaDelAnio =
    diaDeEra - (365 * anioDeEra + Math.floor(anioDeEra / 4) - Math.floor(anioDeEra / 100));
  const mp = Math.floor((5 * diaDelAnio + 2) / 153);
  const dia = diaDelAnio - Math.floor((153 * mp + 2) / 5) + 1;
  const mes = mp < 10 ? mp + 3 : mp - 9;
  return { anio: anioDeEra + era * 400 + (mes <= 2 ? 1 : 0), mes, dia };
}

const CERO_ASCII = 48;

/** The digit at `i` of `texto` (0–9), or -1. */
function digito(texto: string, i: number): number {
  const d = texto.charCodeAt(i) - CERO_ASCII;
  return d >= 0 && d <= 9 ? d : -1;
}

function diasDelMes(anio: number, mes: number): number {
  if (mes === 2) return anio % 4 === 0 && (anio % 100 !== 0 || anio % 400 === 0) ? 29 : 28;
  return mes === 4 || mes === 6 || mes === 9 || mes === 11 ? 30 : 31;
}

/**
 * The day number of `YYYY-MM-DD`, or `null` when the text is not a real calendar date. Read
 * character by character: the engine reads thousands of dates per statement, and this runs
 * several times faster than a regular expression plus a round trip through the calendar.
 */
export function numeroDeDiaDeTexto(texto: string): number | null {
  if (texto.length !== 10 || texto.charCodeAt(4) !== 45 || texto.charCodeAt(7) !== 45) return null;
  const d0 = digito(texto, 0);
  const d1 = digito(texto, 1);
  const d2 = digito(texto, 2);
  const d3 = digito(texto, 3);
  const m0 = digito(texto, 5);
  const m1 = digito(texto, 6);
  const a0 = digito(texto, 8);
  const a1 = digito(texto, 9);
  if ((d0 | d1 | d2 | d3 | m0 | m1 | a0 | a1) < 0) return null;
  const anio = d0 * 1000 + d1 * 100 + d2 * 10 + d3;
  const mes = m0 * 10 + m1;
  const dia = a0 * 10 + a1;
  if (mes < 1 || mes > 12 || dia < 1 || dia > diasDelMes(anio, mes)) return null;
  return diaDesdeCivil(anio, mes, dia);
}

/** Parses `YYYY-MM-DD`; `null` when the text is not a real calendar date. */
export function fechaDesdeTexto(texto: string): Fecha | null {
  return numeroDeDiaDeTexto(texto) === null ? null : (texto as Fecha);
}

/**
 * The years a date typed or imported may carry. PostgreSQL takes neither the year 0000 nor
 * years past 9999 written this way, and nothing in a student loan's life (births included)
 * falls outside these: such a date is a typing error.
 */
export const PRIMER_ANIO_ADMITIDO = 1900;
export const ULTIMO_ANIO_ADMITIDO = 2200;

/** Whether `AAAA-MM-DD` (or `AAAA-MM`, or an ISO instant) falls within the admitted years. */
export function anioAdmitido(texto: string): boolean {
  const anio = Number(texto.slice(0, 4));
  return anio >= PRIMER_ANIO_ADMITIDO && anio <= ULTIMO_ANIO_ADMITIDO;
}

export function numeroDeDia(fecha: Fecha): number {
  return diaDesdeCivil(
    Number(fecha.slice(0, 4)),
    Number(fecha.slice(5, 7)),
    Number(fecha.slice(8, 10)),
  );
}

export function fechaDesdeNumeroDeDia(n: number): Fecha {
  const { anio, mes, dia } = civilDesdeDia(n);
  return `${String(anio).padStart(4, '0')}-${String(mes).padStart(2, '0')}-${String(dia).padStart(2, '0')}` as Fecha;
}

/** Calendar difference `b − a` in days. */
export function diasEntre(a: Fecha, b: Fecha): number {
  return numeroDeDia(b) - numeroDeDia(a);
}

export function sumarDias(fecha: Fecha, dias: number): Fecha {
  return fechaDesdeNumeroDeDia(numeroDeDia(fecha) + dias);
}

/** `dd/mm/aaaa`, the way people in Sonora read a date. */
export function formatearFecha(fecha: Fecha): string {
  return `${fecha.slice(8, 10)}/${fecha.slice(5, 7)}/${fecha.slice(0, 4)}`;
}

// One formatter per zone: building an Intl.DateTimeFormat is far costlier than using it.
const formateadores = new Map<string, Intl.DateTimeFormat>();

function formateador(zona: string): Intl.DateTimeFormat {
  let f = formateadores.get(zona);
  if (f === undefined) {
    // Throws RangeError for a name that is not an IANA zone: a bug upstream, not user input.
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zona,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formateadores.set(zona, f);
  }
  return f;
}

/**
 * The wall-clock date, hour and minute of an instant in a zone. The tz rules come from Node's
 * ICU, so DST switches are the real ones; the instant is an argument, never the machine's clock.
 */
export function momentoLocal(
  instante: Date,
  zona: string,
): { fecha: Fecha; hora: number; minuto: number } {
  const partes: Record<string, number> = {};
  for (const p of formateador(zona).formatToParts(instante)) {
    if (p.type !== 'literal') partes[p.type] = Number(p.value);
  }
  return {
    fecha: fechaDesdeNumeroDeDia(
      diaDesdeCivil(partes.year ?? 0, partes.month ?? 1, partes.day ?? 1),
    ),
    hora: partes.hour ?? 0,
    minuto: partes.minute ?? 0,
  };
}

const dosDigitos = (n: number) => String(n).padStart(2, '0');

/**
 * An instant as people at the institute read it on paper and in files: `04/12/2026 16:05` in
 * the zone's wall time, with the four-digit year (es-MX's short style prints «04/12/26»).
 */
export function formatearInstante(instante: Date, zona: string): string {
  const { fecha, hora, minuto } = momentoLocal(instante, zona);
  return `${formatearFecha(fecha)} ${dosDigitos(hora)}:${dosDigitos(minuto)}`;
}
