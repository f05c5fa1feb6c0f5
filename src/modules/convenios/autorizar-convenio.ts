import type { Db } from '../../db/conexion.ts';
import { motivoDeRechazo, transicionConvenio } from '../../domain/convenios/estado-convenio.ts';
import { ErrorDominio } from '../../domain/errores.ts';
import { registrarEnBitacora } from '../bitacora/registrar-en-bitacora.ts';
import { type ContextoAutenticado, origenDe } from '../contexto.ts';
import { avisarDecisionDeConvenio } from './avisar-decision.ts';
import { bloquearConvenio } from './bloquear-convenio.ts';
import { motivoParaNoAutorizarlo } from './motivo-para-no-autorizar.ts';
import { type VistaConvenio, vistaConvenio } from './vista-convenio.ts';

/**
 * A coordinador (or an administrador) approves a convenio that waits above its proposer's
 * limit. Maker-checker: nobody authorizes their own proposal.
 */
export async function autorizarConvenio(
  trx: Db,
  id: number,
  ctx: ContextoAutenticado,
): Promise<VistaConvenio> {
  const c = await bloquearConvenio(trx, id, ctx);
  const nuevo = transicionConvenio(c.estado, 'autorizar');
  if (nuevo === null) throw new ErrorDominio('conflicto', motivoDeRechazo(c.estado, 'autorizar'));
  const motivo = motivoParaNoAutorizarlo(c, ctx.actor);
  if (motivo !== null) throw new ErrorDominio('prohibido', motivo);
  await trx
    .updateTable('convenios')
    .set({ estado: nuevo, autorizado_por: ctx.actor.id, autorizado_el: ctx.reloj.ahora() })
    .where('id', '=', id)
    .execute();
  await registrarEnBitacora(trx, origenDe(ctx), {
    accion: 'convenio.autorizar',
    objetoTipo: 'convenio',
    objetoId: id,
    detalle: {
      requeria: c.requiere_rol,
      motivos: c.motivos_autorizacion,
      propuestoPor: c.propuesto_por,
    },
  });
  await avisarDecisionDeConvenio(trx, c, 'autorizado', null, ctx);
  return vistaConvenio(trx, id, ctx);
}
