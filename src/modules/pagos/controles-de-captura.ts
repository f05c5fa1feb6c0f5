import type { Db } from '../../db/conexion.ts';
import { type Centavos, formatearCentavos, formatearPesos, restar } from '../../domain/dinero.ts';
import { ErrorDominio } from '../../domain/errores.ts';
import { type Fecha, formatearFecha } from '../../domain/fecha.ts';
import { puede } from '../autorizacion/politicas.ts';
import { calcularEstado } from '../cartera/calcular-estado.ts';
import type { CreditoCargado } from '../cartera/cargar-credito.ts';
import type { Actor } from '../seguridad/actor.ts';
import { pagoIgualDeHoy } from './pagos-parecidos.ts';

/**
 * How a payment reached Recupera, which decides the checks it passes besides the engine's.
 * A person typing it at the counter can mistype the amount or type it twice: both stop the
 * capture until someone says so. A bank statement's line is money that did arrive: it is
 * posted whatever the amount, and an excess is only flagged for review.
 */
export type Procedencia =
  | {
      tipo: 'captura';
      /** Only a coordinador or contabilidad (`pagos.autorizar_excedente`) may say yes. */
      autorizarExcedente: boolean;
      /** The folio of the equal payment posted earlier today that this one repeats on purpose. */
      confirmarDuplicado: number | null;
    }
  | { tipo: 'deposito' };

/** A capture with nothing authorized nor confirmed: what any caller that says nothing gets. */
export const CAPTURA: Procedencia = {
  tipo: 'captura',
  autorizarExcedente: false,
  confirmarDuplicado: null,
};

/** A payment above what settled the credit on its date, as the ledger's bitácora records it. */
export interface ExcedeAdeudo {
  /** The credit's saldo_para_liquidar on the payment's date. */
  adeudo: string;
  /** The payment minus that: money the credit did not owe, kept as saldo a favor. */
  exceso: string;
  /**
   * Who authorized it at the counter (the person who posted it, a coordinador or
   * contabilidad); null for a bank deposit, posted because the money arrived and flagged.
   */
  autorizadoPor: { id: number; usuario: string; nombre: string } | null;
}

/** The statement's saldo_para_liquidar on `fecha` (later movements do not count yet). */
export function adeudoAl(credito: CreditoCargado, fecha: Fecha): Centavos {
  return calcularEstado(credito, fecha).saldoParaLiquidar;
}

/** «El crédito debe $X para liquidar al dd/mm/aaaa; el pago de $Y lo excede. …» */
export function mensajeDeExceso(adeudo: Centavos, fecha: Fecha, monto: Centavos): string {
  const exceso = formatearPesos(restar(monto, adeudo));
  return `El crédito debe ${formatearPesos(adeudo)} para liquidar al ${formatearFecha(fecha)}; el pago de ${formatearPesos(monto)} lo excede. Quedarían ${exceso} de saldo a favor.`;
}

/**
 * Whether a payment above the debt may be posted, and how it is recorded. The limit is the
 * statement's saldo_para_liquidar, the figure the screen and the ficha de pago print (held
 * funds included), so a debtor who pays exactly the printed amount is never refused. At the
 * counter the excess needs the poster to be a coordinador or contabilidad who says so: a
 * gestor asks one of them to capture it (the person who authorizes is the one who posts, and
 * the bitácora names them).
 */
export function admitirExceso(
  adeudo: Centavos,
  fecha: Fecha,
  monto: Centavos,
  procedencia: Procedencia,
  actor: Actor,
): ExcedeAdeudo | null {
  if (monto <= adeudo) return null;
  const medida = {
    adeudo: formatearCentavos(adeudo),
    exceso: formatearCentavos(restar(monto, adeudo)),
  };
  if (procedencia.tipo === 'deposito') return { ...medida, autorizadoPor: null };
  const mensaje = mensajeDeExceso(adeudo, fecha, monto);
  const autoriza = puede(actor, 'pagos.autorizar_excedente');
  if (!procedencia.autorizarExcedente) {
    throw new ErrorDominio(
      'excede_adeudo',
      autoriza
        ? `${mensaje} Revisa el monto; si de verdad pagó de más, marca «Autorizo el excedente» y regístralo otra vez.`
        : `${mensaje} Revisa el monto; si de verdad pagó de más, pide a un coordinador o a contabilidad que lo registre autorizando el excedente.`,
      'monto',
      medida,
    );
  }
  if (!autoriza) {
    throw new ErrorDominio(
      'prohibido',
      `${mensaje} Solo un coordinador o contabilidad puede autorizar el excedente: pídele a uno que registre el pago.`,
      'autorizarExcedente',
    );
  }
  return {
    ...medida,
    autorizadoPor: { id: actor.id, usuario: actor.usuario, nombre: actor.nombre },
  };
}

/**
 * Stops a capture that repeats a payment posted today (same date, amount and reference)
 * unless it names that payment's folio: the person has seen it and says this is another one.
 * Runs under the credit's lock, so two such captures sent at once are told apart too.
 */
export async function exigirQueNoSeaDuplicado(
  trx: Db,
  creditoId: number,
  pago: { fecha: Fecha; monto: Centavos; referencia: string },
  procedencia: Procedencia,
  hoy: Fecha,
): Promise<void> {
  if (procedencia.tipo !== 'captura') return;
  const igual = await pagoIgualDeHoy(trx, creditoId, pago, hoy);
  if (igual === null || procedencia.confirmarDuplicado === igual.movimientoId) return;
  const quien = igual.registradoPor === null ? '' : ` por ${igual.registradoPor}`;
  throw new ErrorDominio(
    'posible_duplicado',
    `Ya se registró hoy un pago igual: folio ${igual.movimientoId}, ${formatearPesos(pago.monto)}, referencia ${igual.referencia ?? ''},${quien} a las ${igual.hora}. Si es otro pago, confírmalo para registrarlo; si es el mismo, no lo registres otra vez.`,
    'confirmarDuplicado',
    { pagoAnterior: igual },
  );
}
