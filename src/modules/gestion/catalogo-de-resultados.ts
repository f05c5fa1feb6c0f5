import type { Db } from '../../db/conexion.ts';
import { ErrorDominio } from '../../domain/errores.ts';
import { registrarEnBitacora } from '../bitacora/registrar-en-bitacora.ts';
import { type ContextoAutenticado, origenDe } from '../contexto.ts';

export interface ResultadoDeGestion {
  id: number;
  clave: string;
  nombre: string;
  contactoEfectivo: boolean;
  promesa: boolean;
  activo: boolean;
  orden: number;
}

export interface CambioDeResultado {
  nombre?: string | undefined;
  contactoEfectivo?: boolean | undefined;
  promesa?: boolean | undefined;
  activo?: boolean | undefined;
  orden?: number | undefined;
}

const COLUMNAS = [
  'id',
  'clave',
  'nombre',
  'contacto_efectivo',
  'promesa',
  'activo',
  'orden',
] as const;

function vista(f: {
  id: number;
  clave: string;
  nombre: string;
  contacto_efectivo: boolean;
  promesa: boolean;
  activo: boolean;
  orden: number;
}): ResultadoDeGestion {
  return {
    id: f.id,
    clave: f.clave,
    nombre: f.nombre,
    contactoEfectivo: f.contacto_efectivo,
    promesa: f.promesa,
    activo: f.activo,
    orden: f.orden,
  };
}

/** The results a gestión may have, in the catalogue's order; inactive ones only on request. */
export async function listarResultados(
  trx: Db,
  incluirInactivos: boolean,
): Promise<{ resultados: ResultadoDeGestion[] }> {
  let q = trx.selectFrom('resultados_gestion').select(COLUMNAS);
  if (!incluirInactivos) q = q.where('activo', '=', true);
  const filas = await q.orderBy('orden').orderBy('id').execute();
  return { resultados: filas.map(vista) };
}

/**
 * A new result in the catalogue (administrador). Its clave is fixed once created: gestiones
 * and indicators refer to it; a result no longer used is deactivated, never deleted.
 */
export async function crearResultado(
  trx: Db,
  nuevo: {
    clave: string;
    nombre: string;
    contactoEfectivo: boolean;
    promesa: boolean;
    orden: number;
  },
  ctx: ContextoAutenticado,
): Promise<ResultadoDeGestion> {
  const existe = await trx
    .selectFrom('resultados_gestion')
    .select('id')
    .where('clave', '=', nuevo.clave)
    .executeTakeFirst();
  if (existe)
    throw new ErrorDominio(
      'conflicto',
      `Ya hay un resultado con la clave «${nuevo.clave}».`,
      'clave',
    );
  const fila = await trx
    .insertInto('resultados_gestion')
    .values({
      clave: nuevo.clave,
      nombre: nuevo.nombre,
      contacto_efectivo: nuevo.contactoEfectivo,
      promesa: nuevo.promesa,
      orden: nuevo.orden,
    })
    .returning(COLUMNAS)
    .executeTakeFirstOrThrow();
  await registrarEnBitacora(trx, origenDe(ctx), {
    accion: 'resultado_gestion.crear',
    objetoTipo: 'resultado_gestion',
    objetoId: fila.id,
    detalle: { despues: vista(fila) },
  });
  return vista(fila);
}

export async function cambiarResultado(
  trx: Db,
  id: number,
  cambio: CambioDeResultado,
  ctx: ContextoAutenticado,
): Promise<ResultadoDeGestion> {
  const antes = await trx
    .selectFrom('resultados_gestion')
    .select(COLUMNAS)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (!antes) throw new ErrorDominio('no_encontrado', 'Ese resultado no existe.');
  const despues = await trx
    .updateTable('resultados_gestion')
    .set({
      ...(cambio.nombre === undefined ? {} : { nombre: cambio.nombre }),
      ...(cambio.contactoEfectivo === undefined
        ? {}
        : { contacto_efectivo: cambio.contactoEfectivo }),
      ...(cambio.promesa === undefined ? {} : { promesa: cambio.promesa }),
      ...(cambio.activo === undefined ? {} : { activo: cambio.activo }),
      ...(cambio.orden === undefined ? {} : { orden: cambio.orden }),
    })
    .where('id', '=', id)
    .returning(COLUMNAS)
    .executeTakeFirstOrThrow();
  await registrarEnBitacora(trx, origenDe(ctx), {
    accion: 'resultado_gestion.cambiar',
    objetoTipo: 'resultado_gestion',
    objetoId: id,
    detalle: { antes: vista(antes), despues: vista(despues) },
  });
  return vista(despues);
}
