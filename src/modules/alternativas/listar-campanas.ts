import type { Db } from '../../db/conexion.ts';
import type { ContextoAutenticado } from '../contexto.ts';
import { listarCatalogo } from './catalogo-versionado.ts';
import { CAMPANAS } from './tipos-de-catalogo.ts';
import type { CampanaVista } from './vista-catalogo.ts';

/** The campaigns as of today: each one's version in force, its situation and any scheduled version. */
export function listarCampanas(trx: Db, ctx: ContextoAutenticado): Promise<CampanaVista[]> {
  return listarCatalogo(trx, CAMPANAS, ctx);
}
