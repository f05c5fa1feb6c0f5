import type { Db } from '../../db/conexion.ts';
import type { ContextoAutenticado } from '../contexto.ts';
import { oficinaDeTrabajo } from './oficina-de-trabajo.ts';

export interface GestorEnLista {
  id: number;
  nombre: string;
  rol: 'gestor' | 'coordinador';
  /** Active credits he holds today (suplencias aside). */
  cuentas: number;
}

/**
 * The office's active gestores and coordinadores, with how many accounts each holds: whom to
 * assign to, and how loaded each one is. A gestor or coordinador gets his own office.
 */
export async function listarGestores(
  trx: Db,
  oficinaId: number | undefined,
  ctx: ContextoAutenticado,
): Promise<{ gestores: GestorEnLista[] }> {
  const oficina = await oficinaDeTrabajo(trx, ctx.actor, oficinaId);
  const filas = await trx
    .selectFrom('usuarios as u')
    .select((eb) => [
      'u.id',
      'u.nombre',
      'u.rol',
      eb
        .selectFrom('creditos as c')
        .select((c) => c.fn.countAll<number>().as('n'))
        .whereRef('c.gestor_id', '=', 'u.id')
        .where('c.estado', '=', 'activo')
        .as('cuentas'),
    ])
    .where('u.oficina_id', '=', oficina.id)
    .where('u.activo', '=', true)
    .where('u.rol', 'in', ['gestor', 'coordinador'])
    .orderBy('u.nombre')
    .execute();
  return {
    gestores: filas.map((f) => ({
      id: f.id,
      nombre: f.nombre,
      rol: f.rol === 'coordinador' ? 'coordinador' : 'gestor',
      cuentas: f.cuentas ?? 0,
    })),
  };
}
