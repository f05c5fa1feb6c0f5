/**
 * A walk-in's turn at the counter. "Attend every borrower who comes in" is measured from
 * these: attended ÷ registered, per day and per gestor.
 */
export type EstadoTurno = 'en_espera' | 'en_atencion' | 'atendido' | 'abandonado';
export type MotivoTurno = 'informes' | 'abono' | 'liquidacion' | 'convenio' | 'otro';
export type EventoTurno = 'tomar' | 'devolver' | 'cerrar' | 'abandonar';

export const MOTIVOS: readonly MotivoTurno[] = [
  'informes',
  'abono',
  'liquidacion',
  'convenio',
  'otro',
];

const TRANSICIONES: Record<EstadoTurno, Partial<Record<EventoTurno, EstadoTurno>>> = {
  en_espera: { tomar: 'en_atencion', abandonar: 'abandonado' },
  // Handing a turn back puts the person at the head of the queue again (their arrival stands).
  en_atencion: { cerrar: 'atendido', devolver: 'en_espera' },
  atendido: {},
  abandonado: {},
};

export function siguienteEstado(estado: EstadoTurno, evento: EventoTurno): EstadoTurno | null {
  return TRANSICIONES[estado][evento] ?? null;
}

export const ETIQUETA_ESTADO_TURNO: Record<EstadoTurno, string> = {
  en_espera: 'En espera',
  en_atencion: 'En atención',
  atendido: 'Atendido',
  abandonado: 'Se retiró sin ser atendido',
};

export const ETIQUETA_MOTIVO: Record<MotivoTurno, string> = {
  informes: 'Informes',
  abono: 'Abono',
  liquidacion: 'Liquidación',
  convenio: 'Convenio',
  otro: 'Otro',
};

/** "H-007": the office's letter and the day's number, what the person hears called. */
export function claveDeTurno(claveOficina: string, numero: number): string {
  return `${claveOficina.charAt(0)}-${String(numero).padStart(3, '0')}`;
}
