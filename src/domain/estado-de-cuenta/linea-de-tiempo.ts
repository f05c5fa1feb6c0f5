import type { Condonacion, Movimiento, Pago } from './caso.ts';

export type MovimientoVigente = Pago | Condonacion;

/**
 * R1: the movements that count at the cut-off, in the order they apply. Those dated after
 * fecha_corte are ignored; a cancelación dated on or before it removes the movement it names
 * as if it had never existed, and has no other effect.
 */
export function movimientosVigentes(
  movimientos: readonly Movimiento[],
  diaCorte: number,
): MovimientoVigente[] {
  const cancelados = new Set<string>();
  for (const m of movimientos) {
    if (m.tipo === 'cancelacion' && m.dia <= diaCorte) cancelados.add(m.movimiento);
  }
  const vigentes = movimientos.filter(
    (m): m is MovimientoVigente =>
      m.tipo !== 'cancelacion' && m.dia <= diaCorte && !cancelados.has(m.id),
  );
  // Array.prototype.sort is stable: movements of one date keep the order they are listed in.
  return vigentes.sort((a, b) => a.dia - b.dia);
}
