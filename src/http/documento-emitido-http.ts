import type { FastifyReply } from 'fastify';
import type { Db } from '../db/conexion.ts';
import type { ContextoAutenticado } from '../modules/contexto.ts';
import { emitirDocumento } from '../modules/plantillas/emitir-documento.ts';
import { generarDocumento } from '../modules/plantillas/generar-documento.ts';
import {
  prepararDocumento,
  type SolicitudDeDocumento,
} from '../modules/plantillas/preparar-documento.ts';
import { descarga } from './ruta.ts';

/**
 * An issuing route's answer: the document prepared and recorded as issued in one transaction
 * (template and datos versions, content), then printed from what was recorded. The emission's
 * id travels in `X-Documento-Emitido`: `GET /api/documentos-emitidos/:id/pdf` prints it again.
 */
export async function emitirYDescargar(
  peticion: {
    ctx: ContextoAutenticado;
    enTransaccion<T>(trabajo: (trx: Db) => Promise<T>): Promise<T>;
    reply: FastifyReply;
  },
  solicitud: SolicitudDeDocumento,
): Promise<FastifyReply> {
  const { ctx, enTransaccion, reply } = peticion;
  const emitido = await enTransaccion(async (trx) =>
    emitirDocumento(trx, await prepararDocumento(trx, solicitud, ctx), ctx),
  );
  const pdf = await generarDocumento(emitido.impresion);
  reply.header('x-documento-emitido', String(emitido.id));
  return descarga(reply, { tipo: 'pdf', nombre: emitido.nombre, cuerpo: pdf });
}
