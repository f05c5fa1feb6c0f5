/**
 * The administrative life of a credit, apart from its situación (which the engine derives
 * from the numbers on any date). Transitions are a table: anything not listed is refused.
 */
export type EstadoCredito = 'activo' | 'liquidado' | 'reestructurado' | 'en_juridico';

export type EventoCredito =
  /** The engine finds nothing left to pay (saldo para liquidar 0). */
  | 'saldo_cubierto'
  /** A cancelled payment leaves a settled credit owing again. */
  | 'saldo_reabierto'
  | 'reestructurar'
  | 'turnar_a_juridico'
  | 'regresar_de_juridico';

const TRANSICIONES: Record<EstadoCredito, Partial<Record<EventoCredito, EstadoCredito>>> = {
  activo: {
    saldo_cubierto: 'liquidado',
    reestructurar: 'reestructurado',
    turnar_a_juridico: 'en_juridico',
  },
  liquidado: { saldo_reabierto: 'activo' },
  en_juridico: { saldo_cubierto: 'liquidado', regresar_de_juridico: 'activo' },
  // A restructured credit is closed: its debt lives on in the new credit.
  reestructurado: {},
};

export function transicion(estado: EstadoCredito, evento: EventoCredito): EstadoCredito | null {
  return TRANSICIONES[estado][evento] ?? null;
}

/** The event, if any, that the engine's situación implies for a credit in `estado`. */
export function eventoPorSituacion(
  estado: EstadoCredito,
  situacion: 'al_corriente' | 'vencido' | 'liquidado',
): EventoCredito | null {
  switch (estado) {
    case 'activo':
    case 'en_juridico':
      return situacion === 'liquidado' ? 'saldo_cubierto' : null;
    case 'liquidado':
      return situacion === 'liquidado' ? null : 'saldo_reabierto';
    case 'reestructurado':
      return null;
  }
}

export const ETIQUETA_ESTADO_CREDITO: Record<EstadoCredito, string> = {
  activo: 'Activo',
  liquidado: 'Liquidado',
  reestructurado: 'Reestructurado',
  en_juridico: 'En jurídico',
};
