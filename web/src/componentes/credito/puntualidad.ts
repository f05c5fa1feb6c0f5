import type { EstadoDeCuenta, TasaDelPeriodo } from '../../api/creditos.ts';
import { fecha, porcentaje } from '../../formato.ts';

/*
 * R9 in words, for the screen; the PDF says the same (src/modules/documentos/textos-puntualidad.ts).
 * A period begins on the previous amortización's due date: the day the punctual rate was kept
 * or lost.
 */

/** `"0.03000000"` → `3%`. */
export const porciento = (tasa: string) => porcentaje(tasa).replace(' %', '%');

export interface PeriodoConTasa {
  /** "Amortización 3", or "Periodo en curso". */
  etiqueta: string;
  tasa: TasaDelPeriodo;
  /** The due date it began on; null for the first period. */
  inicio: string | null;
  /** "3% puntual", or "6% ordinaria — la amortización 2 se debía al 01/03/2025". */
  texto: string;
}

function enPalabras(e: EstadoDeCuenta, tasa: TasaDelPeriodo, inicio: string | null): string {
  const p = e.puntualidad;
  if (p === null) return '';
  if (tasa.puntual) return `${porciento(p.tasa_puntual_anual)} puntual`;
  const ordinaria = `${porciento(p.tasa_ordinaria_anual)} ordinaria`;
  const n = tasa.debia_la_amortizacion;
  return n === null || inicio === null
    ? ordinaria
    : `${ordinaria} — la amortización ${n} se debía al ${fecha(inicio)}`;
}

/** Each charged amortización's period and the open one, with their rate in words. */
export function periodosConTasa(e: EstadoDeCuenta): PeriodoConTasa[] {
  const p = e.puntualidad;
  if (p === null) return [];
  const inicios = new Map(
    e.amortizaciones.map((a, i) => [a.numero, e.amortizaciones[i - 1]?.fecha]),
  );
  const lista = p.amortizaciones.map(({ numero, tasa }) => {
    const inicio = inicios.get(numero) ?? null;
    return { etiqueta: `Amortización ${numero}`, tasa, inicio, texto: enPalabras(e, tasa, inicio) };
  });
  if (p.periodo_abierto !== null) {
    const inicio = e.amortizaciones.filter((a) => a.fecha <= e.fecha_corte).at(-1)?.fecha ?? null;
    const tasa = p.periodo_abierto;
    lista.push({ etiqueta: 'Periodo en curso', tasa, inicio, texto: enPalabras(e, tasa, inicio) });
  }
  return lista;
}

/**
 * Where the borrower stands at the cut-off: "Paga puntual: 3%", or, since the first of the
 * latest run of periods at the ordinary rate, "Perdió la tasa puntual el 01/03/2025 (debía la
 * amortización 2)". Null without R9.
 */
export function situacionDePuntualidad(e: EstadoDeCuenta): string | null {
  const p = e.puntualidad;
  if (p === null) return null;
  const lista = periodosConTasa(e);
  let desde: PeriodoConTasa | undefined;
  for (let i = lista.length - 1; i >= 0; i--) {
    const periodo = lista[i];
    if (periodo === undefined || periodo.tasa.puntual) break;
    desde = periodo;
  }
  if (desde === undefined) return `Paga puntual: ${porciento(p.tasa_puntual_anual)}`;
  const cuando = desde.inicio === null ? '' : ` el ${fecha(desde.inicio)}`;
  const n = desde.tasa.debia_la_amortizacion;
  return `Perdió la tasa puntual${cuando}${n === null ? '' : ` (debía la amortización ${n})`}`;
}

/** "Tasa puntual propia: 0% — Promedio de 90 o más". */
export function textoTasaPropia(propia: { tasa: string; motivo: string } | null): string | null {
  return propia === null
    ? null
    : `Tasa puntual propia: ${porciento(propia.tasa)} — ${propia.motivo}`;
}
