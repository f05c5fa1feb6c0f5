import type { Db } from '../../db/conexion.ts';
import { ErrorDominio } from '../../domain/errores.ts';
import type { Fecha } from '../../domain/fecha.ts';
import { registrarEnBitacora } from '../bitacora/registrar-en-bitacora.ts';
import { type ContextoAutenticado, origenDe } from '../contexto.ts';
import { consultaTurnos, type TurnoVista, turnoVista } from './vista-turno.ts';

/** The day's register of the actor's office, in arrival order (the queue is its 'en_espera' part). */
export async function listarTurnos(
  trx: Db,
  fecha: Fecha | null,
  ctx: ContextoAutenticado,
): Promise<{ fecha: string; turnos: TurnoVista[] }> {
  const oficinaId = ctx.actor.oficinaId;
  if (oficinaId === null)
    throw new ErrorDominio(
      'prohibido',
      'Los turnos son de cada oficina; tu usuario no tiene oficina.',
    );
  const dia = fecha ?? ctx.reloj.hoy();
  const filas = await consultaTurnos(trx)
    .where('t.oficina_id', '=', oficinaId)
    .where('t.fecha', '=', dia)
    .orderBy('t.numero')
    .execute();
  await registrarEnBitacora(trx, origenDe(ctx), {
    accion: 'turnos.listar',
    detalle: { fecha: dia, turnos: filas.length },
  });
  return { fecha: dia, turnos: filas.map(turnoVista) };
}
