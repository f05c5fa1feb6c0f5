import type { Db } from '../../db/conexion.ts';
import { puede } from '../autorizacion/politicas.ts';
import type { ContextoAutenticado } from '../contexto.ts';
import { creditoAlAlcance } from '../referencias/consultar-referencia.ts';
import type { DocumentoAEmitir } from './emitir-documento.ts';
import type { TipoDeDocumentoEmitido } from './generar-documento.ts';
import { ACCION_DEL_DOCUMENTO } from './reimprimir-documento.ts';

export interface DocumentoEmitidoEnLista {
  id: number;
  tipo: TipoDeDocumentoEmitido;
  parametros: DocumentoAEmitir['parametros'];
  movimientoId: number | null;
  convenioId: number | null;
  plantillaVersion: number;
  datosInstitutoVersion: number | null;
  emitidoPor: string;
  emitidoEn: string;
  /** Its stored copy was withdrawn by an ARCO block: it cannot be reprinted. */
  retirado: boolean;
}

/**
 * The documents issued for a credit, newest first, of the kinds the actor may print. It names
 * no person beyond who issued each (staff), so reading it is not logged; reprinting one is.
 */
export async function listarDocumentosEmitidos(
  trx: Db,
  creditoId: number,
  ctx: ContextoAutenticado,
): Promise<DocumentoEmitidoEnLista[]> {
  await creditoAlAlcance(trx, creditoId, ctx);
  const tipos = Object.entries(ACCION_DEL_DOCUMENTO)
    .filter(([, accion]) => puede(ctx.actor, accion))
    .map(([tipo]) => tipo);
  if (tipos.length === 0) return [];
  const filas = await trx
    .selectFrom('documentos_emitidos as d')
    .innerJoin('usuarios as u', 'u.id', 'd.emitido_por')
    .select([
      'd.id',
      'd.tipo',
      'd.parametros',
      'd.movimiento_id',
      'd.convenio_id',
      'd.plantilla_version',
      'd.datos_instituto_version',
      'u.nombre as emitido_por',
      'd.emitido_en',
      'd.contenido_retirado_en',
    ])
    .where('d.credito_id', '=', creditoId)
    .where('d.tipo', 'in', tipos)
    .$narrowType<{ tipo: TipoDeDocumentoEmitido }>()
    .orderBy('d.id', 'desc')
    .limit(200)
    .execute();
  return filas.map((f) => ({
    id: f.id,
    tipo: f.tipo,
    // Written by emitirDocumento from this same type (JSON of what was asked for).
    parametros: f.parametros as DocumentoAEmitir['parametros'],
    movimientoId: f.movimiento_id,
    convenioId: f.convenio_id,
    plantillaVersion: f.plantilla_version,
    datosInstitutoVersion: f.datos_instituto_version,
    emitidoPor: f.emitido_por,
    emitidoEn: f.emitido_en.toISOString(),
    retirado: f.contenido_retirado_en !== null,
  }));
}
