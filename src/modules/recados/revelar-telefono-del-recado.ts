import type { Db } from '../../db/conexion.ts';
import { ErrorDominio } from '../../domain/errores.ts';
import { registrarEnBitacora } from '../bitacora/registrar-en-bitacora.ts';
import { type ContextoAutenticado, origenDe } from '../contexto.ts';
import { exigirAccesoAlRecado } from './destinatarios.ts';

/**
 * The number a caller left to be called back at, whole: the list shows it masked, and whoever
 * attends the recado (its recipient, a suplente, the office's coordinador) asks for it to dial.
 * Logged like any other reveal of personal data.
 */
export async function revelarTelefonoDelRecado(
  trx: Db,
  recadoId: number,
  ctx: ContextoAutenticado,
): Promise<{ valor: string }> {
  const r = await trx
    .selectFrom('recados')
    .select(['para_id', 'oficina_id', 'persona_id', 'llamante_telefono'])
    .where('id', '=', recadoId)
    .executeTakeFirst();
  if (!r) throw new ErrorDominio('no_encontrado', 'El recado no existe.');
  await exigirAccesoAlRecado(trx, ctx.actor, r, ctx.reloj.hoy());
  if (r.llamante_telefono === null) {
    throw new ErrorDominio('no_encontrado', 'Quien llamó no dejó teléfono.');
  }
  await registrarEnBitacora(trx, origenDe(ctx), {
    accion: 'dato_personal.revelado',
    objetoTipo: 'recado',
    objetoId: recadoId,
    detalle: { campo: 'telefono_llamante', personaId: r.persona_id },
  });
  return { valor: r.llamante_telefono };
}
