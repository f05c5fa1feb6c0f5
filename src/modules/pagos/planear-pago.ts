import { CERO, type Centavos, restar, sumar } from '../../domain/dinero.ts';
import { ErrorDominio } from '../../domain/errores.ts';
import type { EstadoDeCuenta } from '../../domain/estado-de-cuenta/index.ts';
import { type Fecha, numeroDeDia } from '../../domain/fecha.ts';
import { calcularEstado } from '../cartera/calcular-estado.ts';
import type { CreditoCargado } from '../cartera/cargar-credito.ts';
import type { Excedente } from './pago.ts';
import {
  DIAS_PAGO_ANTICIPADO_POR_OMISION,
  describirReparto,
  type Parte,
  partesDe,
  type Reparto,
  repartirPago,
  type Vencimiento,
} from './reparto-puntual.ts';

/** Set by the app from `DIAS_PAGO_ANTICIPADO_PUNTUAL` (src/http/app.ts `Dependencias`). */
export interface OpcionesDePago {
  diasPagoAnticipadoPuntual?: number;
}

export interface PlanDePago {
  reparto: Reparto;
  /** The ledger rows to post, in order; one unless the payment is split. */
  partes: Parte[];
  /** The split in words (es-MX); null when the payment goes as it came. */
  explicacion: string | null;
}

const rechazo = (m: string) =>
  new ErrorDominio('pago_invalido', `El pago no se puede aplicar: ${m}`);

/** The held funds the engine applied on a due date (its `adelanto-N` line), if any. */
function aplicadoPorAdelanto(estado: EstadoDeCuenta, numero: number, fecha: Fecha): Centavos {
  const linea = estado.aplicaciones.find((a) => a.id === `adelanto-${numero}` && a.fecha === fecha);
  return linea ? sumar(sumar(linea.moratorio, linea.interes), linea.capital) : CERO;
}

/**
 * The due date after `fecha`, as the engine sees it without the new payment: whether R9 holds
 * for the credit and what the date will require (the statement at that date: saldo exigible,
 * plus what held funds pay on it, since the split's rest takes them along).
 */
function vencimientoSiguiente(credito: CreditoCargado, fecha: Fecha): Vencimiento | null {
  const siguiente = credito.amortizaciones.find((a) => a.fecha > fecha);
  if (siguiente === undefined) return null;
  const fechaVence = siguiente.fecha as Fecha;
  const alVencer = calcularEstado(credito, fechaVence, rechazo);
  const amortizacion = alVencer.amortizaciones.find((a) => a.numero === siguiente.numero);
  return {
    numero: siguiente.numero,
    fecha: fechaVence,
    diasAntes: numeroDeDia(fechaVence) - numeroDeDia(fecha),
    conTasaPuntual: amortizacion?.tasa != null,
    requerido: sumar(
      alVencer.saldoExigible,
      aplicadoPorAdelanto(alVencer, siguiente.numero, fechaVence),
    ),
  };
}

/**
 * How a payment is posted (issue 3, see `repartirPago`): the engine is asked about the next
 * due date only when the split could apply (reducir_plazo, window open, a due date within it),
 * so other payments, and every payment of a bank statement outside the window, cost nothing.
 */
export function planearPago(
  credito: CreditoCargado,
  fecha: Fecha,
  monto: Centavos,
  excedente: Excedente,
  opciones: OpcionesDePago = {},
): PlanDePago {
  const ventana = opciones.diasPagoAnticipadoPuntual ?? DIAS_PAGO_ANTICIPADO_POR_OMISION;
  const tal: PlanDePago = {
    reparto: { tipo: 'tal_cual' },
    partes: [{ monto, excedente }],
    explicacion: null,
  };
  const proxima = credito.amortizaciones.find((a) => a.fecha > fecha);
  if (
    excedente !== 'reducir_plazo' ||
    ventana <= 0 ||
    proxima === undefined ||
    numeroDeDia(proxima.fecha as Fecha) - numeroDeDia(fecha) > ventana
  ) {
    return tal;
  }
  const vencimiento = vencimientoSiguiente(credito, fecha);
  if (!vencimiento?.conTasaPuntual) return tal;
  const alPagar = calcularEstado(credito, fecha, rechazo);
  const reparto = repartirPago({
    monto,
    excedente,
    ventana,
    vencimiento,
    retenido: alPagar.pagosAdelantados,
    paraLiquidar: restar(alPagar.saldoParaLiquidar, alPagar.pagosAdelantados),
  });
  return {
    reparto,
    partes: partesDe(reparto, monto, excedente),
    explicacion: describirReparto(reparto),
  };
}
