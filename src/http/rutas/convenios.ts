import { z } from 'zod';
import { type Centavos, centavosDesdeTexto } from '../../domain/dinero.ts';
import { autorizarConvenio } from '../../modules/convenios/autorizar-convenio.ts';
import { cancelarConvenio } from '../../modules/convenios/cancelar-convenio.ts';
import { consultarConvenio } from '../../modules/convenios/consultar-convenio.ts';
import { consultarLimites } from '../../modules/convenios/consultar-limites.ts';
import { generarPdfConvenio } from '../../modules/convenios/convenio-pdf.ts';
import { firmarConvenio } from '../../modules/convenios/firmar-convenio.ts';
import { listarConvenios } from '../../modules/convenios/listar-convenios.ts';
import { listarPendientes } from '../../modules/convenios/listar-pendientes.ts';
import { prepararConvenioPdf } from '../../modules/convenios/preparar-convenio-pdf.ts';
import { proponerConvenio } from '../../modules/convenios/proponer-convenio.ts';
import { revisarConvenios } from '../../modules/convenios/revisar-convenios.ts';
import { versionarLimites } from '../../modules/convenios/versionar-limites.ts';
import type { ContextoApp } from '../app.ts';
import { contextoDe } from '../autenticacion.ts';
import { responderUnaVez } from '../idempotencia-http.ts';
import { fecha, id, idEnConsulta, idEnRuta, texto, validar } from '../validacion.ts';

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
const montoMaximo = z
  .string('debe ser un monto en pesos como texto, p. ej. "5000.00"')
  .refine(
    (t) => centavosDesdeTexto(t) !== null,
    'debe ser un monto en pesos con a lo más dos decimales',
  )
  .transform((t) => centavosDesdeTexto(t) as Centavos);
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
export function rutasConvenios({ app, deps }: ContextoApp): void {
  const { db, reloj } = deps;
  const enTx = db.transaction.bind(db);

  app.post(
    '/api/convenios',
    { config: { accion: 'convenios.proponer' } },
    async (request, reply) => {
      const ctx = contextoDe(request, reloj);
      const c = validar(nuevoConvenio, request.body);
      const quien =
        c.creditoId !== undefined ? { creditoId: c.creditoId } : { personaId: c.personaId ?? 0 };
      const convenio = await enTx().execute((trx) =>
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
      return reply.status(201).send({ convenio });
    },
  );

  app.get(
    '/api/convenios/pendientes',
    { config: { accion: 'convenios.pendientes' } },
    async (request) => {
      const ctx = contextoDe(request, reloj);
      return { pendientes: await enTx().execute((trx) => listarPendientes(trx, ctx)) };
    },
  );

  app.get('/api/convenios/:id', { config: { accion: 'convenios.consultar' } }, async (request) => {
    const ctx = contextoDe(request, reloj);
    const { id: convenioId } = validar(idEnRuta, request.params);
    return { convenio: await enTx().execute((trx) => consultarConvenio(trx, convenioId, ctx)) };
  });

  app.post(
    '/api/convenios/:id/autorizacion',
    { config: { accion: 'convenios.autorizar' } },
    async (request) => {
      const ctx = contextoDe(request, reloj);
      const { id: convenioId } = validar(idEnRuta, request.params);
      validar(sinCuerpo, request.body);
      return { convenio: await enTx().execute((trx) => autorizarConvenio(trx, convenioId, ctx)) };
    },
  );

  app.post(
    '/api/convenios/:id/cancelacion',
    { config: { accion: 'convenios.cancelar' } },
    async (request) => {
      const ctx = contextoDe(request, reloj);
      const { id: convenioId } = validar(idEnRuta, request.params);
      const { motivo } = validar(cancelacion, request.body);
      return {
        convenio: await enTx().execute((trx) => cancelarConvenio(trx, convenioId, motivo, ctx)),
      };
    },
  );

  // Signing posts the condonaciones: it moves money, so it takes an Idempotency-Key.
  app.post(
    '/api/convenios/:id/firma',
    { config: { accion: 'convenios.firmar' } },
    async (request, reply) => {
      const ctx = contextoDe(request, reloj);
      const { id: convenioId } = validar(idEnRuta, request.params);
      const f = validar(firma, request.body);
      return responderUnaVez(db, request, reply, ctx, async (trx) => ({
        estadoHttp: 200,
        cuerpo: { convenio: await firmarConvenio(trx, convenioId, f.fechaFirma ?? null, ctx) },
      }));
    },
  );

  // On demand, what the nightly job does: promises against payments; a breach cancels the
  // condonaciones, so it takes an Idempotency-Key too.
  app.post(
    '/api/convenios/revision',
    { config: { accion: 'convenios.revisar' } },
    async (request, reply) => {
      const ctx = contextoDe(request, reloj);
      validar(sinCuerpo, request.body);
      return responderUnaVez(db, request, reply, ctx, async (trx) => ({
        estadoHttp: 200,
        cuerpo: await revisarConvenios(trx, ctx),
      }));
    },
  );

  app.get(
    '/api/convenios/:id/convenio.pdf',
    { config: { accion: 'convenios.consultar' } },
    async (request, reply) => {
      const ctx = contextoDe(request, reloj);
      const { id: convenioId } = validar(idEnRuta, request.params);
      const datos = await enTx().execute((trx) => prepararConvenioPdf(trx, convenioId, ctx));
      const pdf = await generarPdfConvenio(datos, {
        emitido: ctx.reloj.ahora(),
        usuario: ctx.actor.nombre,
      });
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="convenio-${convenioId}.pdf"`)
        .send(pdf);
    },
  );

  app.get(
    '/api/convenios/limites',
    { config: { accion: 'convenios.limites_consultar' } },
    async (request) => {
      const ctx = contextoDe(request, reloj);
      return enTx().execute((trx) => consultarLimites(trx, ctx));
    },
  );

  app.post(
    '/api/convenios/limites',
    { config: { accion: 'convenios.limites_administrar' } },
    async (request, reply) => {
      const ctx = contextoDe(request, reloj);
      const m = validar(matriz, request.body);
      const r = await enTx().execute((trx) =>
        versionarLimites(trx, m.vigenteDesde, m.limites, ctx),
      );
      return reply.status(201).send(r);
    },
  );

  app.get('/api/convenios', { config: { accion: 'convenios.consultar' } }, async (request) => {
    const ctx = contextoDe(request, reloj);
    const q = validar(consultaLista, request.query);
    const filtro = {
      creditoId: q.creditoId ?? null,
      personaId: q.personaId ?? null,
      estado: q.estado ?? null,
    };
    return { convenios: await enTx().execute((trx) => listarConvenios(trx, filtro, ctx)) };
  });
}
