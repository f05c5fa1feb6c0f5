import type { Db } from '../../db/conexion.ts';
import type { ContextoAutenticado } from '../contexto.ts';
import { crearEnCatalogo } from './catalogo-versionado.ts';
import type { DatosVersionCampana } from './esquemas.ts';
import { CAMPANAS } from './tipos-de-catalogo.ts';
import type { CampanaVista } from './vista-catalogo.ts';

export type NuevaCampana = DatosVersionCampana & { clave: string };

/** A campaign approved by the Junta Directiva, with its first version. */
export function crearCampana(
  trx: Db,
  datos: NuevaCampana,
  ctx: ContextoAutenticado,
): Promise<CampanaVista> {
  return crearEnCatalogo(trx, CAMPANAS, datos, ctx);
}
