import type { Db } from '../../db/conexion.ts';
import { ErrorDominio } from '../../domain/errores.ts';
import type { Fecha } from '../../domain/fecha.ts';
import { registrarEnBitacora } from '../bitacora/registrar-en-bitacora.ts';
import { type ContextoAutenticado, origenDe } from '../contexto.ts';
import type { OpcionesDePago } from '../pagos/planear-pago.ts';
import { type PagoRegistrado, registrarPago } from '../pagos/registrar-pago.ts';
import {
  claveDeDeposito,
  consultaDeDepositos,
  pagoDeDeposito,
  tomarCandadoConciliacion,
  type VistaDeposito,
  vistaDeDeposito,
} from './deposito.ts';

export interface Asignacion {
  creditoId: number;
  motivo: string | null;
}

export interface DepositoAsignado {
  deposito: VistaDeposito;
  pago: PagoRegistrado;
}

/** A pending row that can still be worked, locked until this transaction ends. */
export async function bloquearPendiente(trx: Db, id: number) {
  const fila = await trx
    .selectFrom('depositos_pendientes')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (!fila) throw new ErrorDominio('no_encontrado', 'El depósito pendiente no existe.');
  if (fila.estado !== 'pendiente') {
    throw new ErrorDominio('conflicto', `Ese depósito ya fue ${fila.estado}; no está pendiente.`);
  }
  return fila;
}

/**
 * A person decides which credit a deposit belongs to; it is then posted exactly as an
 * imported one (same ledger key `banco:<folio>`, so a later import of the line finds it).
 */
export async function asignarDepositoPendiente(
  trx: Db,
  id: number,
  asignacion: Asignacion,
  ctx: ContextoAutenticado,
  opciones: OpcionesDePago = {},
): Promise<DepositoAsignado> {
  await tomarCandadoConciliacion(trx);
  const fila = await bloquearPendiente(trx, id);
  const credito = await trx
    .selectFrom('creditos')
    .select(['id', 'numero'])
    .where('id', '=', asignacion.creditoId)
    .executeTakeFirst();
  if (!credito) {
    throw new ErrorDominio('entrada_invalida', 'No existe un crédito con ese id.', 'creditoId');
  }
  const yaPosteado = await trx
    .selectFrom('movimientos')
    .select('id')
    .where('clave_externa', '=', claveDeDeposito(fila.folio_banco))
    .executeTakeFirst();
  if (yaPosteado) {
    throw new ErrorDominio(
      'conflicto',
      `El depósito con folio ${fila.folio_banco} ya está registrado (movimiento ${yaPosteado.id}).`,
    );
  }
  const pago = await registrarPago(
    trx,
    credito.id,
    pagoDeDeposito({
      fecha: fila.fecha as Fecha,
      importe: fila.importe_centavos,
      folio: fila.folio_banco,
    }),
    ctx,
    opciones,
  );
  await trx
    .updateTable('depositos_pendientes')
    .set({
      estado: 'asignado',
      credito_id: credito.id,
      movimiento_id: pago.movimiento.id,
      resuelto_por: ctx.actor.id,
      resuelto: ctx.reloj.ahora(),
      motivo_resolucion: asignacion.motivo,
    })
    .where('id', '=', id)
    .execute();
  await registrarEnBitacora(trx, origenDe(ctx), {
    accion: 'conciliacion.asignar',
    objetoTipo: 'deposito_pendiente',
    objetoId: id,
    detalle: {
      folio: fila.folio_banco,
      credito: credito.id,
      movimiento: pago.movimiento.id,
      motivo: asignacion.motivo,
      // Posted because the money arrived; flagged when it paid more than the credit owed.
      ...(pago.excedeAdeudo === null ? {} : { excedeAdeudo: pago.excedeAdeudo }),
    },
  });
  const vista = await consultaDeDepositos(trx).where('d.id', '=', id).executeTakeFirstOrThrow();
  return { deposito: vistaDeDeposito(vista), pago };
}
