/**
 * The life of a recado (issue 9): taken for an absent colleague, read by them (or whoever
 * covers them), answered by a gestión. A gestión may answer it before anyone opened it, so
 * `nuevo → atendido` is allowed too. `atendido` is final. Escalation is not a state: it is a
 * mark (`escalado`) on a recado still unattended, which stays `nuevo` or `leído`.
 */
export type EstadoRecado = 'nuevo' | 'leido' | 'atendido';

export type EventoRecado =
  /** The recipient (or their suplente, or the office's coordinador) opened it. */
  | 'leer'
  /** A gestión answered it. */
  | 'atender';

export const ESTADOS_RECADO: readonly EstadoRecado[] = ['nuevo', 'leido', 'atendido'];

export function transicionRecado(estado: EstadoRecado, evento: EventoRecado): EstadoRecado | null {
  switch (estado) {
    case 'nuevo':
      switch (evento) {
        case 'leer':
          return 'leido';
        case 'atender':
          return 'atendido';
      }
      break;
    case 'leido':
      switch (evento) {
        case 'leer':
          return null;
        case 'atender':
          return 'atendido';
      }
      break;
    case 'atendido':
      return null;
  }
}

export const ETIQUETA_ESTADO_RECADO: Record<EstadoRecado, string> = {
  nuevo: 'Nuevo',
  leido: 'Leído',
  atendido: 'Atendido',
};

const VERBO: Record<EventoRecado, string> = {
  leer: 'marcar como leído',
  atender: 'atender',
};

/** The Spanish sentence for a refused transition. */
export function motivoDeRechazoRecado(estado: EstadoRecado, evento: EventoRecado): string {
  return `No se puede ${VERBO[evento]} un recado ${ETIQUETA_ESTADO_RECADO[estado].toLowerCase()}.`;
}
