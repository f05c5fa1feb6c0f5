/**
 * The life of an ARCO request (LGPDPPSO: acceso, rectificación, cancelación, oposición, and
 * portabilidad). It is received (`registrada`); the titular's identity (or the
 * representative's) is verified (`en_tramite`); the term to answer may be extended once
 * (`ampliada`); it is answered `procedente` or `improcedente`; a procedente one is carried out
 * (`ejecutada`); and the file is closed (`cerrada`, final). A request whose identity was never
 * verified can only be answered improcedente or closed (the titular withdrew).
 */
export type DerechoArco = 'acceso' | 'rectificacion' | 'cancelacion' | 'oposicion' | 'portabilidad';

export const DERECHOS_ARCO: readonly DerechoArco[] = [
  'acceso',
  'rectificacion',
  'cancelacion',
  'oposicion',
  'portabilidad',
];

export type EstadoArco =
  | 'registrada'
  | 'en_tramite'
  | 'ampliada'
  | 'procedente'
  | 'improcedente'
  | 'ejecutada'
  | 'cerrada';

export const ESTADOS_ARCO: readonly EstadoArco[] = [
  'registrada',
  'en_tramite',
  'ampliada',
  'procedente',
  'improcedente',
  'ejecutada',
  'cerrada',
];

export type EventoArco =
  /** The titular's (or representative's) identity checked against an official document. */
  | 'verificar'
  /** The one extension of the term to answer, notified within the term. */
  | 'ampliar'
  | 'responder_procedente'
  | 'responder_improcedente'
  /** The right made effective: data delivered, corrected, blocked, or contact stopped. */
  | 'ejecutar'
  | 'cerrar';

export const EVENTOS_ARCO: readonly EventoArco[] = [
  'verificar',
  'ampliar',
  'responder_procedente',
  'responder_improcedente',
  'ejecutar',
  'cerrar',
];

/** The transition table; null: the event does not apply in that state. */
export function transicionArco(estado: EstadoArco, evento: EventoArco): EstadoArco | null {
  switch (estado) {
    case 'registrada':
      switch (evento) {
        case 'verificar':
          return 'en_tramite';
        // Without a verified identity nothing is delivered nor changed: only a refusal.
        case 'responder_improcedente':
          return 'improcedente';
        case 'cerrar':
          return 'cerrada';
        case 'ampliar':
        case 'responder_procedente':
        case 'ejecutar':
          return null;
      }
      break;
    case 'en_tramite':
      switch (evento) {
        case 'ampliar':
          return 'ampliada';
        case 'responder_procedente':
          return 'procedente';
        case 'responder_improcedente':
          return 'improcedente';
        case 'cerrar':
          return 'cerrada';
        case 'verificar':
        case 'ejecutar':
          return null;
      }
      break;
    case 'ampliada':
      switch (evento) {
        case 'responder_procedente':
          return 'procedente';
        case 'responder_improcedente':
          return 'improcedente';
        case 'cerrar':
          return 'cerrada';
        // The law allows one extension only.
        case 'ampliar':
        case 'verificar':
        case 'ejecutar':
          return null;
      }
      break;
    case 'procedente':
      switch (evento) {
        // A right found procedente must be made effective: it is not closed before.
        case 'ejecutar':
          return 'ejecutada';
        case 'verificar':
        case 'ampliar':
        case 'responder_procedente':
        case 'responder_improcedente':
        case 'cerrar':
          return null;
      }
      break;
    case 'improcedente':
    case 'ejecutada':
      switch (evento) {
        case 'cerrar':
          return 'cerrada';
        case 'verificar':
        case 'ampliar':
        case 'responder_procedente':
        case 'responder_improcedente':
        case 'ejecutar':
          return null;
      }
      break;
    case 'cerrada':
      return null;
  }
}

export const ETIQUETA_ESTADO_ARCO: Record<EstadoArco, string> = {
  registrada: 'Registrada',
  en_tramite: 'En trámite',
  ampliada: 'Plazo ampliado',
  procedente: 'Procedente',
  improcedente: 'Improcedente',
  ejecutada: 'Ejecutada',
  cerrada: 'Cerrada',
};

export const ETIQUETA_DERECHO_ARCO: Record<DerechoArco, string> = {
  acceso: 'Acceso',
  rectificacion: 'Rectificación',
  cancelacion: 'Cancelación',
  oposicion: 'Oposición',
  portabilidad: 'Portabilidad',
};

const VERBO: Record<EventoArco, string> = {
  verificar: 'verificar la identidad de',
  ampliar: 'ampliar el plazo de',
  responder_procedente: 'responder procedente',
  responder_improcedente: 'responder improcedente',
  ejecutar: 'ejecutar',
  cerrar: 'cerrar',
};

/** The Spanish sentence for a refused transition. */
export function motivoDeRechazoArco(estado: EstadoArco, evento: EventoArco): string {
  const detalle =
    evento === 'ampliar' && estado === 'ampliada'
      ? ' El plazo solo se amplía una vez.'
      : evento === 'responder_procedente' && estado === 'registrada'
        ? ' Primero verifica la identidad del titular.'
        : evento === 'cerrar' && estado === 'procedente'
          ? ' Una solicitud procedente se ejecuta antes de cerrarse.'
          : '';
  return `No se puede ${VERBO[evento]} una solicitud en estado «${ETIQUETA_ESTADO_ARCO[estado]}».${detalle}`;
}
