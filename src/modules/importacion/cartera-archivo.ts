import type {
  AmortizacionNueva,
  MinistracionNueva,
  MovimientoNuevo,
  PeriodoNuevo,
  PersonaNueva,
  TelefonoNuevo,
} from '../../db/escritura-cartera.ts';
import type { Fecha } from '../../domain/fecha.ts';

/** What the workbook says, row by row, once every cell has been read and checked alone. */

/** The row it came from, for the report. */
export interface EnFila {
  hoja: string;
  fila: number;
}

export type Prelacion = 'por_concepto' | 'por_amortizacion';

export interface ProductoArchivo extends EnFila {
  clave: string;
  nombre: string;
  vigenteDesde: Fecha;
  tasaOrdinaria: string;
  tasaMoratoria: string;
  /** R9's punctual rate, at most the ordinary one; null: R9 does not apply. */
  tasaPuntual: string | null;
  baseDias: 360 | 365;
  prelacion: Prelacion;
}

export interface PersonaArchivo extends EnFila, PersonaNueva {}

export interface TelefonoArchivo extends EnFila, TelefonoNuevo {
  curp: string;
}

export interface CreditoArchivo extends EnFila {
  numero: string;
  producto: string;
  oficina: string;
  curpAcreditado: string;
  curpAval: string | null;
  curpBeneficiario: string | null;
  fechaInicioInteres: Fecha;
  /** The credit's own punctual rate (R9), winning over its version's, and why. */
  tasaPuntual: string | null;
  tasaPuntualMotivo: string | null;
  /** The `usuario` of the gestor who will hold the account (lower case); null: unassigned. */
  gestor: string | null;
}

export interface MinistracionArchivo extends EnFila, MinistracionNueva {
  numeroCredito: string;
}

export interface AmortizacionArchivo extends EnFila, AmortizacionNueva {
  numeroCredito: string;
}

export type Excedente = 'reducir_plazo' | 'adelantar';
export type Concepto = 'moratorio' | 'interes' | 'capital';

/**
 * A movement row is also the movement the writer inserts (its `cancela` is resolved once every
 * row is read): the millions of rows of a big workbook are not copied.
 */
export interface MovimientoArchivo extends EnFila, MovimientoNuevo {
  numeroCredito: string;
  clave: string;
  cancelaClave: string | null;
}

export interface PeriodoArchivo extends EnFila, PeriodoNuevo {
  numeroCredito: string;
}

export interface CarteraArchivo {
  productos: ProductoArchivo[];
  personas: PersonaArchivo[];
  telefonos: TelefonoArchivo[];
  creditos: CreditoArchivo[];
  ministraciones: MinistracionArchivo[];
  amortizaciones: AmortizacionArchivo[];
  movimientos: MovimientoArchivo[];
  periodos: PeriodoArchivo[];
  /**
   * Keys of rows that had a fault, as written: a reference to one of them is not reported a
   * second time, and a credit with any faulty row is not given to the engine.
   */
  conFallas: {
    productos: Set<string>;
    personas: Set<string>;
    creditos: Set<string>;
    /** Credits with a faulty row in any sheet (their own, a ministración, a movement…). */
    incompletos: Set<string>;
  };
}
