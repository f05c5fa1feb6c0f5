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
  let cancelados: Set<string> | null = null;
  for (const m of movimientos) {
    if (m.tipo === 'cancelacion' && m.dia <= diaCorte) {
      cancelados ??= new Set();
      cancelados.add(m.movimiento);
    }
  }
  const vigentes: MovimientoVigente[] = [];
  let ordenados = true;
  let diaAnterior = Number.NEGATIVE_INFINITY;
  for (const m of movimientos) {
    if (m.tipo === 'cancelacion' || m.dia > diaCorte) continue;
    if (cancelados?.has(m.id)) continue;
    if (m.dia < diaAnterior) ordenados = false;
    diaAnterior = m.dia;
    vigentes.push(m);
  }
  // Array.prototype.sort is stable: movements of one date keep the order they are listed in.
  return ordenados ? vigentes : vigentes.sort((a, b) => a.dia - b.dia);
}
