import type { Db } from '../../db/conexion.ts';
import { ETIQUETA_TIPO } from '../../domain/alternativas/index.ts';
import { ErrorDominio } from '../../domain/errores.ts';
import { registrarEnBitacora } from '../bitacora/registrar-en-bitacora.ts';
import { type ContextoAutenticado, origenDe } from '../contexto.ts';
import { anexarVersionAlternativa } from './escribir-version.ts';
import type { DatosVersionAlternativa } from './esquemas.ts';
import { verificarElegibilidad, vigenteDesdeValida } from './reglas-catalogo.ts';
import { cargarAlternativas } from './versiones.ts';
import { type AlternativaVista, alternativaVista } from './vista-catalogo.ts';

/**
 * Editing an alternative adds a version (the old ones stay, append-only): convenios signed
 * under an earlier version keep pointing to it. Deactivating is a version with `activa: false`.
 */
export async function versionarAlternativa(
  trx: Db,
  id: number,
  datos: DatosVersionAlternativa,
  ctx: ContextoAutenticado,
): Promise<AlternativaVista> {
  // Locked: two edits at once get consecutive version numbers, not the same one.
  const actual = await trx
    .selectFrom('alternativas')
    .select(['id', 'clave', 'tipo'])
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (!actual) throw new ErrorDominio('no_encontrado', 'La alternativa no existe.');
  if (actual.tipo !== datos.tipo) {
    throw new ErrorDominio(
      'conflicto',
      `El tipo de una alternativa no cambia (esta es de ${ETIQUETA_TIPO[actual.tipo].toLowerCase()}); crea una alternativa nueva.`,
      'tipo',
    );
  }
  const hoy = ctx.reloj.hoy();
  const vigenteDesde = vigenteDesdeValida(datos.vigenteDesde, hoy);
  await verificarElegibilidad(trx, datos.elegibilidad);
  const ultima = await trx
    .selectFrom('versiones_alternativa')
    .select(['id', 'version'])
    .where('alternativa_id', '=', id)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
  const version = (ultima?.version ?? 0) + 1;
  const { versionId, contenido } = await anexarVersionAlternativa(
    trx,
    id,
    version,
    datos,
    vigenteDesde,
    ctx,
  );
  await registrarEnBitacora(trx, origenDe(ctx), {
    accion: 'alternativa.versionar',
    objetoTipo: 'alternativa',
    objetoId: id,
    detalle: {
      clave: actual.clave,
      versionId,
      versionAnteriorId: ultima?.id ?? null,
      ...contenido,
    },
  });
  const [alternativa] = await cargarAlternativas(trx, [id]);
  if (!alternativa) throw new Error('la alternativa versionada no se encontró');
  return alternativaVista(alternativa, hoy, true);
}
