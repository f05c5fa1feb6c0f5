import { diaDesdeCivil, type Fecha, fechaDesdeNumeroDeDia } from '../fecha.ts';
import { nombreDeZona, type ZonaHoraria } from './zona-horaria.ts';

/** Outbound contacts only between these local times of the contact (issue 9). */
export const INICIO_VENTANA = '07:00';
export const FIN_VENTANA = '22:00';

const HORA_INICIO = 7;
const HORA_FIN = 22;

// One formatter per zone: building an Intl.DateTimeFormat is far costlier than using it.
const formateadores = new Map<ZonaHoraria, Intl.DateTimeFormat>();

function formateador(zona: ZonaHoraria): Intl.DateTimeFormat {
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
 * The wall-clock date and time of an instant in a zone. The tz rules come from Node's ICU
 * (tzdata 2025c in Node 20), so DST switches are the real ones; the instant is an argument,
 * never the machine's clock.
 */
export function horaLocal(
  instante: Date,
  zona: ZonaHoraria,
): { fecha: Fecha; hora: number; minuto: number; texto: string } {
  const partes: Record<string, number> = {};
  for (const p of formateador(zona).formatToParts(instante)) {
    if (p.type !== 'literal') partes[p.type] = Number(p.value);
  }
  const hora = partes.hour ?? 0;
  const minuto = partes.minute ?? 0;
  const fecha = fechaDesdeNumeroDeDia(
    diaDesdeCivil(partes.year ?? 0, partes.month ?? 1, partes.day ?? 1),
  );
  return {
    fecha,
    hora,
    minuto,
    texto: `${String(hora).padStart(2, '0')}:${String(minuto).padStart(2, '0')}`,
  };
}

/**
 * Whether an outbound contact is allowed at this instant: 07:00 ≤ local time < 22:00. The
 * window is half-open: 07:00:00 is inside, 21:59:59 is inside, 22:00:00 is already outside
 * (a call "until ten" must not start at ten), 06:59:59 is outside. Comparing whole hours is
 * enough because both edges fall on the hour.
 */
export function dentroDeVentana(instante: Date, zona: ZonaHoraria): boolean {
  const { hora } = horaLocal(instante, zona);
  return hora >= HORA_INICIO && hora < HORA_FIN;
}

/** `null` inside the window; otherwise the sentence the gestor reads, in the contact's time. */
export function motivoFueraDeHorario(instante: Date, zona: ZonaHoraria): string | null {
  if (dentroDeVentana(instante, zona)) return null;
  const { hora, texto } = horaLocal(instante, zona);
  const verbo = hora === 1 ? 'Es la' : 'Son las';
  return `${verbo} ${texto} en el lugar del contacto (${nombreDeZona(zona)}): solo se contacta de ${INICIO_VENTANA} a ${FIN_VENTANA}.`;
}
