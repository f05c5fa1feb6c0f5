import type { Db } from '../../db/conexion.ts';
import { registrarEnBitacora } from '../bitacora/registrar-en-bitacora.ts';
import { type ContextoAutenticado, origenDe } from '../contexto.ts';
import type { ConvenioPdf } from '../convenios/preparar-convenio-pdf.ts';
import type { DatosDelInstituto } from '../instituto/datos-del-instituto.ts';
import type { ContenidoDeDocumento, Impresion } from './generar-documento.ts';
import { leerPlantilla } from './leer-plantilla.ts';

/** What an issuing route hands over: the prepared document and what it is about. */
export interface DocumentoAEmitir {
  documento: ContenidoDeDocumento;
  instituto: DatosDelInstituto;
  creditoId: number;
  movimientoId?: number;
  convenioId?: number;
  /** What was asked for (the statement's date, the ficha's amount), for the list. */
  parametros: Record<string, string | number | null>;
  /** The file's name for the browser. */
  nombre: string;
}

export interface DocumentoEmitido {
  id: number;
  impresion: Impresion;
  nombre: string;
}

/**
 * A convenio's debt breakdown as it prints: the figures, without the schedule and the rate
 * objects the engine carries (they are not printed and do not all travel as JSON).
 */
function convenioParaGuardar(c: Omit<ConvenioPdf, 'instituto'>): Omit<ConvenioPdf, 'instituto'> {
  return {
    ...c,
    creditos: c.creditos.map((cr) => ({
      ...cr,
      adeudo: { ...cr.adeudo, amortizaciones: [], aplicaciones: [], tasaDelPeriodoAbierto: null },
    })),
  };
}

/**
 * Records a document as issued, in the caller's transaction: the template versions in force,
 * the datos del instituto version, who and when, and the content it prints. The content goes
 * through JSON before it is printed, so the first print and every reprint read the very same
 * input: same template version and datos version give the same text.
 */
export async function emitirDocumento(
  trx: Db,
  entrada: DocumentoAEmitir,
  ctx: ContextoAutenticado,
): Promise<DocumentoEmitido> {
  const documento: ContenidoDeDocumento =
    entrada.documento.tipo === 'convenio'
      ? { tipo: 'convenio', contenido: convenioParaGuardar(entrada.documento.contenido) }
      : entrada.documento;
  const contenido: unknown = JSON.parse(JSON.stringify(documento.contenido));
  const plantilla = await leerPlantilla(trx, documento.tipo);
  const conPagare =
    documento.tipo === 'convenio' &&
    documento.contenido.creditos.some((cr) => cr.reestructura !== null);
  const plantillaPagare = conPagare ? await leerPlantilla(trx, 'pagare') : null;
  const emitidoEn = ctx.reloj.ahora();
  const fila = await trx
    .insertInto('documentos_emitidos')
    .values({
      tipo: documento.tipo,
      credito_id: entrada.creditoId,
      movimiento_id: entrada.movimientoId ?? null,
      convenio_id: entrada.convenioId ?? null,
      parametros: JSON.stringify(entrada.parametros),
      contenido: JSON.stringify({ documento: contenido, emitidoPor: ctx.actor.nombre }),
      plantilla_version: plantilla.version,
      plantilla_pagare_version: plantillaPagare?.version ?? null,
      datos_instituto_version: entrada.instituto.version,
      emitido_por: ctx.actor.id,
      emitido_en: emitidoEn,
    })
    .returning(['id', 'emitido_en'])
    .executeTakeFirstOrThrow();
  await registrarEnBitacora(trx, origenDe(ctx), {
    accion: 'documento.emitir',
    objetoTipo: 'credito',
    objetoId: entrada.creditoId,
    detalle: {
      documentoId: fila.id,
      tipo: documento.tipo,
      plantillaVersion: plantilla.version,
      datosInstitutoVersion: entrada.instituto.version,
    },
  });
  return {
    id: fila.id,
    nombre: entrada.nombre,
    impresion: {
      ...({ tipo: documento.tipo, contenido } as ContenidoDeDocumento),
      instituto: entrada.instituto,
      // As stored (microseconds dropped the same way a reprint reads them).
      emision: { emitido: fila.emitido_en, usuario: ctx.actor.nombre },
      plantilla,
      plantillaPagare,
    },
  };
}
