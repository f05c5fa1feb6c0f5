import { sql } from 'kysely';
import type { Db } from '../../db/conexion.ts';
import { ErrorDominio } from '../../domain/errores.ts';
import type { MotivoTurno } from '../../domain/turno.ts';
import { registrarEnBitacora } from '../bitacora/registrar-en-bitacora.ts';
import { type ContextoAutenticado, origenDe } from '../contexto.ts';
import { avisarCambio, consultaTurnos, type TurnoVista, turnoVista } from './vista-turno.ts';

// Namespace of the advisory lock that numbers an office's turns of a day.
const CANDADO_TURNOS = 727_005;

/** Someone arrives at the counter of the actor's office: they get the day's next number. */
export async function registrarTurno(
  trx: Db,
  entrada: { nombre: string; motivo: MotivoTurno },
  ctx: ContextoAutenticado,
): Promise<TurnoVista> {
  const oficinaId = ctx.actor.oficinaId;
  if (oficinaId === null)
    throw new ErrorDominio('prohibido', 'Solo quien atiende en una oficina registra turnos.');
  const fecha = ctx.reloj.hoy();
  await sql`SELECT pg_advisory_xact_lock(${CANDADO_TURNOS}, ${oficinaId})`.execute(trx);
  const ultimo = await trx
    .selectFrom('turnos')
    .select((eb) => eb.fn.max('numero').as('numero'))
    .where('oficina_id', '=', oficinaId)
    .where('fecha', '=', fecha)
    .executeTakeFirst();
  const { id } = await trx
    .insertInto('turnos')
    .values({
      oficina_id: oficinaId,
      fecha,
      numero: (ultimo?.numero ?? 0) + 1,
      nombre: entrada.nombre,
      motivo: entrada.motivo,
      llegada: ctx.reloj.ahora(),
      registrado_por: ctx.actor.id,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await avisarCambio(trx, oficinaId);
  await registrarEnBitacora(trx, origenDe(ctx), {
    accion: 'turno.registrar',
    objetoTipo: 'turno',
    objetoId: id,
    detalle: { motivo: entrada.motivo },
  });
  return turnoVista(await consultaTurnos(trx).where('t.id', '=', id).executeTakeFirstOrThrow());
}
