import type { Db } from '../../db/conexion.ts';
import { ErrorDominio } from '../../domain/errores.ts';
import { registrarEnBitacora } from '../bitacora/registrar-en-bitacora.ts';
import { type ContextoAutenticado, origenDe } from '../contexto.ts';
import { type DespachoJson, unDespachoComoJson, vincularAbogados } from './vista-despacho.ts';

export interface DatosDespacho {
  nombre: string;
  contacto: string | null;
  telefono: string | null;
  correo: string | null;
  abogadoIds?: number[];
}

export async function nombreLibre(trx: Db, nombre: string, salvo: number | null): Promise<void> {
  let q = trx
    .selectFrom('despachos')
    .select('id')
    .where((eb) => eb(eb.fn('lower', ['nombre']), '=', nombre.toLowerCase()));
  if (salvo !== null) q = q.where('id', '<>', salvo);
  if (await q.executeTakeFirst()) {
    throw new ErrorDominio('conflicto', `Ya existe un despacho llamado «${nombre}».`, 'nombre');
  }
}

/** A new law firm in the catalogue (administrador), with the lawyers tied to it. */
export async function crearDespacho(
  trx: Db,
  datos: DatosDespacho,
  ctx: ContextoAutenticado,
): Promise<DespachoJson> {
  await nombreLibre(trx, datos.nombre, null);
  const { id } = await trx
    .insertInto('despachos')
    .values({
      nombre: datos.nombre,
      contacto: datos.contacto,
      telefono: datos.telefono,
      correo: datos.correo,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (datos.abogadoIds !== undefined) await vincularAbogados(trx, id, datos.abogadoIds);
  await registrarEnBitacora(trx, origenDe(ctx), {
    accion: 'despacho.crear',
    objetoTipo: 'despacho',
    objetoId: id,
    detalle: { ...datos },
  });
  return unDespachoComoJson(trx, id);
}
