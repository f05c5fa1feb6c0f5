import type { Db } from '../../db/conexion.ts';
import { ErrorDominio } from '../../domain/errores.ts';
import { transicionRecado } from '../../domain/gestion/estado-recado.ts';
import type { ContextoAutenticado } from '../contexto.ts';

/**
 * Marks a recado attended by the gestión that answers it, in that gestión's transaction.
 * It must be of the actor's office and about this credit (or about none).
 */
export async function atenderRecadoConGestion(
  trx: Db,
  recadoId: number,
  creditoId: number,
  gestionId: number,
  ctx: ContextoAutenticado,
): Promise<void> {
  const r = await trx
    .selectFrom('recados')
    .select(['estado', 'oficina_id', 'credito_id'])
    .where('id', '=', recadoId)
    .forUpdate()
    .executeTakeFirst();
  if (!r) throw new ErrorDominio('gestion_invalida', 'Ese recado no existe.', 'recadoId');
  if (ctx.actor.rol !== 'administrador' && ctx.actor.oficinaId !== r.oficina_id) {
    throw new ErrorDominio('prohibido', 'Ese recado es de otra oficina.');
  }
  if (r.credito_id !== null && r.credito_id !== creditoId) {
    throw new ErrorDominio('gestion_invalida', 'Ese recado es de otro crédito.', 'recadoId');
  }
  const estado = transicionRecado(r.estado, 'atender');
  if (estado === null) {
    throw new ErrorDominio('conflicto', 'Ese recado ya fue atendido.');
  }
  await trx
    .updateTable('recados')
    .set({ estado, atendido: ctx.reloj.ahora(), gestion_id: gestionId, credito_id: creditoId })
    .where('id', '=', recadoId)
    .execute();
}
