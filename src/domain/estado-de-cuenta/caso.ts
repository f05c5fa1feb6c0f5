import type { Centavos } from '../dinero.ts';
import type { Fecha } from '../fecha.ts';
import type { FactorDiario, Tasa } from '../tasa.ts';

export type BaseDias = 360 | 365;
export type Prelacion = 'por_concepto' | 'por_amortizacion';
export type Excedente = 'reducir_plazo' | 'adelantar';
export type Concepto = 'moratorio' | 'interes' | 'capital';

/** Any JSON value: `credito.id` is echoed as it came, not checked. */
export type ValorJson =
  | string
  | number
  | boolean
  | null
  | ValorJson[]
  | { [clave: string]: ValorJson };

/**
 * A date of the case with its day number (days since 1970-01-01), computed once at validation
 * so the engine compares and subtracts integers.
 */
export interface Dia {
  readonly fecha: Fecha;
  readonly dia: number;
}

export interface Producto {
  readonly tasaOrdinariaAnual: Tasa;
  readonly tasaMoratoriaAnual: Tasa;
  readonly baseDias: BaseDias;
  readonly prelacion: Prelacion;
  /** R9: the rate a punctual borrower pays; null when the product has none. */
  readonly tasaPuntualAnual: Tasa | null;
  /** `tasa / base_dias` as exact fractions, derived once at validation (R2). */
  readonly factorOrdinario: FactorDiario;
  readonly factorMoratorio: FactorDiario;
}

export interface Ministracion extends Dia {
  readonly monto: Centavos;
}

export interface AmortizacionProgramada extends Dia {
  readonly numero: number;
  readonly capital: Centavos;
}

export interface Credito {
  readonly id: ValorJson;
  /** R9: the credit's own punctual rate (e.g. 0% for a high average); wins over the product's. */
  readonly tasaPuntualAnual: Tasa | null;
  readonly fechaInicioInteres: Dia;
  readonly ministraciones: readonly Ministracion[];
  readonly amortizaciones: readonly AmortizacionProgramada[];
}

export interface Pago extends Dia {
  readonly tipo: 'pago';
  readonly id: string;
  readonly monto: Centavos;
  readonly excedente: Excedente;
}

export interface Condonacion extends Dia {
  readonly tipo: 'condonacion';
  readonly id: string;
  readonly concepto: Concepto;
  readonly monto: Centavos;
}

export interface Cancelacion extends Dia {
  readonly tipo: 'cancelacion';
  readonly id: string;
  /** The id of the movement it cancels. */
  readonly movimiento: string;
}

export type Movimiento = Pago | Condonacion | Cancelacion;

/** A movement that counts at the cut-off (R1): a pago or condonación, not cancelled by then. */
export type MovimientoVigente = Pago | Condonacion;

export interface PeriodoSinMoratorio {
  readonly desde: Dia;
  readonly hasta: Dia;
}

/** A product as read: its rates and options, before the daily factors are derived (R2). */
export type ProductoLeido = Omit<Producto, 'factorOrdinario' | 'factorMoratorio'>;

/**
 * A case whose every field has its form (read from calculo.md's JSON by `leerEntrada`, or typed
 * rows from the database) and whose consistency is not yet checked: `armarCaso` checks what
 * both sources can get wrong (order, sums, zero amounts, references), so one set of rules
 * judges every case. Ministraciones in listed order; movements as listed (R1).
 */
export interface EntradaDeCaso {
  readonly fechaCorte: Dia;
  readonly producto: ProductoLeido;
  readonly credito: Credito;
  readonly movimientos: readonly Movimiento[];
  readonly periodosSinMoratorio: readonly PeriodoSinMoratorio[];
}

declare const validado: unique symbol;

/**
 * A case that passed `validarCaso`, the only way to get one: every field has its right form,
 * the schedule is consistent and no condonación exceeds what is owed, so computing its
 * statement cannot fail. Movements keep the order they were listed in (R1).
 */
export interface Caso {
  readonly fechaCorte: Dia;
  readonly producto: Producto;
  /** R9: the daily factor of the punctual rate in force (credit's, else product's), or null. */
  readonly factorPuntual: FactorDiario | null;
  readonly credito: Credito;
  readonly movimientos: readonly Movimiento[];
  /** R1: the movements that count at fecha_corte, in the order they apply (derived once). */
  readonly vigentes: readonly MovimientoVigente[];
  readonly periodosSinMoratorio: readonly PeriodoSinMoratorio[];
  readonly [validado]: true;
}

/** A case whose form is valid but whose condonaciones have not been checked against the debt. */
export type CasoSinVerificar = Omit<Caso, typeof validado>;
