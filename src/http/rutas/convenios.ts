import { z } from 'zod';
import {
  limitesAutorizacion,
  listaConvenios,
  listaPendientes,
  respuestaConvenio,
  revisionDeConvenios,
} from '../../contrato/convenios.ts';
import { autorizarConvenio } from '../../modules/convenios/autorizar-convenio.ts';
import { cancelarConvenio } from '../../modules/convenios/cancelar-convenio.ts';
import { consultarConvenio } from '../../modules/convenios/consultar-convenio.ts';
import { consultarLimites } from '../../modules/convenios/consultar-limites.ts';
import { firmarConvenio } from '../../modules/convenios/firmar-convenio.ts';
import { listarConvenios } from '../../modules/convenios/listar-convenios.ts';
import { listarPendientes } from '../../modules/convenios/listar-pendientes.ts';
import { proponerConvenio } from '../../modules/convenios/proponer-convenio.ts';
import { revisarConvenios } from '../../modules/convenios/revisar-convenios.ts';
import { versionarLimites } from '../../modules/convenios/versionar-limites.ts';
import type { ContextoApp } from '../app.ts';
import { abrirAvisosEnVivo } from '../avisos-en-vivo.ts';
import { emitirYDescargar } from '../documento-emitido-http.ts';
import { enrutador } from '../ruta.ts';
import { fecha, id, idEnConsulta, idEnRuta, montoEnPesos, texto } from '../validacion.ts';

const nuevoConvenio = z
  .strictObject({
    creditoId: id.optional(),
    personaId: id.optional(),
    origen: z.enum(['alternativa', 'campana'], 'debe ser «alternativa» o «campana»'),
    versionId: id,
    primerPago: fecha.optional(),
    plazo: z
      .number()
      .int('debe ser un número entero')
      .min(1, 'debe ser al menos 1')
      .max(240, 'admite a lo más 240')
      .optional(),
    condiciones: texto(4000, { renglones: true }),
    firmantes: z
      .array(id, 'debe ser una lista de ids de persona')
      .min(1, 'indica al menos un firmante')
      .max(10, 'admite a lo más 10 firmantes')
      .refine((l) => new Set(l).size === l.length, 'no debe repetir personas'),
  })
  .refine((s) => (s.creditoId === undefined) !== (s.personaId === undefined), {
    message: 'indica el crédito (creditoId) o la persona (personaId), uno de los dos',
    path: ['creditoId'],
  });
const TIPOS = [
  '*',
  'liquidacion_con_descuento',
  'regularizacion',
  'convenio_de_pagos',
  'reestructura',
  'prorroga',
  'campana',
] as const;
const porcentaje = z
  .string('debe ser texto, p. ej. "0.10" para 10 %')
  .regex(
    /^(0(\.\d{1,8})?|1(\.0{1,8})?)$/,
    'debe ser una proporción entre "0" y "1", p. ej. "0.10"',
  );
const montoMaximo = montoEnPesos({
  tipo: 'debe ser un monto en pesos como texto, p. ej. "5000.00"',
  invalido: 'debe ser un monto en pesos con a lo más dos decimales',
});
const matriz = z.strictObject({
  vigenteDesde: fecha,
  limites: z
    .array(
      z.strictObject({
        rol: z.enum(['gestor', 'coordinador'], 'debe ser «gestor» o «coordinador»'),
        tipo: z.enum(TIPOS, `debe ser uno de: ${TIPOS.join(', ')}`),
        descuentoPorcentajeMaximo: porcentaje.nullable(),
        descuentoMontoMaximo: montoMaximo.nullable(),
        pagosMaximos: z
          .number()
          .int('debe ser un número entero')
          .min(1, 'debe ser al menos 1')
          .max(240, 'admite a lo más 240')
          .nullable(),
        permitido: z.boolean('debe ser verdadero o falso'),
      }),
    )
    .min(1, 'indica al menos un límite')
    .refine(
      (l) => new Set(l.map((x) => `${x.rol}:${x.tipo}`)).size === l.length,
      'no debe repetir la pareja rol y tipo',
    ),
});
const consultaLista = z.strictObject({
  creditoId: idEnConsulta.optional(),
  personaId: idEnConsulta.optional(),
  estado: z
    .enum(
      ['propuesto', 'autorizado', 'firmado', 'cumplido', 'incumplido', 'cancelado'],
      'no es un estado de convenio',
    )
    .optional(),
});
const firma = z.strictObject({ fechaFirma: fecha.optional() });
const cancelacion = z.strictObject({ motivo: texto(500, { renglones: true }) });
const sinCuerpo = z.strictObject({});

