import { CERO, type Centavos, restar, sumar } from '../dinero.ts';
import type { Excedente, Pago } from './caso.ts';
import { cristalizar, devengarHasta, hayPeriodoAbierto, interesAbierto } from './intereses.ts';
import { aplicarExigible, pagarCapital, type Reparto, repartoVacio } from './prelacion.ts';
import type { Simulacion } from './simulacion.ts';

/**
 * R6, liquidación: the open period's interest is charged to the next amortización and paid,
 * and all capital is paid. The caller has checked that the funds cover both.
 */
function liquidar(sim: Simulacion, abierto: Centavos, reparto: Reparto): void {
  const siguiente = sim.amortizaciones[sim.vencidas];
  if (hayPeriodoAbierto(sim) && siguiente !== undefined) {
    siguiente.interes = sumar(siguiente.interes, abierto);
    siguiente.interesPagado = sumar(siguiente.interesPagado, abierto);
    reparto.interes = sumar(reparto.interes, abierto);
    sim.devengo.reiniciar();
  }
  // The exigible capital is already paid (funds were left after R5), so what remains of the
  // capital insoluto is the future amortizaciones'.
  for (let k = sim.vencidas; k < sim.amortizaciones.length; k++) {
    const a = sim.amortizaciones[k];
    if (a !== undefined) pagarCapital(a, sim.capitalInsoluto, reparto, sim);
  }
}

/** R6, reducir_plazo: prepays future capital starting from the last amortización. */
function prepagar(sim: Simulacion, fondos: Centavos, reparto: Reparto): Centavos {
  let resto = fondos;
  for (let k = sim.amortizaciones.length - 1; k >= sim.vencidas && resto > 0; k--) {
    const a = sim.amortizaciones[k];
    if (a !== undefined) resto = pagarCapital(a, resto, reparto, sim);
  }
  return resto;
}

/**
 * R6: what is left of a payment once the exigible is paid. Returns the part that becomes
 * saldo a favor; the part held (R7) goes to `sim.retenido`.
 */
function aplicarRemanente(
  sim: Simulacion,
  resto: Centavos,
  excedente: Excedente,
  reparto: Reparto,
): Centavos {
  if (resto === 0) return CERO;
  const abierto = interesAbierto(sim);
  const paraLiquidar = sumar(sim.capitalInsoluto, abierto);
  // Checked first, for both excedente values; with nothing left to owe (capital and open
  // interest both zero) it sends the whole remainder to saldo a favor.
  if (resto >= paraLiquidar) {
    liquidar(sim, abierto, reparto);
    return restar(resto, paraLiquidar);
  }
  switch (excedente) {
    case 'adelantar':
      sim.retenido = resto;
      return CERO;
    case 'reducir_plazo':
      // Left over only when it paid all capital but not the open period's interest: held
      // until that interest is charged (R6).
      sim.retenido = prepagar(sim, resto, reparto);
      return CERO;
  }
}

/** R5 + R6: a payment takes the held funds along and applies them with its own excedente. */
export function aplicarPago(sim: Simulacion, pago: Pago): void {
  cristalizar(sim, pago.dia);
  devengarHasta(sim, pago.dia);
  const reparto = repartoVacio();
  const fondos = sumar(pago.monto, sim.retenido);
  sim.retenido = CERO;
  const resto = aplicarExigible(sim, fondos, reparto);
  const aFavor = aplicarRemanente(sim, resto, pago.excedente, reparto);
  sim.aFavor = sumar(sim.aFavor, aFavor);
  sim.aplicaciones.push({
    id: pago.id,
    fecha: pago.fecha,
    monto: pago.monto,
    moratorio: reparto.moratorio,
    interes: reparto.interes,
    capital: reparto.capital,
    adelantado: sim.retenido,
    aFavor,
  });
}

/** Whether the credit still owes or accrues anything (R7: else money left is saldo a favor). */
function debeOAcumula(sim: Simulacion): boolean {
  return sim.capitalInsoluto > 0 || sim.primeraConAdeudo < sim.vencidas || interesAbierto(sim) > 0;
}

/**
 * R7: on a due date with funds held, an application of its own, even when it pays nothing.
 * R5 order only: held funds never prepay capital nor settle the credit by themselves.
 */
export function aplicarAdelanto(sim: Simulacion, k: number): void {
  const amortizacion = sim.amortizaciones[k];
  if (sim.retenido === 0 || amortizacion === undefined) return;
  cristalizar(sim, amortizacion.dia);
  const reparto = repartoVacio();
  const fondos = sim.retenido;
  const sobra = aplicarExigible(sim, fondos, reparto);
  const retener = debeOAcumula(sim);
  sim.retenido = retener ? sobra : CERO;
  const aFavor = retener ? CERO : sobra;
  sim.aFavor = sumar(sim.aFavor, aFavor);
  sim.aplicaciones.push({
    id: `adelanto-${amortizacion.numero}`,
    fecha: amortizacion.fecha,
    monto: fondos,
    moratorio: reparto.moratorio,
    interes: reparto.interes,
    capital: reparto.capital,
    adelantado: sim.retenido,
    aFavor,
  });
}
