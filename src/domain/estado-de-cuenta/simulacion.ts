import { CERO, type Centavos, restar, sumar } from '../dinero.ts';
import type { Fecha } from '../fecha.ts';
import { Devengo, type FactorDiario } from '../tasa.ts';
import type { CasoSinVerificar, Prelacion } from './caso.ts';
import type { Aplicacion, EstadoAmortizacion, TasaDelPeriodo } from './estado-de-cuenta.ts';
import { type Ventanas, ventanasSinMoratorio } from './ventanas.ts';

/** What one amortización has been charged, paid and condoned so far. */
export interface CuentaDeAmortizacion {
  readonly numero: number;
  readonly fecha: Fecha;
  readonly dia: number;
  readonly capital: Centavos;
  interes: Centavos;
  moratorio: Centavos;
  capitalPagado: Centavos;
  interesPagado: Centavos;
  moratorioPagado: Centavos;
  capitalCondonado: Centavos;
  interesCondonado: Centavos;
  moratorioCondonado: Centavos;
  /** R4: the day since which its moratorium has not been crystallized. */
  diaMoratorio: number;
  /** R9: the rate its period's interest was charged at (null: no R9, or not yet charged). */
  tasa: TasaDelPeriodo | null;
  /** Set by `resumir` at the cut-off: the record is then the statement's amortización. */
  condonado: Centavos;
  estado: EstadoAmortizacion;
}

/** The credit as the engine walks its history, one event at a time. */
export interface Simulacion {
  readonly amortizaciones: readonly CuentaDeAmortizacion[];
  readonly factorOrdinario: FactorDiario;
  readonly factorMoratorio: FactorDiario;
  /** R9: the punctual rate's factor, or null when no punctual rate applies. */
  readonly factorPuntual: FactorDiario | null;
  /** R9: whether the open period accrues at the punctual rate (false without R9). */
  periodoPuntual: boolean;
  /** R9: when the open period is not punctual, the amortización that was owing when it began. */
  debiaLaAmortizacion: number;
  /**
   * R9: the due date whose period's rate is still to be decided, once everything dated that
   * day has happened; null when decided (or without R9).
   */
  diaPorDecidir: number | null;
  readonly prelacion: Prelacion;
  readonly sinMoratorio: Ventanas;
  readonly diaInicioInteres: number;
  /** How many amortizaciones have fallen due: they are a prefix of the schedule. */
  vencidas: number;
  /**
   * Index of the oldest amortización that may still owe something. One that is due and owes
   * nothing never owes again (its interest was charged on its date and moratorium needs
   * unpaid capital), so the loops over exigible amortizaciones start here.
   */
  primeraConAdeudo: number;
  capitalInsoluto: Centavos;
  /** R3: the open period's ordinary interest, exact, accrued up to `diaDevengo`. */
  readonly devengo: Devengo;
  diaDevengo: number;
  /** R7: pagos adelantados. */
  retenido: Centavos;
  aFavor: Centavos;
  readonly aplicaciones: Aplicacion[];
}

export function crearSimulacion(caso: CasoSinVerificar): Simulacion {
  const { producto, credito } = caso;
  return {
    amortizaciones: credito.amortizaciones.map((a) => ({
      numero: a.numero,
      fecha: a.fecha,
      dia: a.dia,
      capital: a.capital,
      interes: CERO,
      moratorio: CERO,
      capitalPagado: CERO,
      interesPagado: CERO,
      moratorioPagado: CERO,
      capitalCondonado: CERO,
      interesCondonado: CERO,
      moratorioCondonado: CERO,
      diaMoratorio: a.dia,
      tasa: null,
      condonado: CERO,
      estado: 'por_vencer',
    })),
    factorOrdinario: producto.factorOrdinario,
    factorMoratorio: producto.factorMoratorio,
    factorPuntual: caso.factorPuntual,
    // R9: the first period is punctual.
    periodoPuntual: caso.factorPuntual !== null,
    debiaLaAmortizacion: 0,
    diaPorDecidir: null,
    prelacion: producto.prelacion,
    sinMoratorio: ventanasSinMoratorio(caso.periodosSinMoratorio),
    diaInicioInteres: credito.fechaInicioInteres.dia,
    vencidas: 0,
    primeraConAdeudo: 0,
    capitalInsoluto: CERO,
    devengo: new Devengo(),
    diaDevengo: credito.fechaInicioInteres.dia,
    retenido: CERO,
    aFavor: CERO,
    aplicaciones: [],
  };
}

export function capitalPendiente(a: CuentaDeAmortizacion): Centavos {
  return restar(a.capital, sumar(a.capitalPagado, a.capitalCondonado));
}

export function interesPendiente(a: CuentaDeAmortizacion): Centavos {
  return restar(a.interes, sumar(a.interesPagado, a.interesCondonado));
}

export function moratorioPendiente(a: CuentaDeAmortizacion): Centavos {
  return restar(a.moratorio, sumar(a.moratorioPagado, a.moratorioCondonado));
}

export function debeAlgo(a: CuentaDeAmortizacion): boolean {
  return capitalPendiente(a) > 0 || interesPendiente(a) > 0 || moratorioPendiente(a) > 0;
}

/** R9: the open period's rate, as the statement tells it; null without R9. */
export function tasaDelPeriodo(sim: Simulacion): TasaDelPeriodo | null {
  if (sim.factorPuntual === null) return null;
  return sim.periodoPuntual
    ? { puntual: true }
    : { puntual: false, debiaLaAmortizacion: sim.debiaLaAmortizacion };
}

/** R3/R9: the daily factor the open period accrues at. */
export function factorDelPeriodo(sim: Simulacion): FactorDiario {
  return sim.periodoPuntual && sim.factorPuntual !== null ? sim.factorPuntual : sim.factorOrdinario;
}

/** Moves `primeraConAdeudo` past the due amortizaciones that owe nothing. */
export function avanzarPrimeraConAdeudo(sim: Simulacion): void {
  let k = sim.primeraConAdeudo;
  while (k < sim.vencidas) {
    const a = sim.amortizaciones[k];
    if (a === undefined || debeAlgo(a)) break;
    k++;
  }
  sim.primeraConAdeudo = k;
}
