import { z } from 'zod';
import { revelado } from '../../contrato/datos-personales.ts';
import {
  recado as esquemaRecado,
  recadoAtendido,
  recadosDelUsuario,
} from '../../contrato/recados.ts';
import { ErrorDominio } from '../../domain/errores.ts';
import { ESTADOS_RECADO, type EstadoRecado } from '../../domain/gestion/estado-recado.ts';
import { atenderRecado } from '../../modules/recados/atender-recado.ts';
import { listarRecados } from '../../modules/recados/listar-recados.ts';
import { marcarRecadoLeido } from '../../modules/recados/marcar-recado-leido.ts';
import { registrarRecado } from '../../modules/recados/registrar-recado.ts';
import { revelarTelefonoDelRecado } from '../../modules/recados/revelar-telefono-del-recado.ts';
import type { ContextoApp } from '../app.ts';
import { abrirAvisosEnVivo } from '../avisos-en-vivo.ts';
import { enrutador } from '../ruta.ts';
import { id, idEnRuta, instante, texto, textoOpcional } from '../validacion.ts';
import { cuerpoGestion } from './esquema-gestion.ts';

const nuevo = z.strictObject({
  creditoId: id.nullable().default(null),
  personaId: id.nullable().default(null),
  llamanteNombre: texto(200),
  llamanteTelefono: textoOpcional(40).default(null),
  paraId: id.nullable().default(null),
  mensaje: texto(2000, { renglones: true }),
  volverALlamar: instante.nullable().default(null),
});
const consulta = z.strictObject({
  estado: z
    .enum(ESTADOS_RECADO as [EstadoRecado, ...EstadoRecado[]], 'debe ser nuevo, leido o atendido')
    .optional(),
});
// A gestión's body; the recado is the one in the path, and the credit is named only when the
// recado names none.
const atencion = cuerpoGestion.omit({ recadoId: true }).extend({
  creditoId: id.nullable().default(null),
});

export function rutasRecados(contexto: ContextoApp): void {
  const rutas = enrutador(contexto);

  rutas.post(
    '/api/recados',
    {
      accion: 'recados.registrar',
      resumen: 'Toma un recado para un gestor (201)',
      body: nuevo,
      respuesta: esquemaRecado,
    },
    async ({ body, ctx, enTransaccion, responder }) =>
      responder(201, await enTransaccion((trx) => registrarRecado(trx, body, ctx))),
  );

  rutas.get(
    '/api/recados',
    {
      accion: 'recados.consultar',
      resumen: 'Mis recados y cuántos están sin leer',
      query: consulta,
      respuesta: recadosDelUsuario,
    },
    async ({ query: { estado }, ctx, enTransaccion }) =>
      enTransaccion((trx) => listarRecados(trx, estado ?? null, ctx)),
  );

  rutas.post(
    '/api/recados/:id/lectura',
    {
      accion: 'recados.consultar',
      resumen: 'Marca un recado como leído',
      params: idEnRuta,
      respuesta: esquemaRecado,
    },
    async ({ params: { id: recadoId }, ctx, enTransaccion }) =>
      enTransaccion((trx) => marcarRecadoLeido(trx, recadoId, ctx)),
  );

  rutas.post(
    '/api/recados/:id/atencion',
    {
      accion: 'recados.atender',
      resumen: 'Atiende un recado con una gestión (201; 422 si las reglas de contacto la rechazan)',
      params: idEnRuta,
      body: atencion,
      respuesta: recadoAtendido,
    },
    async ({
      params: { id: recadoId },
      body: { creditoId, ...g },
      ctx,
      enTransaccion,
      responder,
    }) => {
      // A refused contact commits its bitácora row, then answers 422.
      const r = await enTransaccion((trx) => atenderRecado(trx, recadoId, creditoId, g, ctx));
      if (r.rechazo !== null) throw new ErrorDominio(r.rechazo.codigo, r.rechazo.mensaje);
      return responder(201, { gestion: r.gestion, recado: r.recado });
    },
  );

  // The caller's number, whole, to call back: a logged reveal (the list shows it masked).
  rutas.post(
    '/api/recados/:id/revelar',
    {
      accion: 'personas.revelar',
      resumen: 'Revela el teléfono completo de quien dejó el recado (queda en bitácora)',
      params: idEnRuta,
      body: z.strictObject({}),
      respuesta: revelado,
    },
    async ({ params: { id: recadoId }, ctx, enTransaccion }) =>
      enTransaccion((trx) => revelarTelefonoDelRecado(trx, recadoId, ctx)),
  );

  // Server-sent events: a line each time this user's recados change; the page then refetches.
  rutas.get(
    '/api/recados/avisos',
    {
      accion: 'recados.consultar',
      resumen: 'Avisos en vivo de cambios en mis recados (SSE)',
      eventos: true,
    },
    async ({ ctx, request, reply }) => {
      abrirAvisosEnVivo(request, reply, contexto.deps.avisos, 'recados', String(ctx.actor.id));
    },
  );
}
