import type { Centavos } from '../dinero.ts';
import type { Fecha } from '../fecha.ts';
import type { ValorJson } from './caso.ts';

export type Situacion = 'liquidado' | 'vencido' | 'al_corriente';

export type EstadoAmortizacion = 'pagada' | 'vencida' | 'exigible' | 'por_vencer';

export interface AmortizacionAlCorte {
  readonly numero: number;
  readonly fecha: Fecha;
  readonly capital: Centavos;
  /** Ordinary interest charged to it (R3, or at a liquidación, R6). */
  readonly interes: Centavos;
  /** Moratorium crystallized on it, in total (R4). */
  readonly moratorio: Centavos;
  readonly capitalPagado: Centavos;
  readonly interesPagado: Centavos;
  readonly moratorioPagado: Centavos;
  /** Condoned, all conceptos together (R8). */
  readonly condonado: Centavos;
  readonly estado: EstadoAmortizacion;
  /** R9: the rate its interest was charged at; null without R9 or while not yet charged. */
  readonly tasa: TasaDelPeriodo | null;
}

/**
 * R9: the rate of one period, and when it is the ordinary one, why: the number of the oldest
 * amortización that still owed something on the day the period began.
 */
export type TasaDelPeriodo =
  | { readonly puntual: true }
  | { readonly puntual: false; readonly debiaLaAmortizacion: number };

/** One payment, or one application of held funds (`adelanto-N`, R7). */
export interface Aplicacion {
  readonly id: string;
  readonly fecha: Fecha;
  /** The payment's own amount; for `adelanto-N`, the held funds it applied. */
  readonly monto: Centavos;
  readonly moratorio: Centavos;
  readonly interes: Centavos;
  readonly capital: Centavos;
  /** Funds held after it (pagos adelantados). */
  readonly adelantado: Centavos;
  readonly aFavor: Centavos;
}

export interface EstadoDeCuenta {
  readonly credito: ValorJson;
  readonly fechaCorte: Fecha;
  readonly situacion: Situacion;
  readonly diasAtraso: number;
  readonly capitalInsoluto: Centavos;
  readonly capitalExigible: Centavos;
  readonly interesOrdinarioExigible: Centavos;
  readonly interesOrdinarioDevengado: Centavos;
  readonly interesMoratorio: Centavos;
  readonly saldoExigible: Centavos;
  readonly saldoParaLiquidar: Centavos;
  readonly pagosAdelantados: Centavos;
  readonly saldoAFavor: Centavos;
  readonly amortizaciones: readonly AmortizacionAlCorte[];
  readonly aplicaciones: readonly Aplicacion[];
  /** R9: the open period's rate at the cut-off; null without R9 or with no period open. */
  readonly tasaDelPeriodoAbierto: TasaDelPeriodo | null;
}
