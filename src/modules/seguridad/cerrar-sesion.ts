import type { Db } from '../../db/conexion.ts';
import { registrarEnBitacora } from '../bitacora/registrar-en-bitacora.ts';
import { type ContextoAutenticado, origenDe } from '../contexto.ts';

export async function cerrarSesion(
  trx: Db,
  idHash: string,
  ctx: ContextoAutenticado,
): Promise<void> {
  await trx
    .updateTable('sesiones')
    .set({ cerrada: ctx.reloj.ahora() })
    .where('id_hash', '=', idHash)
    .where('cerrada', 'is', null)
    .execute();
  await registrarEnBitacora(trx, origenDe(ctx), {
    accion: 'sesion.cerrar',
    objetoTipo: 'usuario',
    objetoId: ctx.actor.id,
  });
}
