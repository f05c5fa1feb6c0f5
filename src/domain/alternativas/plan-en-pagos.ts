import { CERO, type Centavos, centavos, restar } from '../dinero.ts';
import type { EstadoDeCuenta } from '../estado-de-cuenta/index.ts';
import type { Fecha } from '../fecha.ts';
import {
  type CasoBase,
  calcularSupuesto,
  type MovimientoSupuesto,
  type Supuesto,
} from './supuesto.ts';

/** What the last payment must achieve: settle the credit, or leave nothing due. */
export type Objetivo = 'liquidar' | 'regularizar';

export interface PagoDelPlan {
  readonly numero: number;
  readonly fecha: Fecha;
  readonly monto: Centavos;
}

export interface PlanCalculado {
  readonly pagos: readonly PagoDelPlan[];
  /** The offer's whole scenario: its fixed movements, window and every payment. */
  readonly supuesto: Supuesto;
  /** The engine's statement of that scenario on the last payment's date. */
  readonly final: EstadoDeCuenta;
}

/** What is left to pay under `objetivo`, net of held funds (a payment takes them along, R7). */
export function pendiente(e: EstadoDeCuenta, objetivo: Objetivo): Centavos {
  const deuda = objetivo === 'liquidar' ? e.saldoParaLiquidar : e.saldoExigible;
  return deuda > e.pagosAdelantados ? restar(deuda, e.pagosAdelantados) : CERO;
}

export function cumpleObjetivo(e: EstadoDeCuenta, objetivo: Objetivo): boolean {
  return objetivo === 'liquidar' ? e.situacion === 'liquidado' : e.saldoExigible === 0;
}

const pagos = (fechas: readonly Fecha[], monto: Centavos): MovimientoSupuesto[] =>
  fechas.map((fecha) => ({ tipo: 'pago', fecha, monto }));

const techoDe = (a: number, b: number) => Math.ceil(a / b);

/**
 * One payment per date in `fechas`: all but the last of the same amount A, the last one
 * exactly what the engine says is still owed on its date, so the plan closes to the centavo.
 *
 * What is owed at the end, L(A), falls as A grows (every earlier centavo paid leaves less, and
 * less interest), so L(A) − A falls strictly, and the smallest A with L(A) ≤ A gives the most
 * even plan whose last payment is not the largest. It is found by a search whose every step
 * is one run of the engine over the whole scenario: no formula of our own predicts interest.
 *
 * Null when the plan cannot have this many payments: nothing is owed, or the amounts are so
 * small that fewer payments already settle it (the caller tries fewer).
 */
export function planEnPagos(
  base: CasoBase,
  fijos: Supuesto,
  fechas: readonly Fecha[],
  objetivo: Objetivo,
): PlanCalculado | null {
  const ultima = fechas.at(-1);
  if (ultima === undefined) return null;
  const previas = fechas.slice(0, -1);
  const escenario = (monto: Centavos): Supuesto => ({
    movimientos: [...fijos.movimientos, ...(monto > 0 ? pagos(previas, monto) : [])],
    ventana: fijos.ventana,
  });
  const memoria = new Map<number, Centavos>();
  const restante = (monto: Centavos): Centavos => {
    let r = memoria.get(monto);
    if (r === undefined) {
      r = pendiente(calcularSupuesto(base, escenario(monto), ultima), objetivo);
      memoria.set(monto, r);
    }
    return r;
  };

  const total = restante(CERO);
  if (total === 0) return null;
  // Invariant: L(bajo) > bajo and L(alto) ≤ alto. Paying the whole of `total` each time
  // leaves at most `total` (payments never add debt), so `alto = total` holds.
  let bajo = 0;
  let alto: number = previas.length === 0 ? 0 : total;
  let intento = techoDe(total, fechas.length);
  for (let paso = 0; alto - bajo > 1; paso++) {
    // A few steps guided by the slope (≈ one centavo per payment), then plain bisection.
    const a =
      paso < 4 && intento > bajo && intento < alto ? intento : bajo + Math.floor((alto - bajo) / 2);
    const f = restante(centavos(a)) - a;
    if (f <= 0) alto = a;
    else bajo = a;
    intento = f > 0 ? a + techoDe(f, fechas.length) : a - Math.floor(-f / fechas.length);
  }
  const cuota = centavos(alto);
  const ultimoPago = restante(cuota);
  if (ultimoPago === 0) return null;
  const lista: PagoDelPlan[] = [
    ...previas.map((fecha, k) => ({ numero: k + 1, fecha, monto: cuota })),
    { numero: fechas.length, fecha: ultima, monto: ultimoPago },
  ];
  const supuesto: Supuesto = {
    movimientos: [
      ...escenario(cuota).movimientos,
      { tipo: 'pago', fecha: ultima, monto: ultimoPago },
    ],
    ventana: fijos.ventana,
  };
  const final = calcularSupuesto(base, supuesto, ultima);
  if (!cumpleObjetivo(final, objetivo)) {
    throw new Error(`el plan de ${fechas.length} pagos no cumple su objetivo (${objetivo})`);
  }
  return { pagos: lista, supuesto, final };
}
