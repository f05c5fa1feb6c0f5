import type { Db } from '../../db/conexion.ts';
import type { ContextoAutenticado } from '../contexto.ts';
import { consultarEnCatalogo } from './catalogo-versionado.ts';
import { CAMPANAS } from './tipos-de-catalogo.ts';
import type { CampanaVista } from './vista-catalogo.ts';

/** One campaign with every version it ever had. */
export function consultarCampana(
  trx: Db,
  id: number,
  ctx: ContextoAutenticado,
): Promise<CampanaVista> {
  return consultarEnCatalogo(trx, CAMPANAS, id, ctx);
}
