import { diasEntre, type Fecha } from '../fecha.ts';

/**
 * Where a physical piece (an expediente or a contrato-pagaré) may go from where it is. Every
 * move is one of these kinds; the table says from which places it starts and where it ends,
 * and `revisarMovimiento` adds the conditions a table cannot say (same office, a return date).
 */
export type TipoMovimientoCustodia =
  | 'ubicar'
  | 'prestamo'
  | 'devolucion'
  | 'traslado'
  | 'envio_a_despacho'
  | 'retorno_de_despacho'
  | 'devolucion_al_acreditado';

export type LugarDePieza = 'archivo' | 'persona' | 'despacho' | 'devuelto';

export const TIPOS_MOVIMIENTO_CUSTODIA: readonly TipoMovimientoCustodia[] = [
  'ubicar',
  'prestamo',
  'devolucion',
  'traslado',
  'envio_a_despacho',
  'retorno_de_despacho',
  'devolucion_al_acreditado',
];

export const REGLAS_DE_CUSTODIA: Readonly<
  Record<TipoMovimientoCustodia, { desde: readonly LugarDePieza[]; hacia: readonly LugarDePieza[] }>
> = {
  // A shelf and box in the archive the piece is already in.
  ubicar: { desde: ['archivo'], hacia: ['archivo'] },
  // Check-out to a colleague or to a firm, always with the date it must be back.
  prestamo: { desde: ['archivo'], hacia: ['persona', 'despacho'] },
  // Check-in: whoever holds it gives it back to an archive.
  devolucion: { desde: ['persona', 'despacho'], hacia: ['archivo'] },
  // From one office's archive to another's.
  traslado: { desde: ['archivo'], hacia: ['archivo'] },
  // The turnado (src/modules/juridico/): the firm holds the papers while it holds the account.
  envio_a_despacho: { desde: ['archivo'], hacia: ['despacho'] },
  retorno_de_despacho: { desde: ['despacho'], hacia: ['archivo'] },
  // A paid pagaré goes back to whoever signed it; nothing comes back after that.
  devolucion_al_acreditado: { desde: ['archivo'], hacia: ['devuelto'] },
};

/** What the system believes of a piece before the move. */
export interface PiezaEnCustodia {
  lugar: LugarDePieza;
  /** The archive it is in (lugar archivo); for other places, null or the holder's office. */
  oficinaId: number | null;
  esPagare: boolean;
  /** The credit's state: only a closed credit's pagarés go back to the debtor. */
  creditoCerrado: boolean;
}

export type DestinoPedido =
  | { lugar: 'archivo'; oficinaId: number }
  | { lugar: 'persona'; usuarioId: number }
  | { lugar: 'despacho'; despachoId: number }
  | { lugar: 'devuelto' };

/** Why a move is refused; the use case names the piece and its holder in the message. */
export type RechazoDeCustodia =
  | 'prestada'
  | 'devuelta'
  | 'no_esta_fuera'
  | 'no_esta_en_despacho'
  | 'destino_no_admitido'
  | 'otra_oficina'
  | 'misma_oficina'
  | 'sin_fecha_de_devolucion'
  | 'fecha_de_devolucion_pasada'
  | 'fecha_de_devolucion_sobra'
  | 'expediente_no_se_devuelve'
  | 'credito_vigente';

/** Whether the piece is out with someone (a person or a firm), so that it cannot go out again. */
export function estaFuera(lugar: LugarDePieza): boolean {
  return lugar === 'persona' || lugar === 'despacho';
}

function revisarOrigen(
  tipo: TipoMovimientoCustodia,
  lugar: LugarDePieza,
): RechazoDeCustodia | null {
  if (REGLAS_DE_CUSTODIA[tipo].desde.includes(lugar)) return null;
  if (lugar === 'devuelto') return 'devuelta';
  switch (tipo) {
    case 'devolucion':
      return 'no_esta_fuera';
    case 'retorno_de_despacho':
      return 'no_esta_en_despacho';
    case 'ubicar':
    case 'prestamo':
    case 'traslado':
    case 'envio_a_despacho':
    case 'devolucion_al_acreditado':
      // These start in the archive: the piece is out with someone.
      return 'prestada';
  }
}

/**
 * Null when `tipo` may take the piece to `destino` today; otherwise why not. A return date is
 * required exactly for the moves that leave it with someone (préstamo, envío a despacho).
 */
export function revisarMovimiento(
  tipo: TipoMovimientoCustodia,
  pieza: PiezaEnCustodia,
  destino: DestinoPedido,
  devolverAMasTardar: Fecha | null,
  hoy: Fecha,
): RechazoDeCustodia | null {
  const origen = revisarOrigen(tipo, pieza.lugar);
  if (origen !== null) return origen;
  if (!REGLAS_DE_CUSTODIA[tipo].hacia.includes(destino.lugar)) return 'destino_no_admitido';
  const fechaPedida = estaFuera(destino.lugar);
  if (fechaPedida && devolverAMasTardar === null) return 'sin_fecha_de_devolucion';
  if (fechaPedida && devolverAMasTardar !== null && diasEntre(hoy, devolverAMasTardar) < 0) {
    return 'fecha_de_devolucion_pasada';
  }
  if (!fechaPedida && devolverAMasTardar !== null) return 'fecha_de_devolucion_sobra';
  switch (tipo) {
    case 'ubicar':
      return destino.lugar === 'archivo' && destino.oficinaId !== pieza.oficinaId
        ? 'otra_oficina'
        : null;
    case 'traslado':
      return destino.lugar === 'archivo' && destino.oficinaId === pieza.oficinaId
        ? 'misma_oficina'
        : null;
    case 'devolucion_al_acreditado':
      if (!pieza.esPagare) return 'expediente_no_se_devuelve';
      return pieza.creditoCerrado ? null : 'credito_vigente';
    case 'prestamo':
    case 'devolucion':
    case 'envio_a_despacho':
    case 'retorno_de_despacho':
      return null;
  }
}
