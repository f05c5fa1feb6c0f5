import type { Fecha } from '../fecha.ts';
import { sumarMeses } from './calendario.ts';
import { cumpleObjetivo, type PagoDelPlan, pendiente } from './plan-en-pagos.ts';
import { type CasoBase, calcularSupuesto, type Supuesto, type Ventana } from './supuesto.ts';

export interface PlanDePausa {
  readonly fin: Fecha;
  readonly ventana: Ventana | null;
  /** At most one: what fell due during the pause, paid on its last day to be al corriente. */
  readonly pagos: readonly PagoDelPlan[];
  readonly supuesto: Supuesto;
}

/**
 * A prórroga: nothing to pay for `meses` months. The schedule does not move and ordinary
 * interest keeps accruing (R3); with `congela`, the pause is a moratorium-free window. On the
 * pause's last day, what fell due in it is owed: paying it leaves saldo exigible 0.
 */
export function planDePausa(
  base: CasoBase,
  fecha: Fecha,
  meses: number,
  congela: boolean,
): PlanDePausa {
  const fin = sumarMeses(fecha, meses);
  const ventana = congela ? { desde: fecha, hasta: fin } : null;
  const sinPagos = calcularSupuesto(base, { movimientos: [], ventana }, fin);
  const monto = pendiente(sinPagos, 'regularizar');
  const pagos = monto > 0 ? [{ numero: 1, fecha: fin, monto }] : [];
  const supuesto: Supuesto = {
    movimientos: pagos.map((p) => ({ tipo: 'pago', fecha: p.fecha, monto: p.monto })),
    ventana,
  };
  if (!cumpleObjetivo(calcularSupuesto(base, supuesto, fin), 'regularizar')) {
    throw new Error('el pago al terminar la prórroga no deja el crédito al corriente');
  }
  return { fin, ventana, pagos, supuesto };
}
