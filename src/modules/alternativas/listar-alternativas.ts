import type { Db } from '../../db/conexion.ts';
import type { ContextoAutenticado } from '../contexto.ts';
import { cargarAlternativas } from './versiones.ts';
import { type AlternativaVista, alternativaVista } from './vista-catalogo.ts';

/** The catalogue as of today: each alternative's version in force and any scheduled one. */
export async function listarAlternativas(
  trx: Db,
  ctx: ContextoAutenticado,
): Promise<AlternativaVista[]> {
  const hoy = ctx.reloj.hoy();
  return (await cargarAlternativas(trx)).map((a) => alternativaVista(a, hoy, false));
}
