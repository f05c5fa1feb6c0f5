import type { Db } from '../../db/conexion.ts';
import { ErrorDominio } from '../../domain/errores.ts';
import type { Actor } from '../seguridad/actor.ts';
import { exigirCreditoEnCartera } from './politicas.ts';

/**
 * For use cases that read a credit's rows without its own data: 404 when the credit does not
 * exist, 403 when it is not in the actor's portfolio (office; an external lawyer gets 404 for
 * an account not currently turned over to his firm).
 */
export async function exigirCreditoVisible(
  trx: Db,
  creditoId: number,
  actor: Actor,
): Promise<void> {
  const c = await trx
    .selectFrom('creditos')
    .select(['oficina_id', 'despacho_id', 'turnado_hasta'])
    .where('id', '=', creditoId)
    .executeTakeFirst();
  if (!c) throw new ErrorDominio('no_encontrado', 'El crédito no existe.');
  exigirCreditoEnCartera(actor, {
    oficinaId: c.oficina_id,
    despachoId: c.despacho_id,
    turnadoHasta: c.turnado_hasta,
  });
}
