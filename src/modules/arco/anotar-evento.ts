import type { Db } from '../../db/conexion.ts';
import type { ContextoAutenticado } from '../contexto.ts';

/** One step of a request's file: who did what, from which state to which, and when. */
export async function anotarEvento(
  trx: Db,
  solicitudId: number,
  evento: string,
  estadoAnterior: string | null,
  estadoNuevo: string,
  detalle: Record<string, unknown>,
  ctx: ContextoAutenticado,
): Promise<void> {
  await trx
    .insertInto('eventos_arco')
    .values({
      solicitud_id: solicitudId,
      evento,
      estado_anterior: estadoAnterior,
      estado_nuevo: estadoNuevo,
      detalle: JSON.stringify(detalle),
      usuario_id: ctx.actor.id,
      instante: ctx.reloj.ahora(),
    })
    .execute();
}
