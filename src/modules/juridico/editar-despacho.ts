import type { Db } from '../../db/conexion.ts';
import { ErrorDominio } from '../../domain/errores.ts';
import { registrarEnBitacora } from '../bitacora/registrar-en-bitacora.ts';
import { type ContextoAutenticado, origenDe } from '../contexto.ts';
import { type DatosDespacho, nombreLibre } from './crear-despacho.ts';
import { type DespachoJson, unDespachoComoJson, vincularAbogados } from './vista-despacho.ts';

export type CambiosDespacho = Partial<DatosDespacho> & { activo?: boolean };

/**
 * Edits a firm (administrador). Deactivating one stops new turnados to it; the accounts it
 * holds stay until they are recalled, so that nothing changes hands without an acuse.
 */
export async function editarDespacho(
  trx: Db,
  id: number,
  cambios: CambiosDespacho,
  ctx: ContextoAutenticado,
): Promise<DespachoJson> {
  const antes = await trx
    .selectFrom('despachos')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (!antes) throw new ErrorDominio('no_encontrado', 'El despacho no existe.');
  if (cambios.nombre !== undefined) await nombreLibre(trx, cambios.nombre, id);
  const { abogadoIds, ...columnas } = cambios;
  if (Object.keys(columnas).length > 0) {
    await trx.updateTable('despachos').set(columnas).where('id', '=', id).execute();
  }
  if (abogadoIds !== undefined) await vincularAbogados(trx, id, abogadoIds);
  await registrarEnBitacora(trx, origenDe(ctx), {
    accion: 'despacho.editar',
    objetoTipo: 'despacho',
    objetoId: id,
    detalle: { antes, cambios },
  });
  return unDespachoComoJson(trx, id);
}
