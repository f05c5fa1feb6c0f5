import type { TasaDelPeriodoJson } from '../../domain/estado-de-cuenta/index.ts';
import { type Fecha, formatearFecha } from '../../domain/fecha.ts';
import type { EstadoConTasas, TextosDePuntualidad } from '../cartera/puntualidad-del-estado.ts';

/*
 * R9 in words, once for the API's statement (`textos`), which the screen shows and the PDF
 * prints, and for the ficha.
 * A period begins on the previous amortización's due date: that is the day the punctual rate
 * was kept or lost.
 */

const DECIMAL = /^(\d+)(?:\.(\d*))?$/;

/** An annual rate as stored → how people read it: `"0.03000000"` → `3%`, `"0.125"` → `12.5%`. */
export function porciento(tasa: string): string {
  const partes = DECIMAL.exec(tasa.trim());
  if (!partes) return tasa;
  const [, enteros = '', decimales = ''] = partes;
  const conCentesimos = decimales.padEnd(2, '0');
  const entero = `${enteros}${conCentesimos.slice(0, 2)}`.replace(/^0+(?=\d)/, '');
  const fraccion = conCentesimos.slice(2).replace(/0+$/, '');
  return `${fraccion === '' ? entero : `${entero}.${fraccion}`}%`;
}

const fecha = (f: string) => formatearFecha(f as Fecha);

interface Periodo {
  /** "Amortización 3", or "Periodo en curso". */
  etiqueta: string;
  tasa: TasaDelPeriodoJson;
  /** The due date it began on; null for the first period (from the start of interest). */
  inicio: string | null;
}

function periodos(e: EstadoConTasas): Periodo[] {
  const p = e.puntualidad;
  if (p === null) return [];
  const fechas = new Map(
    e.amortizaciones.map((a, i) => [a.numero, e.amortizaciones[i - 1]?.fecha]),
  );
  const lista: Periodo[] = p.amortizaciones.map((a) => ({
    etiqueta: `Amortización ${a.numero}`,
    tasa: a.tasa,
    inicio: fechas.get(a.numero) ?? null,
  }));
  if (p.periodo_abierto !== null) {
    const vencidas = e.amortizaciones.filter((a) => a.fecha <= e.fecha_corte);
    lista.push({
      etiqueta: 'Periodo en curso',
      tasa: p.periodo_abierto,
      inicio: vencidas.at(-1)?.fecha ?? null,
    });
  }
  return lista;
}

function tasaEnPalabras(e: EstadoConTasas, periodo: Periodo): string {
  const p = e.puntualidad;
  if (p === null) return '';
  if (periodo.tasa.puntual) return `${porciento(p.tasa_puntual_anual)} puntual`;
  const ordinaria = `${porciento(p.tasa_ordinaria_anual)} ordinaria`;
  const n = periodo.tasa.debia_la_amortizacion;
  return n === null || periodo.inicio === null
    ? ordinaria
    : `${ordinaria} — la amortización ${n} se debía al ${fecha(periodo.inicio)}`;
}

/** One line per charged amortización and the open period: "Amortización 3: 6% ordinaria — …". */
export function lineasDePuntualidad(e: EstadoConTasas): string[] {
  return periodos(e).map((p) => `${p.etiqueta}: ${tasaEnPalabras(e, p)}`);
}

/**
 * Where the borrower stands at the cut-off: "Paga puntual: 3%", or, since the first of the
 * latest run of periods at the ordinary rate, "Perdió la tasa puntual el 01/03/2025 (debía la
 * amortización 2)". Null without R9.
 */
export function situacionDePuntualidad(e: EstadoConTasas): string | null {
  const p = e.puntualidad;
  if (p === null) return null;
  const lista = periodos(e);
  let desde: Periodo | undefined;
  for (let i = lista.length - 1; i >= 0; i--) {
    const periodo = lista[i];
    if (periodo === undefined || periodo.tasa.puntual) break;
    desde = periodo;
  }
  if (desde === undefined || desde.tasa.puntual) {
    return `Paga puntual: ${porciento(p.tasa_puntual_anual)}`;
  }
  const cuando = desde.inicio === null ? '' : ` el ${fecha(desde.inicio)}`;
  const n = desde.tasa.debia_la_amortizacion;
  return `Perdió la tasa puntual${cuando}${n === null ? '' : ` (debía la amortización ${n})`}`;
}

/** The credit's own punctual rate and why: "Tasa puntual propia: 0% — Promedio de 90 o más". */
export function tasaPropia(propia: { tasa: string; motivo: string } | null): string | null {
  return propia === null
    ? null
    : `Tasa puntual propia: ${porciento(propia.tasa)} — ${propia.motivo}`;
}

/** All of R9's words for one statement; null without R9. */
export function textosDePuntualidad(
  e: EstadoConTasas,
  propia: { tasa: string; motivo: string } | null,
): TextosDePuntualidad | null {
  const situacion = situacionDePuntualidad(e);
  if (situacion === null) return null;
  return { situacion, tasaPropia: tasaPropia(propia), periodos: lineasDePuntualidad(e) };
}
