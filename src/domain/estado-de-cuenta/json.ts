import { formatearCentavos as pesos } from '../dinero.ts';
import type { ValorJson } from './caso.ts';
import type {
  AmortizacionAlCorte,
  Aplicacion,
  EstadoAmortizacion,
  EstadoDeCuenta,
  Situacion,
  TasaDelPeriodo,
} from './estado-de-cuenta.ts';

/** calculo.md's output field names; amounts are strings with exactly two decimals. */
export interface AmortizacionJson {
  readonly numero: number;
  readonly fecha: string;
  readonly capital: string;
  readonly interes: string;
  readonly moratorio: string;
  readonly capital_pagado: string;
  readonly interes_pagado: string;
  readonly moratorio_pagado: string;
  readonly condonado: string;
  readonly estado: EstadoAmortizacion;
}

export interface AplicacionJson {
  readonly id: string;
  readonly fecha: string;
  readonly monto: string;
  readonly moratorio: string;
  readonly interes: string;
  readonly capital: string;
  readonly adelantado: string;
  readonly a_favor: string;
}

export interface EstadoDeCuentaJson {
  readonly credito: ValorJson;
  readonly fecha_corte: string;
  readonly situacion: Situacion;
  readonly dias_atraso: number;
  readonly capital_insoluto: string;
  readonly capital_exigible: string;
  readonly interes_ordinario_exigible: string;
  readonly interes_ordinario_devengado: string;
  readonly interes_moratorio: string;
  readonly saldo_exigible: string;
  readonly saldo_para_liquidar: string;
  readonly pagos_adelantados: string;
  readonly saldo_a_favor: string;
  readonly amortizaciones: readonly AmortizacionJson[];
  readonly aplicaciones: readonly AplicacionJson[];
}

function amortizacionAJson(a: AmortizacionAlCorte): AmortizacionJson {
  return {
    numero: a.numero,
    fecha: a.fecha,
    capital: pesos(a.capital),
    interes: pesos(a.interes),
    moratorio: pesos(a.moratorio),
    capital_pagado: pesos(a.capitalPagado),
    interes_pagado: pesos(a.interesPagado),
    moratorio_pagado: pesos(a.moratorioPagado),
    condonado: pesos(a.condonado),
    estado: a.estado,
  };
}

function aplicacionAJson(a: Aplicacion): AplicacionJson {
  return {
    id: a.id,
    fecha: a.fecha,
    monto: pesos(a.monto),
    moratorio: pesos(a.moratorio),
    interes: pesos(a.interes),
    capital: pesos(a.capital),
    adelantado: pesos(a.adelantado),
    a_favor: pesos(a.aFavor),
  };
}

/** The statement in calculo.md's output form (field names and order as its examples). */
export function estadoDeCuentaAJson(e: EstadoDeCuenta): EstadoDeCuentaJson {
  return {
    credito: e.credito,
    fecha_corte: e.fechaCorte,
    situacion: e.situacion,
    dias_atraso: e.diasAtraso,
    capital_insoluto: pesos(e.capitalInsoluto),
    capital_exigible: pesos(e.capitalExigible),
    interes_ordinario_exigible: pesos(e.interesOrdinarioExigible),
    interes_ordinario_devengado: pesos(e.interesOrdinarioDevengado),
    interes_moratorio: pesos(e.interesMoratorio),
    saldo_exigible: pesos(e.saldoExigible),
    saldo_para_liquidar: pesos(e.saldoParaLiquidar),
    pagos_adelantados: pesos(e.pagosAdelantados),
    saldo_a_favor: pesos(e.saldoAFavor),
    amortizaciones: e.amortizaciones.map(amortizacionAJson),
    aplicaciones: e.aplicaciones.map(aplicacionAJson),
  };
}

/**
 * R9, for the API and the PDF (the CLI contract's fields stay as calculo.md lists them): the
 * rate each charged amortización's interest was charged at, and the open period's, with the
 * amortización that was owing when the punctual rate was lost. Null without R9.
 */
export interface TasaDelPeriodoJson {
  readonly puntual: boolean;
  /** When not punctual: the amortización that still owed something when the period began. */
  readonly debia_la_amortizacion: number | null;
}

