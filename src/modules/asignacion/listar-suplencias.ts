import type { Db } from '../../db/conexion.ts';
import type { ContextoAutenticado } from '../contexto.ts';
import { consultaSuplencias, type SuplenciaVista, suplenciaVista } from './vista-suplencia.ts';

/** A list, not an archive: the most recent ones. */
const MAXIMO = 200;

/**
 * The suplencias the actor may see, newest first: a gestor, those where he is titular or
 * suplente; a coordinador, his office's (by the titular); the administrador, all. With
 * `vigentes`, only those in force today.
 */
export async function listarSuplencias(
  trx: Db,
  filtro: { vigentes: boolean },
  ctx: ContextoAutenticado,
): Promise<{ suplencias: SuplenciaVista[] }> {
  const hoy = ctx.reloj.hoy();
  const { actor } = ctx;
  let q = consultaSuplencias(trx);
  switch (actor.rol) {
    case 'administrador':
      break;
    case 'coordinador':
      q = q.where('t.oficina_id', '=', actor.oficinaId ?? -1);
      break;
    default:
      q = q.where((eb) =>
        eb.or([eb('s.titular_id', '=', actor.id), eb('s.suplente_id', '=', actor.id)]),
      );
  }
  if (filtro.vigentes) {
    q = q.where('s.cancelada', 'is', null).where('s.desde', '<=', hoy).where('s.hasta', '>=', hoy);
  }
  const filas = await q.orderBy('s.desde', 'desc').orderBy('s.id', 'desc').limit(MAXIMO).execute();
  return { suplencias: filas.map((f) => suplenciaVista(f, hoy)) };
}
