import type { Movimiento, MovimientoVigente } from './caso.ts';

/**
 * R1: the movements that count at the cut-off, in the order they apply. Those dated after
 * fecha_corte are ignored; a cancelación dated on or before it removes the movement it names
 * as if it had never existed, and has no other effect.
 */
export function movimientosVigentes(
  movimientos: readonly Movimiento[],
  diaCorte: number,
): readonly MovimientoVigente[] {
  // The common history: no cancelación, nothing after the cut-off, listed by date. It is
  // already the answer, and is returned as is (no copy: the engine only reads it).
  let cancelados: Set<string> | null = null;
  let todosVigentes = true;
  let ordenados = true;
  let diaAnterior = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < movimientos.length; i++) {
    const m = movimientos[i] as Movimiento;
    if (m.dia > diaCorte) todosVigentes = false;
    else if (m.tipo === 'cancelacion') {
      todosVigentes = false;
      cancelados ??= new Set();
      cancelados.add(m.movimiento);
    }
    if (m.dia < diaAnterior) ordenados = false;
    diaAnterior = m.dia;
  }
  if (todosVigentes && ordenados) return movimientos as readonly MovimientoVigente[];
  const vigentes: MovimientoVigente[] = [];
  for (const m of movimientos) {
    if (m.tipo === 'cancelacion' || m.dia > diaCorte) continue;
    if (cancelados?.has(m.id)) continue;
    vigentes.push(m);
  }
  // Array.prototype.sort is stable: movements of one date keep the order they are listed in.
  return ordenados ? vigentes : vigentes.sort((a, b) => a.dia - b.dia);
}
