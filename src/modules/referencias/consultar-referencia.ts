import type { Db } from '../../db/conexion.ts';
import { ErrorDominio } from '../../domain/errores.ts';
import { generarReferencia } from '../../domain/referencia.ts';
import { exigirCreditoEnCartera } from '../autorizacion/politicas.ts';
import type { ContextoAutenticado } from '../contexto.ts';

export interface ReferenciaDeCredito {
  referencia: string;
  creditoId: number;
  numero: string;
}

/** A credit's row, if the actor may see it: the same scope as its statement. */
export async function creditoAlAlcance(trx: Db, creditoId: number, ctx: ContextoAutenticado) {
  const c = await trx
    .selectFrom('creditos')
    .select(['id', 'numero', 'estado', 'oficina_id', 'despacho_id', 'turnado_hasta'])
    .where('id', '=', creditoId)
    .executeTakeFirst();
  if (!c) throw new ErrorDominio('no_encontrado', 'El crédito no existe.');
  exigirCreditoEnCartera(ctx.actor, {
    oficinaId: c.oficina_id,
    despachoId: c.despacho_id,
    turnadoHasta: c.turnado_hasta,
  });
  return c;
}

/**
 * The deposit reference of a credit. Not logged in the bitácora: it names no person and
 * changes nothing, and it is printed on every ficha the debtor takes home.
 */
export async function consultarReferencia(
  trx: Db,
  creditoId: number,
  ctx: ContextoAutenticado,
): Promise<ReferenciaDeCredito> {
  const c = await creditoAlAlcance(trx, creditoId, ctx);
  return { referencia: generarReferencia(c.id), creditoId: c.id, numero: c.numero };
}
