import type { Db } from '../../db/conexion.ts';
import type { ContextoAutenticado } from '../contexto.ts';
import { consultarEnCatalogo } from './catalogo-versionado.ts';
import { ALTERNATIVAS } from './tipos-de-catalogo.ts';
import type { AlternativaVista } from './vista-catalogo.ts';

/** One alternative with every version it ever had. */
export function consultarAlternativa(
  trx: Db,
  id: number,
  ctx: ContextoAutenticado,
): Promise<AlternativaVista> {
  return consultarEnCatalogo(trx, ALTERNATIVAS, id, ctx);
}
