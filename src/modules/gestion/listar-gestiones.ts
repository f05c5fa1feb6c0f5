import type { Db } from '../../db/conexion.ts';
import { ErrorDominio } from '../../domain/errores.ts';
import { exigirCreditoEnCartera } from '../autorizacion/politicas.ts';
import { registrarEnBitacora } from '../bitacora/registrar-en-bitacora.ts';
import { type ContextoAutenticado, origenDe } from '../contexto.ts';
import { type VistaGestion, vistasDeGestiones } from './vista-gestion.ts';

/** A credit's contact attempts, newest first; reading them (phones, names) is logged. */
export async function listarGestiones(
  trx: Db,
  creditoId: number,
  ctx: ContextoAutenticado,
): Promise<{ gestiones: VistaGestion[] }> {
  const c = await trx
    .selectFrom('creditos')
    .select(['oficina_id', 'despacho_id'])
    .where('id', '=', creditoId)
    .executeTakeFirst();
  if (!c) throw new ErrorDominio('no_encontrado', 'El crédito no existe.');
  exigirCreditoEnCartera(ctx.actor, { oficinaId: c.oficina_id, despachoId: c.despacho_id });
  const gestiones = await vistasDeGestiones(trx, { creditoId });
  await registrarEnBitacora(trx, origenDe(ctx), {
    accion: 'gestiones.consultar',
    objetoTipo: 'credito',
    objetoId: creditoId,
  });
  return { gestiones };
}
