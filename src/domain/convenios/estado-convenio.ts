/**
 * The life of a convenio (issue 5 part B). Transitions are a table: anything not listed is
 * refused. `cumplido`, `incumplido` and `cancelado` are final.
 */
export type EstadoConvenio =
  | 'propuesto'
  | 'autorizado'
  | 'firmado'
  | 'cumplido'
  | 'incumplido'
  | 'cancelado';

export type EventoConvenio =
  /** A coordinador (or whoever's limit covers it) approves it; never the one who proposed it. */
  | 'autorizar'
  /** The debtor signs: the discount, the window and the acknowledgment take effect. */
  | 'firmar'
  /** Every promise was kept. */
  | 'cumplir'
  /** A promise was not kept by its date plus the tolerance. */
  | 'incumplir'
  /** Withdrawn before it was signed (or the authorization was refused). */
  | 'cancelar';

export const ESTADOS_CONVENIO: readonly EstadoConvenio[] = [
  'propuesto',
  'autorizado',
  'firmado',
  'cumplido',
  'incumplido',
  'cancelado',
];

const TRANSICIONES: Record<EstadoConvenio, Partial<Record<EventoConvenio, EstadoConvenio>>> = {
  propuesto: { autorizar: 'autorizado', cancelar: 'cancelado' },
  autorizado: { firmar: 'firmado', cancelar: 'cancelado' },
  firmado: { cumplir: 'cumplido', incumplir: 'incumplido' },
  cumplido: {},
  incumplido: {},
  cancelado: {},
};

export function transicionConvenio(
  estado: EstadoConvenio,
  evento: EventoConvenio,
): EstadoConvenio | null {
  return TRANSICIONES[estado][evento] ?? null;
}

export function esFinal(estado: EstadoConvenio): boolean {
  switch (estado) {
    case 'propuesto':
    case 'autorizado':
    case 'firmado':
      return false;
    case 'cumplido':
    case 'incumplido':
    case 'cancelado':
      return true;
  }
}

export const ETIQUETA_ESTADO_CONVENIO: Record<EstadoConvenio, string> = {
  propuesto: 'Propuesto',
  autorizado: 'Autorizado',
  firmado: 'Firmado',
  cumplido: 'Cumplido',
  incumplido: 'Incumplido',
  cancelado: 'Cancelado',
};

const VERBO: Record<EventoConvenio, string> = {
  autorizar: 'autorizar',
  firmar: 'firmar',
  cumplir: 'dar por cumplido',
  incumplir: 'dar por incumplido',
  cancelar: 'cancelar',
};

/** The Spanish sentence for a refused transition. */
export function motivoDeRechazo(estado: EstadoConvenio, evento: EventoConvenio): string {
  return `No se puede ${VERBO[evento]} un convenio ${ETIQUETA_ESTADO_CONVENIO[estado].toLowerCase()}.`;
}
