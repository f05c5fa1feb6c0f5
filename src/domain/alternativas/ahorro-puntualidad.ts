import { type Centavos, restar, sumar } from '../dinero.ts';
import type { EstadoDeCuenta } from '../estado-de-cuenta/index.ts';
import type { Fecha } from '../fecha.ts';
import { type CasoBase, calcularSupuesto, SIN_SUPUESTOS, type Supuesto } from './supuesto.ts';

/** An offer's plan as the engine runs it: the case, the offer's movements, from when to when. */
export interface PlanConIntereses {
  readonly caso: CasoBase;
  readonly supuesto: Supuesto;
  /** The simulation date: interest before it is the credit's history, not the plan's. */
  readonly desde: Fecha;
  /** The plan's last payment. */
  readonly hasta: Fecha;
}

/** The same case as if the borrower were never punctual: no punctual rate anywhere (no R9). */
function sinTasaPuntual(caso: CasoBase): CasoBase | null {
  if (caso.producto.tasaPuntualAnual === null && caso.credito.tasaPuntualAnual === null) {
    return null;
  }
  return {
    ...caso,
    producto: { ...caso.producto, tasaPuntualAnual: null },
    credito: { ...caso.credito, tasaPuntualAnual: null },
  };
}

/** Ordinary interest charged (R3, R6) plus the open period's accrual, up to the cut-off. */
const interesHasta = (e: EstadoDeCuenta): Centavos =>
  e.amortizaciones.reduce((s, a) => sumar(s, a.interes), e.interesOrdinarioDevengado);

function interesDelPlan(caso: CasoBase, p: PlanConIntereses): Centavos {
  return restar(
    interesHasta(calcularSupuesto(caso, p.supuesto, p.hasta)),
    interesHasta(calcularSupuesto(caso, SIN_SUPUESTOS, p.desde)),
  );
}

/**
 * R9: what the borrower saves by paying every instalment of the plan on its date: the plan's
 * ordinary interest run as if never punctual, less the same plan run with the punctual rate.
 * Both are the engine's. Null when the credit has no punctual rate or the plan saves nothing
 * (a single payment today, a pause).
 */
export function ahorroPorPuntualidad(p: PlanConIntereses): Centavos | null {
  const sinPuntual = sinTasaPuntual(p.caso);
  if (sinPuntual === null) return null;
  const ahorro = restar(interesDelPlan(sinPuntual, p), interesDelPlan(p.caso, p));
  return ahorro > 0 ? ahorro : null;
}
