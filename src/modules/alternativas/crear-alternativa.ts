import type { Db } from '../../db/conexion.ts';
import type { ContextoAutenticado } from '../contexto.ts';
import { crearEnCatalogo } from './catalogo-versionado.ts';
import type { DatosVersionAlternativa } from './esquemas.ts';
import { ALTERNATIVAS } from './tipos-de-catalogo.ts';
import type { AlternativaVista } from './vista-catalogo.ts';

export type NuevaAlternativa = DatosVersionAlternativa & { clave: string };

/** A new catalogue entry with its first version; its kind and clave never change. */
export function crearAlternativa(
  trx: Db,
  datos: NuevaAlternativa,
  ctx: ContextoAutenticado,
): Promise<AlternativaVista> {
  return crearEnCatalogo(trx, ALTERNATIVAS, datos, ctx);
}
