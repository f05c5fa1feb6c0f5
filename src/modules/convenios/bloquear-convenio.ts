import type { Db } from '../../db/conexion.ts';
import { ErrorDominio } from '../../domain/errores.ts';
import { alcanzaObjeto } from '../autorizacion/politicas.ts';
import type { ContextoAutenticado } from '../contexto.ts';

/** The convenio's row, locked (FOR UPDATE) for a transition, within the actor's reach. */
export async function bloquearConvenio(trx: Db, id: number, ctx: ContextoAutenticado) {
  const c = await trx
    .selectFrom('convenios')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (!c) throw new ErrorDominio('no_encontrado', 'El convenio no existe.');
  const creditos = await trx
    .selectFrom('convenio_creditos as cc')
    .innerJoin('creditos as cr', 'cr.id', 'cc.credito_id')
    .select(['cr.id', 'cr.oficina_id', 'cr.despacho_id'])
    .where('cc.convenio_id', '=', id)
    .execute();
  if (
    !creditos.every((cr) =>
      alcanzaObjeto(ctx.actor, { oficinaId: cr.oficina_id, despachoId: cr.despacho_id }),
    )
  ) {
    throw new ErrorDominio('prohibido', 'Este convenio no está en tu cartera.');
  }
  return { ...c, creditos: creditos.map((cr) => cr.id) };
}
