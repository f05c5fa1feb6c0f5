import type { Db } from '../../db/conexion.ts';
import { motivoDeRechazo, transicionConvenio } from '../../domain/convenios/estado-convenio.ts';
import { ErrorDominio } from '../../domain/errores.ts';
import { registrarEnBitacora } from '../bitacora/registrar-en-bitacora.ts';
import { type ContextoAutenticado, origenDe } from '../contexto.ts';
import { avisarDecisionDeConvenio } from './avisar-decision.ts';
import { bloquearConvenio } from './bloquear-convenio.ts';
import { type VistaConvenio, vistaConvenio } from './vista-convenio.ts';

/**
 * Withdraws a convenio before it is signed (the debtor declined, or the authorization was
 * refused). Nothing was applied to the ledger yet, so nothing is undone.
 */
export async function cancelarConvenio(
  trx: Db,
  id: number,
  motivo: string,
  ctx: ContextoAutenticado,
): Promise<VistaConvenio> {
  const c = await bloquearConvenio(trx, id, ctx);
  const nuevo = transicionConvenio(c.estado, 'cancelar');
  if (nuevo === null) throw new ErrorDominio('conflicto', motivoDeRechazo(c.estado, 'cancelar'));
  await trx
    .updateTable('convenios')
    .set({ estado: nuevo, motivo_cancelacion: motivo, cerrado_el: ctx.reloj.hoy() })
    .where('id', '=', id)
    .execute();
  await registrarEnBitacora(trx, origenDe(ctx), {
    accion: 'convenio.cancelar',
    objetoTipo: 'convenio',
    objetoId: id,
    detalle: { estadoAnterior: c.estado, motivo },
  });
  // Someone else withdrawing a convenio that waited for authorization refused it: its
  // proposer hears it live. Withdrawing one's own proposal tells nobody.
  if (c.estado === 'propuesto' && c.propuesto_por !== ctx.actor.id) {
    await avisarDecisionDeConvenio(trx, c, 'rechazado', motivo, ctx);
  }
  return vistaConvenio(trx, id, ctx);
}
