import type { Db } from '../../db/conexion.ts';
import type { ContextoAutenticado } from '../contexto.ts';
import { versionarEnCatalogo } from './catalogo-versionado.ts';
import type { DatosVersionAlternativa } from './esquemas.ts';
import { ALTERNATIVAS } from './tipos-de-catalogo.ts';
import type { AlternativaVista } from './vista-catalogo.ts';

/**
 * Editing an alternative adds a version; its kind must stay the one it was created with.
 * Deactivating is a version with `activa: false`.
 */
export function versionarAlternativa(
  trx: Db,
  id: number,
  datos: DatosVersionAlternativa,
  ctx: ContextoAutenticado,
): Promise<AlternativaVista> {
  return versionarEnCatalogo(trx, ALTERNATIVAS, id, datos, ctx);
}
