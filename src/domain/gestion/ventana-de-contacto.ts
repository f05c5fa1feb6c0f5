import { type Fecha, momentoLocal } from '../fecha.ts';
import { nombreDeZona, type ZonaHoraria } from './zona-horaria.ts';

/** Outbound contacts only between these local times of the contact (issue 9). */
export const INICIO_VENTANA = '07:00';
export const FIN_VENTANA = '22:00';

const HORA_INICIO = 7;
const HORA_FIN = 22;

/** The wall-clock date and time of an instant in a zone (`momentoLocal`), with `hh:mm` text. */
export function horaLocal(
  instante: Date,
  zona: ZonaHoraria,
): { fecha: Fecha; hora: number; minuto: number; texto: string } {
  const { fecha, hora, minuto } = momentoLocal(instante, zona);
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