export interface PuntualidadJson {
  readonly periodo_abierto: TasaDelPeriodoJson | null;
  readonly amortizaciones: readonly { numero: number; tasa: TasaDelPeriodoJson }[];
}

function tasaAJson(t: TasaDelPeriodo): TasaDelPeriodoJson {
  return { puntual: t.puntual, debia_la_amortizacion: t.puntual ? null : t.debiaLaAmortizacion };
}

export function puntualidadAJson(e: EstadoDeCuenta): PuntualidadJson | null {
  const cobradas = e.amortizaciones.flatMap((a) =>
    a.tasa === null ? [] : [{ numero: a.numero, tasa: tasaAJson(a.tasa) }],
  );
  if (e.tasaDelPeriodoAbierto === null && cobradas.length === 0) return null;
  return {
    periodo_abierto: e.tasaDelPeriodoAbierto === null ? null : tasaAJson(e.tasaDelPeriodoAbierto),
    amortizaciones: cobradas,
  };
}

/** Dates the engine emits come from validated input: `YYYY-MM-DD`, nothing to escape. */
const texto = (s: string) => `"${s}"`;

function amortizacionATexto(a: AmortizacionAlCorte): string {
  return (
    `{"numero":${a.numero},"fecha":${texto(a.fecha)},"capital":"${pesos(a.capital)}",` +
    `"interes":"${pesos(a.interes)}","moratorio":"${pesos(a.moratorio)}",` +
    `"capital_pagado":"${pesos(a.capitalPagado)}","interes_pagado":"${pesos(a.interesPagado)}",` +
    `"moratorio_pagado":"${pesos(a.moratorioPagado)}","condonado":"${pesos(a.condonado)}",` +
    `"estado":"${a.estado}"}`
  );
}

function aplicacionATexto(a: Aplicacion): string {
  return (
    // A movement's id is the caller's text: JSON.stringify escapes it.
    `{"id":${JSON.stringify(a.id)},"fecha":${texto(a.fecha)},"monto":"${pesos(a.monto)}",` +
    `"moratorio":"${pesos(a.moratorio)}","interes":"${pesos(a.interes)}",` +
    `"capital":"${pesos(a.capital)}","adelantado":"${pesos(a.adelantado)}",` +
    `"a_favor":"${pesos(a.aFavor)}"}`
  );
}

/**
 * `JSON.stringify(estadoDeCuentaAJson(e))`, written directly: the CLI's text path spends most
 * of its time on JSON, and building the output objects only to serialize them doubled it.
 * test/domain/json-texto.test.ts holds it equal to the object form, byte for byte.
 */
export function estadoDeCuentaATexto(e: EstadoDeCuenta): string {
  return (
    `{"credito":${JSON.stringify(e.credito)},"fecha_corte":${texto(e.fechaCorte)},` +
    `"situacion":"${e.situacion}","dias_atraso":${e.diasAtraso},` +
    `"capital_insoluto":"${pesos(e.capitalInsoluto)}",` +
    `"capital_exigible":"${pesos(e.capitalExigible)}",` +
    `"interes_ordinario_exigible":"${pesos(e.interesOrdinarioExigible)}",` +
    `"interes_ordinario_devengado":"${pesos(e.interesOrdinarioDevengado)}",` +
    `"interes_moratorio":"${pesos(e.interesMoratorio)}",` +
    `"saldo_exigible":"${pesos(e.saldoExigible)}",` +
    `"saldo_para_liquidar":"${pesos(e.saldoParaLiquidar)}",` +
    `"pagos_adelantados":"${pesos(e.pagosAdelantados)}",` +
    `"saldo_a_favor":"${pesos(e.saldoAFavor)}",` +
    `"amortizaciones":${lista(e.amortizaciones, amortizacionATexto)},` +
    `"aplicaciones":${lista(e.aplicaciones, aplicacionATexto)}}`
  );
}

function lista<T>(xs: readonly T[], escribir: (x: T) => string): string {
  let s = '[';
  for (let i = 0; i < xs.length; i++) {
    if (i > 0) s += ',';
    s += escribir(xs[i] as T);
  }
  return `${s}]`;
}
