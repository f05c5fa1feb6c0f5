import { CERO, type Centavos, formatearPesos, minimo, restar } from '../../domain/dinero.ts';
import { type Fecha, formatearFecha } from '../../domain/fecha.ts';
import type { Excedente } from './pago.ts';

/** `DIAS_PAGO_ANTICIPADO_PUNTUAL` when the app is not told otherwise (src/plataforma/config.ts). */
export const DIAS_PAGO_ANTICIPADO_POR_OMISION = 10;

/** What the engine says about the due date a payment comes before (see `planearPago`). */
export interface Vencimiento {
  numero: number;
  fecha: Fecha;
  /** Days from the payment to the due date; at least 1 (a payment on the date needs nothing). */
  diasAntes: number;
  /** R9 is in force for the credit: the period after this date has a rate to keep. */
  conTasaPuntual: boolean;
  /**
   * All the due date will ask for without this payment and without held funds: capital,
   * interest and moratorium exigible then (older amounts still owed included), that is the
   * statement's `saldo_exigible` at the date plus what the held funds pay on it.
   */
  requerido: Centavos;
}

export interface SituacionAlPagar {
  monto: Centavos;
  excedente: Excedente;
  /** The window: a payment this many days or fewer before a due date is split; 0 disables. */
  ventana: number;
  /** The next due date after the payment; null when none is left. */
  vencimiento: Vencimiento | null;
  /** Funds held (pagos adelantados) on the payment's date, before it. */
  retenido: Centavos;
  /** What settles the credit on the payment's date: saldo para liquidar less held funds. */
  paraLiquidar: Centavos;
}

/** One ledger row of a payment, in posting order. */
export interface Parte {
  monto: Centavos;
  excedente: Excedente;
}

export type Reparto =
  | { tipo: 'tal_cual' }
  | {
      tipo: 'anticipado';
      numero: number;
      fecha: Fecha;
      /** Kept as `adelantar` for the due date. */
      adelantado: Centavos;
      /** Follows the chosen excedente; zero when the due date needs the whole payment. */
      resto: Centavos;
      /** Held funds the rest takes along (R7): they follow the chosen excedente with it. */
      retenidoArrastrado: Centavos;
    };

/**
 * Issue 3, "pagar antes no cuesta la tasa puntual": a payment made shortly before a due date
 * with `reducir_plazo` would prepay the LAST amortización (R6) and leave the one falling due
 * still owed on its date, so the next period loses the punctual rate (R9). Within the window,
 * the part of the payment up to what the due date will require is kept as `adelantar` (R7
 * applies it on the date) and only the rest follows the chosen excedente.
 *
 * Nothing changes when R9 is not in force, outside the window, with `adelantar` already, when
 * the due date requires nothing, or when the payment settles the credit (R6 checks the
 * liquidación first, for both excedente values: the split would only risk not settling it).
 *
 * Held funds are not subtracted from what the due date requires: a payment takes the held
 * funds along and applies them with its own excedente (R7), so the rest, posted first, takes
 * them to prepay capital, and the part kept must cover the due date by itself. In money the
 * borrower ends the same: the due date's amount stays held, all the rest prepays.
 */
export function repartirPago(s: SituacionAlPagar): Reparto {
  const v = s.vencimiento;
  if (
    v === null ||
    !v.conTasaPuntual ||
    s.excedente === 'adelantar' ||
    s.ventana <= 0 ||
    v.diasAntes < 1 ||
    v.diasAntes > s.ventana ||
    v.requerido <= 0 ||
    s.monto >= s.paraLiquidar
  ) {
    return { tipo: 'tal_cual' };
  }
  const adelantado = minimo(s.monto, v.requerido);
  const resto = restar(s.monto, adelantado);
  return {
    tipo: 'anticipado',
    numero: v.numero,
    fecha: v.fecha,
    adelantado,
    resto,
    retenidoArrastrado: resto > 0 ? s.retenido : CERO,
  };
}

/**
 * The ledger rows, in the order they are posted. The rest goes first: posted after the kept
 * part, it would take that part along (R7) and prepay it.
 */
export function partesDe(r: Reparto, monto: Centavos, excedente: Excedente): Parte[] {
  if (r.tipo === 'tal_cual') return [{ monto, excedente }];
  const adelanto: Parte = { monto: r.adelantado, excedente: 'adelantar' };
  return r.resto > 0 ? [{ monto: r.resto, excedente }, adelanto] : [adelanto];
}

/**
 * The split in words, for whoever registers the payment (es-MX). Only `reducir_plazo` is ever
 * split, so the rest always reduces the term.
 */
export function describirReparto(r: Reparto): string | null {
  if (r.tipo === 'tal_cual') return null;
  const guardado = `Se guardan ${formatearPesos(r.adelantado)} como pago adelantado para la amortización ${r.numero} del ${formatearFecha(r.fecha)}, para conservar la tasa puntual`;
  if (r.resto === 0) return `${guardado}.`;
  const resto =
    r.retenidoArrastrado > 0
      ? `el resto, ${formatearPesos(r.resto)}, y los ${formatearPesos(r.retenidoArrastrado)} que ya estaban adelantados reducen el plazo`
      : `el resto, ${formatearPesos(r.resto)}, reduce el plazo`;
  return `${guardado}; ${resto}.`;
}
