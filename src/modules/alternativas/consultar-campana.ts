import type { Db } from '../../db/conexion.ts';
import { ErrorDominio } from '../../domain/errores.ts';
import type { ContextoAutenticado } from '../contexto.ts';
import { cargarCampanas } from './versiones.ts';
import { type CampanaVista, campanaVista } from './vista-catalogo.ts';

/** One campaign with every version it ever had. */
export async function consultarCampana(
  trx: Db,
  id: number,
  ctx: ContextoAutenticado,
): Promise<CampanaVista> {
  const [campana] = await cargarCampanas(trx, [id]);
  if (!campana) throw new ErrorDominio('no_encontrado', 'La campaña no existe.');
  return campanaVista(campana, ctx.reloj.hoy(), true);
}
