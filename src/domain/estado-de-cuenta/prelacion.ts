import { CERO, type Centavos, minimo, restar, sumar } from '../dinero.ts';
import type { Concepto } from './caso.ts';
import {
  avanzarPrimeraConAdeudo,
  type CuentaDeAmortizacion,
  capitalPendiente,
  interesPendiente,
  moratorioPendiente,
  type Simulacion,
} from './simulacion.ts';

/** What an application paid of each concepto. */
export interface Reparto {
  moratorio: Centavos;
  interes: Centavos;
  capital: Centavos;
}

export function repartoVacio(): Reparto {
  return { moratorio: CERO, interes: CERO, capital: CERO };
}

function pagarMoratorio(a: CuentaDeAmortizacion, fondos: Centavos, reparto: Reparto): Centavos {
  const pago = minimo(fondos, moratorioPendiente(a));
  a.moratorioPagado = sumar(a.moratorioPagado, pago);
  reparto.moratorio = sumar(reparto.moratorio, pago);
  return restar(fondos, pago);
}

function pagarInteres(a: CuentaDeAmortizacion, fondos: Centavos, reparto: Reparto): Centavos {
  const pago = minimo(fondos, interesPendiente(a));
  a.interesPagado = sumar(a.interesPagado, pago);
  reparto.interes = sumar(reparto.interes, pago);
  return restar(fondos, pago);
}

/** Pays capital of one amortización; the caller has accrued interest up to today first. */
export function pagarCapital(
  a: CuentaDeAmortizacion,
  fondos: Centavos,
  reparto: Reparto,
  sim: Simulacion,
): Centavos {
  const pago = minimo(fondos, capitalPendiente(a));
  a.capitalPagado = sumar(a.capitalPagado, pago);
  reparto.capital = sumar(reparto.capital, pago);
  sim.capitalInsoluto = restar(sim.capitalInsoluto, pago);
  return restar(fondos, pago);
}

/** One concepto across the exigible amortizaciones, oldest first. */
function pagarConcepto(
  sim: Simulacion,
  concepto: Concepto,
  fondos: Centavos,
  reparto: Reparto,
): Centavos {
  let resto = fondos;
  for (let k = sim.primeraConAdeudo; k < sim.vencidas && resto > 0; k++) {
    const a = sim.amortizaciones[k];
    if (a === undefined) continue;
    switch (concepto) {
      case 'moratorio':
        resto = pagarMoratorio(a, resto, reparto);
        break;
      case 'interes':
        resto = pagarInteres(a, resto, reparto);
        break;
      case 'capital':
        resto = pagarCapital(a, resto, reparto, sim);
        break;
    }
  }
  return resto;
}

/**
 * R5: applies `fondos` to what is exigible today, in the product's prelación, and returns
 * what is left. Moratorium must be crystallized and interest accrued to today beforehand.
 */
export function aplicarExigible(sim: Simulacion, fondos: Centavos, reparto: Reparto): Centavos {
  let resto = fondos;
  switch (sim.prelacion) {
    case 'por_concepto':
      // All moratorium oldest first, then all interest, then all capital.
      resto = pagarConcepto(sim, 'moratorio', resto, reparto);
      resto = pagarConcepto(sim, 'interes', resto, reparto);
      resto = pagarConcepto(sim, 'capital', resto, reparto);
      break;
    case 'por_amortizacion':
      // Each amortización's moratorium, interest and capital before the next one's.
      for (let k = sim.primeraConAdeudo; k < sim.vencidas && resto > 0; k++) {
        const a = sim.amortizaciones[k];
        if (a === undefined) continue;
        resto = pagarMoratorio(a, resto, reparto);
        resto = pagarInteres(a, resto, reparto);
        resto = pagarCapital(a, resto, reparto, sim);
      }
      break;
  }
  avanzarPrimeraConAdeudo(sim);
  return resto;
}
