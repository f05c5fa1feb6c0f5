import type { FilasDeCredito } from '../../db/mapeo-caso.ts';
import {
  type EstadoDeCuenta,
  type EstadoDeCuentaJson,
  type PuntualidadJson,
  puntualidadAJson,
} from '../../domain/estado-de-cuenta/index.ts';

/**
 * R9 as the API, the screen and the PDF tell it: the rate each charged amortización's interest
 * was charged at and the open period's (`puntualidadAJson`), with the two rates in force as
 * stored (`"0.03000000"`), so that people read "3%" and "6%". Null: no punctual rate applies.
 */
export interface TasasDelEstado extends PuntualidadJson {
  /** The punctual rate in force: the credit's own when it has one, else its version's. */
  readonly tasa_puntual_anual: string;
  /** The ordinary rate in force (a restructured credit's agreed one). */
  readonly tasa_ordinaria_anual: string;
}

/**
 * R9 in words (src/modules/documentos/textos-puntualidad.ts), made once on the server so that
 * the screen and the PDF say exactly the same.
 */
export interface TextosDePuntualidad {
  /** "Paga puntual: 3%" or "Perdió la tasa puntual el 01/03/2025 (debía la amortización 2)". */
  readonly situacion: string;
  /** The credit's own punctual rate and why, or null: "Tasa puntual propia: 0% — …". */
  readonly tasaPropia: string | null;
  /** One per charged amortización and the open period: "Amortización 3: 6% ordinaria — …". */
  readonly periodos: readonly string[];
}

export interface PuntualidadDelEstado extends TasasDelEstado {
  readonly textos: TextosDePuntualidad;
}

/** The statement with R9's rates, before they are put in words. */
export interface EstadoConTasas extends EstadoDeCuentaJson {
  readonly puntualidad: TasasDelEstado | null;
}

/** The CLI contract's statement plus R9: an extra field of the API, never of the contract. */
export interface EstadoDeCuentaConPuntualidad extends EstadoDeCuentaJson {
  readonly puntualidad: PuntualidadDelEstado | null;
}

export function puntualidadDelEstado(
  filas: Pick<FilasDeCredito, 'credito' | 'version'>,
  estado: EstadoDeCuenta,
): TasasDelEstado | null {
  const r9 = puntualidadAJson(estado);
  const puntual = filas.credito.tasa_puntual_anual ?? filas.version.tasa_puntual_anual;
  if (r9 === null || puntual === null) return null;
  return {
    tasa_puntual_anual: puntual,
    tasa_ordinaria_anual: filas.version.tasa_ordinaria_anual,
    ...r9,
  };
}
