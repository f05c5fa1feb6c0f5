import { CERO, type Centavos, sumar } from '../dinero.ts';
import { interesDe } from '../tasa.ts';
import {
  avanzarPrimeraConAdeudo,
  capitalPendiente,
  factorDelPeriodo,
  type Simulacion,
  tasaDelPeriodo,
} from './simulacion.ts';
import { diasConMoratorio } from './ventanas.ts';

/** Whether some amortización's period is still open: none accrues after the last date (R3). */
export function hayPeriodoAbierto(sim: Simulacion): boolean {
  return sim.vencidas < sim.amortizaciones.length;
}

/**
 * R2/R3: adds the capital insoluto's interest for the days from the last accrual to `dia`
 * (exclusive) to the open period. Call it before any change of the capital insoluto, so the
 * old balance bears the days before the change and the new one the days from it on.
 */
export function devengarHasta(sim: Simulacion, dia: number): void {
  if (dia <= sim.diaDevengo) return;
  const desde = sim.diaDevengo;
  sim.diaDevengo = dia;
  // Nothing accrues before fecha_inicio_interes (diaDevengo starts there) nor after the last
  // amortización's date.
  if (!hayPeriodoAbierto(sim) || sim.capitalInsoluto === 0) return;
  sim.devengo.agregar(sim.capitalInsoluto, dia - desde);
}

/** R3/R6/R9: the open period's interest up to the last accrual at its rate, rounded half-up once. */
export function interesAbierto(sim: Simulacion): Centavos {
  return hayPeriodoAbierto(sim) ? sim.devengo.redondear(factorDelPeriodo(sim)) : CERO;
}

/**
 * R3: amortización `k` falls due on its date. Its period's interest, summed exactly over the
 * period's days, is rounded once and charged to it; it adds to any interest already charged
 * to it by a liquidación (R6), whose part of the period was taken out of the accrual then.
 */
export function vencerAmortizacion(sim: Simulacion, k: number): void {
  const amortizacion = sim.amortizaciones[k];
  if (amortizacion === undefined) return;
  devengarHasta(sim, amortizacion.dia);
  amortizacion.interes = sumar(amortizacion.interes, interesAbierto(sim));
  sim.devengo.reiniciar();
  sim.vencidas = k + 1;
  if (sim.factorPuntual !== null) {
    amortizacion.tasa = tasaDelPeriodo(sim);
    sim.diaPorDecidir = amortizacion.dia;
  }
}

/**
 * R9: once everything dated `diaPorDecidir` (a due date) has happened, the period that began
 * then is punctual if no amortización due so far owes anything, and keeps that rate until
 * the next due date. Call it before any event of a later day, and before stating the cut-off.
 */
export function decidirTasaDelPeriodo(sim: Simulacion, dia: number): void {
  if (sim.diaPorDecidir === null || dia <= sim.diaPorDecidir) return;
  avanzarPrimeraConAdeudo(sim);
  sim.periodoPuntual = sim.primeraConAdeudo >= sim.vencidas;
  const debia = sim.amortizaciones[sim.primeraConAdeudo];
  if (!sim.periodoPuntual && debia !== undefined) sim.debiaLaAmortizacion = debia.numero;
  sim.diaPorDecidir = null;
}

/**
 * R4: crystallizes every exigible amortización's moratorium at `dia`. Unpaid capital only
 * changes at crystallizing events (pago, condonación, application of held funds), so since
 * the previous crystallization it has been one balance over a run of days: one product,
 * rounded once per amortización.
 */
export function cristalizar(sim: Simulacion, dia: number): void {
  const { amortizaciones, factorMoratorio, sinMoratorio } = sim;
  const sinVentanas = sinMoratorio.desde.length === 0;
  // Equal installments overdue together share capital and days, hence their interest:
  // computed once for the run (a pure function of both, so reusing it is exact).
  let capitalAnterior = -1;
  let diasAnteriores = -1;
  let interesAnterior = CERO;
  for (let k = sim.primeraConAdeudo; k < sim.vencidas; k++) {
    const a = amortizaciones[k];
    if (a === undefined || dia <= a.diaMoratorio) continue;
    const desde = a.diaMoratorio;
    a.diaMoratorio = dia;
    const pendiente = capitalPendiente(a);
    if (pendiente === 0) continue;
    const dias = sinVentanas ? dia - desde : diasConMoratorio(desde, dia, sinMoratorio);
    if (dias === 0) continue;
    if (pendiente !== capitalAnterior || dias !== diasAnteriores) {
      capitalAnterior = pendiente;
      diasAnteriores = dias;
      interesAnterior = interesDe(pendiente, dias, factorMoratorio);
    }
    a.moratorio = sumar(a.moratorio, interesAnterior);
  }
}
