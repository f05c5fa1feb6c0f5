import type { Db } from '../../db/conexion.ts';
import { registrarEnBitacora } from '../bitacora/registrar-en-bitacora.ts';
import { type ContextoAutenticado, origenDe } from '../contexto.ts';
import { bloquearPendiente } from './asignar-deposito-pendiente.ts';
import {
  consultaDeDepositos,
  tomarCandadoConciliacion,
  type VistaDeposito,
  vistaDeDeposito,
} from './deposito.ts';

/**
 * A deposit that is not a payment of any credit (a transfer between the institute's own
 * accounts, a bank's reversal) leaves the list with a reason. The row stays: importing the
 * line again finds it discarded and does nothing.
 */
export async function descartarDepositoPendiente(
  trx: Db,
  id: number,
  motivo: string,
  ctx: ContextoAutenticado,
): Promise<VistaDeposito> {
  await tomarCandadoConciliacion(trx);
  const fila = await bloquearPendiente(trx, id);
  await trx
    .updateTable('depositos_pendientes')
    .set({
      estado: 'descartado',
      resuelto_por: ctx.actor.id,
      resuelto: ctx.reloj.ahora(),
      motivo_resolucion: motivo,
    })
    .where('id', '=', id)
    .execute();
  await registrarEnBitacora(trx, origenDe(ctx), {
    accion: 'conciliacion.descartar',
    objetoTipo: 'deposito_pendiente',
    objetoId: id,
    detalle: { folio: fila.folio_banco, motivo },
  });
  return vistaDeDeposito(
    await consultaDeDepositos(trx).where('d.id', '=', id).executeTakeFirstOrThrow(),
  );
}
