import type { Db } from '../../db/conexion.ts';
import { ErrorDominio } from '../../domain/errores.ts';
import { exigirCreditoEnCartera } from '../autorizacion/politicas.ts';
import type { Actor } from '../seguridad/actor.ts';

/** The credit's open turnado (not recalled), if any, with its firm. */
export function turnadoVigente(trx: Db, creditoId: number) {
  return trx
    .selectFrom('turnados as t')
    .innerJoin('despachos as d', 'd.id', 't.despacho_id')
    .select(['t.id', 't.despacho_id', 'd.nombre as despacho', 't.desde', 't.hasta', 't.motivo'])
    .where('t.credito_id', '=', creditoId)
    .where('t.devuelto_en', 'is', null)
    .executeTakeFirst();
}

/**
 * A credit the actor may see (404 when it does not exist, the scope's refusal otherwise) and
 * its open turnado; `bloquear` locks the credit's row for a change of its state. Without an
 * open turnado the account is at no firm: `sinTurnado` says why that stops the use case.
 */
export async function creditoTurnado(
  trx: Db,
  creditoId: number,
  actor: Actor,
  opciones: { bloquear: boolean; sinTurnado: (numero: string) => string },
) {
  const consulta = trx
    .selectFrom('creditos')
    .select(['numero', 'estado', 'oficina_id', 'despacho_id', 'turnado_hasta'])
    .where('id', '=', creditoId);
  const c = await (opciones.bloquear ? consulta.forUpdate() : consulta).executeTakeFirst();
  if (!c) throw new ErrorDominio('no_encontrado', 'El crédito no existe.');
  exigirCreditoEnCartera(actor, {
    oficinaId: c.oficina_id,
    despachoId: c.despacho_id,
    turnadoHasta: c.turnado_hasta,
  });
  const turnado = await turnadoVigente(trx, creditoId);
  if (!turnado) throw new ErrorDominio('conflicto', opciones.sinTurnado(c.numero));
  return { credito: c, turnado };
}
