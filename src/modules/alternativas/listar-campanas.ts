import type { Db } from '../../db/conexion.ts';
import type { ContextoAutenticado } from '../contexto.ts';
import { cargarCampanas } from './versiones.ts';
import { type CampanaVista, campanaVista } from './vista-catalogo.ts';

/** The campaigns as of today: each one's version in force, its situation and any scheduled version. */
export async function listarCampanas(trx: Db, ctx: ContextoAutenticado): Promise<CampanaVista[]> {
  const hoy = ctx.reloj.hoy();
  return (await cargarCampanas(trx)).map((c) => campanaVista(c, hoy, false));
}
