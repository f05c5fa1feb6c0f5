import type { Db } from '../../db/conexion.ts';
import { exigirCreditoVisible } from '../autorizacion/exigir-credito-visible.ts';
import type { ContextoAutenticado } from '../contexto.ts';
import type { Gestor } from './gestores-de-oficina.ts';

export interface AsignacionEnHistorial {
  gestor: Gestor;
  desde: string;
  /** null: the current holder. */
  hasta: string | null;
  /** null: the assignment came from before the history (the demo or an import). */
  asignadoPor: Gestor | null;
  motivo: string | null;
}

/** Who held the account from when to when, newest first: goals and recovery follow it. */
export async function historialDeAsignaciones(
  trx: Db,
  creditoId: number,
  ctx: ContextoAutenticado,
): Promise<{ asignaciones: AsignacionEnHistorial[] }> {
  await exigirCreditoVisible(trx, creditoId, ctx.actor);
  const filas = await trx
    .selectFrom('asignaciones as a')
    .innerJoin('usuarios as g', 'g.id', 'a.gestor_id')
    .leftJoin('usuarios as q', 'q.id', 'a.asignado_por')
    .select([
      'a.gestor_id',
      'g.nombre as gestor_nombre',
      'a.desde',
      'a.hasta',
      'a.asignado_por',
      'q.nombre as asignado_por_nombre',
      'a.motivo',
    ])
    .where('a.credito_id', '=', creditoId)
    .orderBy('a.desde', 'desc')
    .orderBy('a.id', 'desc')
    .execute();
  return {
    asignaciones: filas.map((f) => ({
      gestor: { id: f.gestor_id, nombre: f.gestor_nombre },
      desde: f.desde.toISOString(),
      hasta: f.hasta === null ? null : f.hasta.toISOString(),
      asignadoPor:
        f.asignado_por === null || f.asignado_por_nombre === null
          ? null
          : { id: f.asignado_por, nombre: f.asignado_por_nombre },
      motivo: f.motivo,
    })),
  };
}
