import { type Fecha, numeroDeDia } from '../fecha.ts';
import { diasHabilesEntre, sumarDiasHabiles } from './dias-habiles.ts';
import type { EstadoArco } from './solicitud-arco.ts';

/**
 * The terms of an ARCO request, in business days, as in force when it was received (the
 * LGPDPPSO's: answer within 20, extendable once by 10; carry out within 15 of the answer).
 * They are stored on the request, so that a later change of the parameters does not move an
 * open request's deadlines; the holidays are read when the deadline is computed, so that a day
 * the administrador declares non-working moves every open deadline over it.
 */
export interface TerminosArco {
  diasParaResponder: number;
  diasDeAmpliacion: number;
  diasParaEjecutar: number;
}

export interface HechosDePlazo extends TerminosArco {
  estado: EstadoArco;
  recibida: Fecha;
  ampliada: boolean;
  /** The day the answer was notified; null while unanswered. */
  respondida: Fecha | null;
}

export type AlertaArco = 'vencida' | 'por_vencer';

export interface PlazoVigente {
  tipo: 'respuesta' | 'ejecucion';
  fecha: Fecha;
  /** Business days from today until the deadline (0 on the day itself); 0 or less once passed. */
  diasHabilesRestantes: number;
}

export interface PlazosArco {
  /** The last day to answer: with the extension when there was one. */
  respuesta: Fecha;
  /** The last day to answer without the extension: an extension is notified before it. */
  respuestaSinAmpliacion: Fecha;
  /** The last day to carry out a procedente answer; null until answered procedente. */
  ejecucion: Fecha | null;
  /** The deadline the request is running against now; null when none is (answered, closed). */
  vigente: PlazoVigente | null;
  alerta: AlertaArco | null;
}

export function plazoDeRespuesta(
  h: Pick<HechosDePlazo, 'recibida' | 'ampliada' | 'diasParaResponder' | 'diasDeAmpliacion'>,
  inhabiles: ReadonlySet<string>,
): Fecha {
  const dias = h.diasParaResponder + (h.ampliada ? h.diasDeAmpliacion : 0);
  return sumarDiasHabiles(h.recibida, dias, inhabiles);
}

export function calcularPlazos(
  h: HechosDePlazo,
  hoy: Fecha,
  diasDeAviso: number,
  inhabiles: ReadonlySet<string>,
): PlazosArco {
  const respuestaSinAmpliacion = sumarDiasHabiles(h.recibida, h.diasParaResponder, inhabiles);
  const respuesta = plazoDeRespuesta(h, inhabiles);
  const ejecucion =
    h.respondida !== null && (h.estado === 'procedente' || h.estado === 'ejecutada')
      ? sumarDiasHabiles(h.respondida, h.diasParaEjecutar, inhabiles)
      : null;
  const corriendo = plazoEnCurso(h.estado, respuesta, ejecucion);
  if (corriendo === null) {
    return { respuesta, respuestaSinAmpliacion, ejecucion, vigente: null, alerta: null };
  }
  const vencido = numeroDeDia(hoy) > numeroDeDia(corriendo.fecha);
  const restantes = vencido ? 0 : diasHabilesEntre(hoy, corriendo.fecha, inhabiles);
  return {
    respuesta,
    respuestaSinAmpliacion,
    ejecucion,
    vigente: { ...corriendo, diasHabilesRestantes: restantes },
    alerta: vencido ? 'vencida' : restantes <= diasDeAviso ? 'por_vencer' : null,
  };
}

function plazoEnCurso(
  estado: EstadoArco,
  respuesta: Fecha,
  ejecucion: Fecha | null,
): { tipo: 'respuesta' | 'ejecucion'; fecha: Fecha } | null {
  switch (estado) {
    case 'registrada':
    case 'en_tramite':
    case 'ampliada':
      return { tipo: 'respuesta', fecha: respuesta };
    case 'procedente':
      return ejecucion === null ? null : { tipo: 'ejecucion', fecha: ejecucion };
    case 'improcedente':
    case 'ejecutada':
    case 'cerrada':
      return null;
  }
}

/** Whether an act done on `fecha` was late for the deadline `plazo`. */
export function fueraDePlazo(fecha: Fecha, plazo: Fecha): boolean {
  return numeroDeDia(fecha) > numeroDeDia(plazo);
}

/**
 * The same calendar day `anios` years later (the end of a blocking period); February 29 of a
 * leap year becomes February 28 when the target year has none.
 */
export function sumarAnios(fecha: Fecha, anios: number): Fecha {
  const anio = Number(fecha.slice(0, 4)) + anios;
  const resto = fecha.slice(4);
  const bisiesto = (anio % 4 === 0 && anio % 100 !== 0) || anio % 400 === 0;
  const dia = resto === '-02-29' && !bisiesto ? '-02-28' : resto;
  return `${String(anio).padStart(4, '0')}${dia}` as Fecha;
}
