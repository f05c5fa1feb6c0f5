import type { Db } from '../../db/conexion.ts';
import { ErrorDominio } from '../../domain/errores.ts';
import { registrarEnBitacora } from '../bitacora/registrar-en-bitacora.ts';
import { type ContextoAutenticado, origenDe } from '../contexto.ts';
import { anexarVersionCampana } from './escribir-version.ts';
import type { DatosVersionCampana } from './esquemas.ts';
import { verificarElegibilidad, vigenteDesdeValida } from './reglas-catalogo.ts';
import { cargarCampanas } from './versiones.ts';
import { type CampanaVista, campanaVista } from './vista-catalogo.ts';

/**
 * Editing a campaign (extending it, changing its discount, ending it early with
 * `activa: false`) adds a version; convenios keep the version they were signed under.
 */
export async function versionarCampana(
  trx: Db,
  id: number,
  datos: DatosVersionCampana,
  ctx: ContextoAutenticado,
): Promise<CampanaVista> {
  const actual = await trx
    .selectFrom('campanas')
    .select(['id', 'clave'])
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (!actual) throw new ErrorDominio('no_encontrado', 'La campaña no existe.');
  const hoy = ctx.reloj.hoy();
  const vigenteDesde = vigenteDesdeValida(datos.vigenteDesde, hoy);
  await verificarElegibilidad(trx, datos.elegibilidad);
  const ultima = await trx
    .selectFrom('versiones_campana')
    .select(['id', 'version'])
    .where('campana_id', '=', id)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
  const version = (ultima?.version ?? 0) + 1;
  const { versionId, contenido } = await anexarVersionCampana(
    trx,
    id,
    version,
    datos,
    vigenteDesde,
    ctx,
  );
  await registrarEnBitacora(trx, origenDe(ctx), {
    accion: 'campana.versionar',
    objetoTipo: 'campana',
    objetoId: id,
    detalle: {
      clave: actual.clave,
      versionId,
      versionAnteriorId: ultima?.id ?? null,
      ...contenido,
    },
  });
  const [campana] = await cargarCampanas(trx, [id]);
  if (!campana) throw new Error('la campaña versionada no se encontró');
  return campanaVista(campana, hoy, true);
}
