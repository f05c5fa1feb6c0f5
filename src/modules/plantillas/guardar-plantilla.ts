import { sql } from 'kysely';
import type { Db } from '../../db/conexion.ts';
import { ErrorDominio } from '../../domain/errores.ts';
import {
  normalizarTextos,
  type TextosDePlantilla,
  type TipoPlantilla,
} from '../../domain/plantillas/index.ts';
import { registrarEnBitacora } from '../bitacora/registrar-en-bitacora.ts';
import { type ContextoAutenticado, origenDe } from '../contexto.ts';
import { exigirTextosValidos } from './exigir-textos-validos.ts';
import { leerPlantilla, type VersionDePlantilla } from './leer-plantilla.ts';

// Namespace of the advisory lock (with the document type) that gives saves consecutive versions.
const CANDADO_PLANTILLAS = 727_033;

/**
 * A new version of a document's texts, in force from now on; the earlier ones stay, so the
 * documents issued with them reprint as they were. Refused, with every error by section and
 * line, when a text names a variable the document does not have or leaves a brace open.
 * `basadaEn` is the version the editor started from: if someone saved in between, the save
 * is refused rather than silently replacing their texts.
 */
export async function guardarPlantilla(
  trx: Db,
  tipo: TipoPlantilla,
  entrada: { textos: TextosDePlantilla; basadaEn?: number | undefined },
  ctx: ContextoAutenticado,
): Promise<VersionDePlantilla> {
  const crudos = Object.fromEntries(
    Object.entries(entrada.textos).map(([clave, t]) => [clave, t.replace(/\r\n?/g, '\n')]),
  );
  exigirTextosValidos(tipo, crudos, 'guardar');
  const textos = normalizarTextos(tipo, crudos);
  // One save at a time per document: the version number is the previous one plus one. (The
  // app may not lock the rows themselves: it only reads and inserts them.)
  await sql`SELECT pg_advisory_xact_lock(${CANDADO_PLANTILLAS}, hashtext(${tipo}))`.execute(trx);
  const vigente = await leerPlantilla(trx, tipo);
  if (entrada.basadaEn !== undefined && entrada.basadaEn !== vigente.version) {
    throw new ErrorDominio(
      'conflicto',
      `Alguien guardó la versión ${vigente.version} mientras editabas la ${entrada.basadaEn}: recarga la plantilla y vuelve a aplicar tus cambios.`,
    );
  }
  const version = vigente.version + 1;
  const fila = await trx
    .insertInto('plantillas')
    .values({
      tipo,
      version,
      textos: JSON.stringify(textos),
      guardado_por: ctx.actor.id,
      guardado_en: ctx.reloj.ahora(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await registrarEnBitacora(trx, origenDe(ctx), {
    accion: 'plantilla.guardar',
    objetoTipo: 'plantilla',
    objetoId: fila.id,
    detalle: { tipo, version, antes: vigente.version },
  });
  return leerPlantilla(trx, tipo, version);
}
