import type { Db } from '../../db/conexion.ts';
import { motivoParaNoAutorizar, rolQueConviene } from '../../domain/convenios/autorizacion.ts';
import { motivoDeRechazo, transicionConvenio } from '../../domain/convenios/estado-convenio.ts';
import { ErrorDominio } from '../../domain/errores.ts';
import { registrarEnBitacora } from '../bitacora/registrar-en-bitacora.ts';
import { type ContextoAutenticado, origenDe } from '../contexto.ts';
import { bloquearConvenio } from './bloquear-convenio.ts';
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
  if (c.propuesto_por === ctx.actor.id) {
    throw new ErrorDominio(
      'prohibido',
      'Nadie autoriza su propia propuesta: la autoriza otra persona.',
    );
  }
  const motivo = motivoParaNoAutorizar(
    c.requiere_rol ?? 'coordinador',
    rolQueConviene(ctx.actor.rol),
  );
  if (motivo !== null) throw new ErrorDominio('prohibido', `No puedes autorizarlo: ${motivo}.`);
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
  return vistaConvenio(trx, id, ctx);
}
