import type { Db } from '../../db/conexion.ts';
import { exigirCreditoVisible } from '../autorizacion/exigir-credito-visible.ts';
import { registrarEnBitacora } from '../bitacora/registrar-en-bitacora.ts';
import { type ContextoAutenticado, origenDe } from '../contexto.ts';
import { type VistaGestion, vistasDeGestiones } from './vista-gestion.ts';

/** A credit's contact attempts, newest first; reading them (phones, names) is logged. */
export async function listarGestiones(
  trx: Db,
  creditoId: number,
  ctx: ContextoAutenticado,
): Promise<{ gestiones: VistaGestion[] }> {
  await exigirCreditoVisible(trx, creditoId, ctx.actor);
  const gestiones = await vistasDeGestiones(trx, { creditoId });
  await registrarEnBitacora(trx, origenDe(ctx), {
    accion: 'gestiones.consultar',
    objetoTipo: 'credito',
    objetoId: creditoId,
  });
  return { gestiones };
}
