import type { Db } from '../../db/conexion.ts';
import { formatearCentavos } from '../../domain/dinero.ts';
import { ErrorDominio } from '../../domain/errores.ts';
import { estadoDeCuentaAJson } from '../../domain/estado-de-cuenta/index.ts';
import { type Evento, registrarEnBitacora } from '../bitacora/registrar-en-bitacora.ts';
import { calcularEstado } from '../cartera/calcular-estado.ts';
import { cargarCredito } from '../cartera/cargar-credito.ts';
import { type ContextoAutenticado, origenDe } from '../contexto.ts';
import {
  type AplicacionDePago,
  aplicacionDe,
  bloquearCredito,
  type DatosPago,
  verificarPago,
} from './pago.ts';

export interface PagoRegistrado extends AplicacionDePago {
  movimiento: {
    id: number;
    fecha: string;
    monto: string;
    canal: string;
    referencia: string;
    excedente: string;
  };
}

/**
 * Posts a payment made at the bank, the cashier or by payroll (nobody receives cash in
 * Recupera). The credit row is locked first, so concurrent postings to it serialize; the
 * engine recomputes the whole history with the new movement and must accept it, or nothing
 * is stored.
 */
export async function registrarPago(
  trx: Db,
  creditoId: number,
  pago: DatosPago,
  ctx: ContextoAutenticado,
): Promise<PagoRegistrado> {
  const { registrado, evento } = await asentarPago(trx, creditoId, pago, ctx);
  await registrarEnBitacora(trx, origenDe(ctx), evento);
  return registrado;
}

/**
 * `registrarPago` without writing its bitácora row, which it returns instead: a caller that
 * posts many payments in one transaction (a bank statement) writes all the rows at the end,
 * so it holds the bitácora's lock for a moment and not for the whole file.
 */
export async function asentarPago(
  trx: Db,
  creditoId: number,
  pago: DatosPago,
  ctx: ContextoAutenticado,
): Promise<{ registrado: PagoRegistrado; evento: Evento }> {
  await bloquearCredito(trx, creditoId);
  const antes = await cargarCredito(trx, creditoId);
  const fecha = pago.fecha ?? ctx.reloj.hoy();
  verificarPago(antes, fecha, ctx);
  const movimiento = await trx
    .insertInto('movimientos')
    .values({
      credito_id: creditoId,
      tipo: 'pago',
      fecha,
      monto_centavos: pago.monto,
      excedente: pago.excedente,
      canal: pago.canal,
      referencia: pago.referencia,
      clave_externa: pago.claveExterna ?? null,
      registrado_por: ctx.actor.id,
      registrado: ctx.reloj.ahora(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const despues = await cargarCredito(trx, creditoId);
  // The statement as of today: a backdated payment's application does not depend on the cut-off.
  const estado = estadoDeCuentaAJson(
    calcularEstado(
      despues,
      ctx.reloj.hoy(),
      (m) => new ErrorDominio('pago_invalido', `El pago no se puede aplicar: ${m}`),
    ),
  );
  const aplicacion = aplicacionDe(estado, movimiento.id);
  const evento: Evento = {
    accion: 'pago.registrar',
    objetoTipo: 'credito',
    objetoId: creditoId,
    detalle: {
      movimiento: movimiento.id,
      fecha,
      monto: formatearCentavos(pago.monto),
      canal: pago.canal,
      referencia: pago.referencia,
    },
  };
  const registrado: PagoRegistrado = {
    movimiento: {
      id: movimiento.id,
      fecha,
      monto: formatearCentavos(pago.monto),
      canal: pago.canal,
      referencia: pago.referencia,
      excedente: pago.excedente,
    },
    aplicacion,
    estado,
  };
  return { registrado, evento };
}
