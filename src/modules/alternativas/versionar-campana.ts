import type { Db } from '../../db/conexion.ts';
import type { ContextoAutenticado } from '../contexto.ts';
import { versionarEnCatalogo } from './catalogo-versionado.ts';
import type { DatosVersionCampana } from './esquemas.ts';
import { CAMPANAS } from './tipos-de-catalogo.ts';
import type { CampanaVista } from './vista-catalogo.ts';

/**
 * Editing a campaign (extending it, changing its discount, ending it early with
 * `activa: false`) adds a version; convenios keep the version they were signed under.
 */
export function versionarCampana(
  trx: Db,
  id: number,
  datos: DatosVersionCampana,
  ctx: ContextoAutenticado,
): Promise<CampanaVista> {
  return versionarEnCatalogo(trx, CAMPANAS, id, datos, ctx);
}
