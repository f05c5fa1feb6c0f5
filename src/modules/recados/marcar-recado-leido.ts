import type { Db } from '../../db/conexion.ts';
import { ErrorDominio } from '../../domain/errores.ts';
import { motivoDeRechazoRecado, transicionRecado } from '../../domain/gestion/estado-recado.ts';
import { registrarEnBitacora } from '../bitacora/registrar-en-bitacora.ts';
import { type ContextoAutenticado, origenDe } from '../contexto.ts';
import { avisarRecado, exigirAccesoAlRecado } from './destinatarios.ts';
import { type RecadoVista, vistaDeRecado } from './vista-recado.ts';

/**
 * nuevo → leído, by the recipient, whoever covers them today, or the office's coordinador.
 * Reading it again changes nothing (two open tabs, a double click); an attended recado stays
 * attended.
 */
export async function marcarRecadoLeido(
  trx: Db,
  id: number,
  ctx: ContextoAutenticado,
): Promise<RecadoVista> {
  const r = await trx
    .selectFrom('recados')
    .select(['id', 'estado', 'para_id', 'oficina_id'])
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (!r) throw new ErrorDominio('no_encontrado', 'El recado no existe.');
  const hoy = ctx.reloj.hoy();
  await exigirAccesoAlRecado(trx, ctx.actor, r, hoy);
  if (r.estado === 'leido') return vistaDeRecado(trx, id);
  const estado = transicionRecado(r.estado, 'leer');
  if (estado === null) throw new ErrorDominio('conflicto', motivoDeRechazoRecado(r.estado, 'leer'));
  await trx
    .updateTable('recados')
    .set({ estado, leido: ctx.reloj.ahora() })
    .where('id', '=', id)
    .execute();
  await registrarEnBitacora(trx, origenDe(ctx), {
    accion: 'recado.leer',
    objetoTipo: 'recado',
    objetoId: id,
  });
  // The recipient's badge (and the suplente's) counts one less on every open page.
  await avisarRecado(trx, r.para_id, hoy);
  return vistaDeRecado(trx, id);
}
