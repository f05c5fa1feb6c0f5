import type { Db } from '../../db/conexion.ts';
import type { ContextoAutenticado } from '../contexto.ts';
import { listarCatalogo } from './catalogo-versionado.ts';
import { ALTERNATIVAS } from './tipos-de-catalogo.ts';
import type { AlternativaVista } from './vista-catalogo.ts';

/** The catalogue as of today: each alternative's version in force and any scheduled one. */
export function listarAlternativas(trx: Db, ctx: ContextoAutenticado): Promise<AlternativaVista[]> {
  return listarCatalogo(trx, ALTERNATIVAS, ctx);
}
