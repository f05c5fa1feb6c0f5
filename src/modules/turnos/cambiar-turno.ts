import type { Db } from '../../db/conexion.ts';
import { ErrorDominio } from '../../domain/errores.ts';
import { ETIQUETA_ESTADO_TURNO, type EventoTurno, siguienteEstado } from '../../domain/turno.ts';
import { registrarEnBitacora } from '../bitacora/registrar-en-bitacora.ts';
import { type ContextoAutenticado, origenDe } from '../contexto.ts';
import { avisarCambio, consultaTurnos, type TurnoVista, turnoVista } from './vista-turno.ts';

export type CambioTurno =
  | { evento: 'tomar' }
  | { evento: 'devolver' }
  | { evento: 'abandonar' }
  | { evento: 'cerrar'; resultado: string };

const VERBO: Record<EventoTurno, string> = {
  tomar: 'tomar',
  devolver: 'devolver',
  cerrar: 'cerrar',
  abandonar: 'marcar como retirado',
};

/** Moves a turn through its state table; only the attending gestor (or a coordinador) closes it. */
export async function cambiarTurno(
  trx: Db,
  turnoId: number,
  cambio: CambioTurno,
  ctx: ContextoAutenticado,
): Promise<TurnoVista> {
  const turno = await trx
    .selectFrom('turnos')
    .selectAll()
    .where('id', '=', turnoId)
    .forUpdate()
    .executeTakeFirst();
  if (!turno) throw new ErrorDominio('no_encontrado', 'El turno no existe.');
  if (turno.oficina_id !== ctx.actor.oficinaId)
    throw new ErrorDominio('prohibido', 'Ese turno es de otra oficina.');
  const estado = siguienteEstado(turno.estado, cambio.evento);
  if (estado === null) {
    throw new ErrorDominio(
      'conflicto',
      `No se puede ${VERBO[cambio.evento]} un turno «${ETIQUETA_ESTADO_TURNO[turno.estado]}».`,
    );
  }
  const esQuienAtiende = turno.gestor_id === ctx.actor.id || ctx.actor.rol === 'coordinador';
  if ((cambio.evento === 'cerrar' || cambio.evento === 'devolver') && !esQuienAtiende) {
    throw new ErrorDominio(
      'prohibido',
      'Solo quien atiende el turno (o la coordinación) puede cerrarlo o devolverlo.',
    );
  }
  const ahora = ctx.reloj.ahora();
  const cambios = (() => {
    switch (cambio.evento) {
      case 'tomar':
        return { estado, gestor_id: ctx.actor.id, inicio_atencion: ahora };
      case 'devolver':
        return { estado, gestor_id: null, inicio_atencion: null };
      case 'abandonar':
        return { estado };
      case 'cerrar':
        return { estado, fin_atencion: ahora, resultado: cambio.resultado };
    }
  })();
  await trx.updateTable('turnos').set(cambios).where('id', '=', turnoId).execute();
  await avisarCambio(trx, turno.oficina_id);
  await registrarEnBitacora(trx, origenDe(ctx), {
    accion: `turno.${cambio.evento}`,
    objetoTipo: 'turno',
    objetoId: turnoId,
  });
  return turnoVista(
    await consultaTurnos(trx).where('t.id', '=', turnoId).executeTakeFirstOrThrow(),
  );
}