/** Convenios captured from a simulator offer, their authorization and their signing. */
export function rutasConvenios(contexto: ContextoApp): void {
  const rutas = enrutador(contexto);

  rutas.post(
    '/api/convenios',
    {
      accion: 'convenios.proponer',
      resumen: 'Propone un convenio a partir de una oferta del simulador',
      body: nuevoConvenio,
      respuesta: respuestaConvenio,
    },
    async ({ body: c, ctx, enTransaccion, responder }) => {
      const quien =
        c.creditoId !== undefined ? { creditoId: c.creditoId } : { personaId: c.personaId ?? 0 };
      const convenio = await enTransaccion((trx) =>
        proponerConvenio(
          trx,
          {
            quien,
            origen: c.origen,
            versionId: c.versionId,
            primerPago: c.primerPago ?? null,
            plazo: c.plazo ?? null,
            condiciones: c.condiciones,
            firmantes: c.firmantes,
          },
          ctx,
        ),
      );
      return responder(201, { convenio });
    },
  );

  rutas.get(
    '/api/convenios/pendientes',
    {
      accion: 'convenios.pendientes',
      resumen: 'Convenios que esperan autorización',
      respuesta: listaPendientes,
    },
    async ({ ctx, enTransaccion }) => ({
      pendientes: await enTransaccion((trx) => listarPendientes(trx, ctx)),
    }),
  );

  // Server-sent events: the convenios this user proposed, as a coordinador decides them
  // (event `convenios`, data `AvisoDeConvenio`).
  rutas.get(
    '/api/convenios/avisos',
    {
      accion: 'convenios.proponer',
      resumen: 'Avisos en vivo de las decisiones sobre mis convenios (SSE)',
      eventos: true,
    },
    async ({ ctx, request, reply }) => {
      abrirAvisosEnVivo(request, reply, contexto.deps.avisos, 'convenios', String(ctx.actor.id));
    },
  );

  rutas.get(
    '/api/convenios/:id',
    {
      accion: 'convenios.consultar',
      resumen: 'Consulta un convenio',
      params: idEnRuta,
      respuesta: respuestaConvenio,
    },
    async ({ params: { id: convenioId }, ctx, enTransaccion }) => ({
      convenio: await enTransaccion((trx) => consultarConvenio(trx, convenioId, ctx)),
    }),
  );

  rutas.post(
    '/api/convenios/:id/autorizacion',
    {
      accion: 'convenios.autorizar',
      resumen: 'Autoriza un convenio propuesto',
      params: idEnRuta,
      body: sinCuerpo,
      respuesta: respuestaConvenio,
    },
    async ({ params: { id: convenioId }, ctx, enTransaccion }) => ({
      convenio: await enTransaccion((trx) => autorizarConvenio(trx, convenioId, ctx)),
    }),
  );

  rutas.post(
    '/api/convenios/:id/cancelacion',
    {
      accion: 'convenios.cancelar',
      resumen: 'Cancela (o rechaza) un convenio con su motivo',
      params: idEnRuta,
      body: cancelacion,
      respuesta: respuestaConvenio,
    },
    async ({ params: { id: convenioId }, body: { motivo }, ctx, enTransaccion }) => ({
      convenio: await enTransaccion((trx) => cancelarConvenio(trx, convenioId, motivo, ctx)),
    }),
  );

  // Signing posts the condonaciones: it moves money, so it takes an Idempotency-Key.
  rutas.post(
    '/api/convenios/:id/firma',
    {
      accion: 'convenios.firmar',
      resumen: 'Registra la firma del convenio (requiere Idempotency-Key)',
      params: idEnRuta,
      body: firma,
      respuesta: respuestaConvenio,
    },
    async ({ params: { id: convenioId }, body: f, ctx, unaVez }) =>
      unaVez(async (trx) => ({
        estadoHttp: 200,
        cuerpo: { convenio: await firmarConvenio(trx, convenioId, f.fechaFirma ?? null, ctx) },
      })),
  );

  // On demand, what the nightly job does: promises against payments; a breach cancels the
  // condonaciones, so it takes an Idempotency-Key too.
  rutas.post(
    '/api/convenios/revision',
    {
      accion: 'convenios.revisar',
      body: sinCuerpo,
      resumen: 'Revisa ahora las promesas de los convenios firmados contra los pagos',
      respuesta: revisionDeConvenios,
    },
    async ({ ctx, unaVez }) =>
      unaVez(async (trx) => ({ estadoHttp: 200, cuerpo: await revisarConvenios(trx, ctx) })),
  );

  rutas.get(
    '/api/convenios/:id/convenio.pdf',
    {
      accion: 'convenios.consultar',
      resumen: 'El convenio en PDF para firmar',
      params: idEnRuta,
      archivo: ['pdf'],
    },
    async ({ params: { id: convenioId }, ctx, enTransaccion, reply }) =>
      emitirYDescargar({ ctx, enTransaccion, reply }, { tipo: 'convenio', convenioId }),
  );

  rutas.get(
    '/api/convenios/limites',
    {
      accion: 'convenios.limites_consultar',
      resumen: 'La matriz de límites de autorización: todas sus versiones y la vigente',
      respuesta: limitesAutorizacion,
    },
    async ({ ctx, enTransaccion }) => enTransaccion((trx) => consultarLimites(trx, ctx)),
  );

  rutas.post(
    '/api/convenios/limites',
    {
      accion: 'convenios.limites_administrar',
      body: matriz,
      resumen: 'Agrega una versión de la matriz de límites de autorización',
      respuesta: limitesAutorizacion,
    },
    async ({ body: m, ctx, enTransaccion, responder }) => {
      const r = await enTransaccion((trx) => versionarLimites(trx, m.vigenteDesde, m.limites, ctx));
      return responder(201, r);
    },
  );

  rutas.get(
    '/api/convenios',
    {
      accion: 'convenios.consultar',
      resumen: 'Los convenios de un crédito o de una persona',
      query: consultaLista,
      respuesta: listaConvenios,
    },
    async ({ query: q, ctx, enTransaccion }) => {
      const filtro = {
        creditoId: q.creditoId ?? null,
        personaId: q.personaId ?? null,
        estado: q.estado ?? null,
      };
      return { convenios: await enTransaccion((trx) => listarConvenios(trx, filtro, ctx)) };
    },
  );
}
