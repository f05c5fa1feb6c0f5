import type { Db } from '../../db/conexion.ts';
import { ErrorDominio } from '../../domain/errores.ts';
import { registrarEnBitacora } from '../bitacora/registrar-en-bitacora.ts';
import { type ContextoAutenticado, origenDe } from '../contexto.ts';
import { anexarVersionCampana } from './escribir-version.ts';
import type { DatosVersionCampana } from './esquemas.ts';
import { verificarElegibilidad, vigenteDesdeValida } from './reglas-catalogo.ts';
import { cargarCampanas } from './versiones.ts';
import { type CampanaVista, campanaVista } from './vista-catalogo.ts';

export type NuevaCampana = DatosVersionCampana & { clave: string };

/** A campaign approved by the Junta Directiva, with its first version. */
export async function crearCampana(
  trx: Db,
  datos: NuevaCampana,
  ctx: ContextoAutenticado,
): Promise<CampanaVista> {
  const hoy = ctx.reloj.hoy();
  const vigenteDesde = vigenteDesdeValida(datos.vigenteDesde, hoy);
  await verificarElegibilidad(trx, datos.elegibilidad);
  const creada = await trx
    .insertInto('campanas')
    .values({ clave: datos.clave, creada: ctx.reloj.ahora(), creada_por: ctx.actor.id })
    .onConflict((oc) => oc.column('clave').doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!creada) {
    throw new ErrorDominio(
      'conflicto',
      `Ya existe una campaña con la clave «${datos.clave}».`,
      'clave',
    );
  }
  const { versionId, contenido } = await anexarVersionCampana(
    trx,
    creada.id,
    1,
    datos,
    vigenteDesde,
    ctx,
  );
  await registrarEnBitacora(trx, origenDe(ctx), {
    accion: 'campana.crear',
    objetoTipo: 'campana',
    objetoId: creada.id,
    detalle: { clave: datos.clave, versionId, ...contenido },
  });
  const [campana] = await cargarCampanas(trx, [creada.id]);
  if (!campana) throw new Error('la campaña recién creada no se encontró');
  return campanaVista(campana, hoy, true);
}
