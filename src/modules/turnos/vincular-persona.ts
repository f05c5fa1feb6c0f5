import type { Db } from '../../db/conexion.ts';
import { ErrorDominio } from '../../domain/errores.ts';
import { alcanzaObjeto } from '../autorizacion/politicas.ts';
import { registrarEnBitacora } from '../bitacora/registrar-en-bitacora.ts';
import { type ContextoAutenticado, origenDe } from '../contexto.ts';
import { avisarCambio, consultaTurnos, type TurnoVista, turnoVista } from './vista-turno.ts';

/** Once identified, the walk-in is linked to the acreditado or aval on file. */
export async function vincularPersona(
  trx: Db,
  turnoId: number,
  personaId: number,
  ctx: ContextoAutenticado,
): Promise<TurnoVista> {
  const turno = await trx
    .selectFrom('turnos')
    .select(['id', 'oficina_id'])
    .where('id', '=', turnoId)
    .forUpdate()
    .executeTakeFirst();
  if (!turno) throw new ErrorDominio('no_encontrado', 'El turno no existe.');
  if (turno.oficina_id !== ctx.actor.oficinaId)
    throw new ErrorDominio('prohibido', 'Ese turno es de otra oficina.');
  const creditos = await trx
    .selectFrom('participantes_credito as pc')
    .innerJoin('creditos as c', 'c.id', 'pc.credito_id')
    .select(['c.oficina_id', 'c.despacho_id'])
    .where('pc.persona_id', '=', personaId)
    .execute();
  if (
    !creditos.some((c) =>
      alcanzaObjeto(ctx.actor, { oficinaId: c.oficina_id, despachoId: c.despacho_id }),
    )
  ) {
    throw new ErrorDominio(
      'prohibido',
      'Esa persona no tiene créditos en tu cartera.',
      'personaId',
    );
  }
  await trx
    .updateTable('turnos')
    .set({ persona_id: personaId })
    .where('id', '=', turnoId)
    .execute();
  await avisarCambio(trx, turno.oficina_id);
  await registrarEnBitacora(trx, origenDe(ctx), {
    accion: 'turno.vincular',
    objetoTipo: 'turno',
    objetoId: turnoId,
    detalle: { personaId },
  });
  return turnoVista(
    await consultaTurnos(trx).where('t.id', '=', turnoId).executeTakeFirstOrThrow(),
  );
}
