import { z } from 'zod';
import { DERECHOS_ARCO, ESTADOS_ARCO } from '../../domain/arco/solicitud-arco.ts';
import { generarPdfDeAcceso } from '../../modules/arco/acceso-pdf.ts';
import { consultarDiasInhabiles } from '../../modules/arco/consultar-dias-inhabiles.ts';
import { consultarSolicitud } from '../../modules/arco/consultar-solicitud.ts';
import { fijarDiasInhabiles } from '../../modules/arco/fijar-dias-inhabiles.ts';
import { generarReporteDeAcceso } from '../../modules/arco/generar-reporte-de-acceso.ts';
import { listarSolicitudes } from '../../modules/arco/listar-solicitudes.ts';
import { cambiarParametrosArco, leerParametrosArco } from '../../modules/arco/parametros-arco.ts';
import { procesarSolicitud } from '../../modules/arco/procesar-solicitud.ts';
import { registrarSolicitud } from '../../modules/arco/registrar-solicitud.ts';
import type { ContextoApp } from '../app.ts';
import { contextoDe } from '../autenticacion.ts';
import { fecha, idEnRuta, texto, validar } from '../validacion.ts';
import { evento, solicitudNueva } from './esquema-arco.ts';

const consultaLista = z.strictObject({
  estado: z
    .enum(['abiertas', 'todas', ...ESTADOS_ARCO], 'debe ser abiertas, todas o un estado')
    .default('abiertas'),
  derecho: z
    .enum(DERECHOS_ARCO, 'debe ser acceso, rectificacion, cancelacion, oposicion o portabilidad')
    .nullable()
    .default(null),
});

const anio = z.coerce
  .number('debe ser un año, p. ej. 2026')
  .int('debe ser un año, p. ej. 2026')
  .min(2000, 'debe ser un año entre 2000 y 2100')
  .max(2100, 'debe ser un año entre 2000 y 2100');

const calendario = z.strictObject({
  anio,
  dias: z
    .array(z.strictObject({ fecha, descripcion: texto(120) }), 'debe ser una lista de días')
    .max(366, 'admite a lo más 366 días'),
});

const dias = (min: number, max: number) =>
  z
    .number('debe ser un número de días')
    .int('debe ser un número entero')
    .min(min, `debe ser al menos ${min}`)
    .max(max, `debe ser a lo más ${max}`);
const parametros = z.strictObject({
  diasParaResponder: dias(1, 100),
  diasDeAmpliacion: dias(0, 100),
  diasParaEjecutar: dias(1, 100),
  diasDeAviso: dias(0, 30),
  aniosDeBloqueo: z
    .number('debe ser un número de años')
    .int('debe ser un número entero')
    .min(1, 'debe ser al menos 1')
    .max(30, 'debe ser a lo más 30'),
});

/** Derechos ARCO (docs/arco.md): the requests, their steps, the access report, the calendar. */
export function rutasArco({ app, deps }: ContextoApp): void {
  const { db, reloj } = deps;
  const enTx = db.transaction.bind(db);

  app.get('/api/arco', { config: { accion: 'arco.consultar' } }, async (request) => {
    const ctx = contextoDe(request, reloj);
    const filtro = validar(consultaLista, request.query);
    return enTx().execute((trx) => listarSolicitudes(trx, filtro, ctx));
  });

  app.post('/api/arco', { config: { accion: 'arco.registrar' } }, async (request, reply) => {
    const ctx = contextoDe(request, reloj);
    const entrada = validar(solicitudNueva, request.body);
    const s = await enTx().execute((trx) => registrarSolicitud(trx, entrada, ctx));
    return reply.status(201).send(s);
  });

  app.get('/api/arco/parametros', { config: { accion: 'arco.parametros' } }, async () =>
    enTx().execute((trx) => leerParametrosArco(trx)),
  );

  app.put(
    '/api/arco/parametros',
    { config: { accion: 'arco.parametros_administrar' } },
    async (request) => {
      const ctx = contextoDe(request, reloj);
      const nuevos = validar(parametros, request.body);
      return enTx().execute((trx) => cambiarParametrosArco(trx, nuevos, ctx));
    },
  );

  app.get('/api/arco/:id', { config: { accion: 'arco.consultar' } }, async (request) => {
    const ctx = contextoDe(request, reloj);
    const { id } = validar(idEnRuta, request.params);
    return enTx().execute((trx) => consultarSolicitud(trx, id, ctx));
  });

  app.post('/api/arco/:id/eventos', { config: { accion: 'arco.procesar' } }, async (request) => {
    const ctx = contextoDe(request, reloj);
    const { id } = validar(idEnRuta, request.params);
    const e = validar(evento, request.body);
    return enTx().execute((trx) => procesarSolicitud(trx, id, e, ctx));
  });

  app.get(
    '/api/arco/:id/acceso.pdf',
    { config: { accion: 'arco.acceso' } },
    async (request, reply) => {
      const ctx = contextoDe(request, reloj);
      const { id } = validar(idEnRuta, request.params);
      const r = await enTx().execute((trx) => generarReporteDeAcceso(trx, id, 'pdf', ctx));
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="acceso-${r.folio}.pdf"`)
        .send(await generarPdfDeAcceso(r));
    },
  );

  app.get(
    '/api/arco/:id/acceso.json',
    { config: { accion: 'arco.acceso' } },
    async (request, reply) => {
      const ctx = contextoDe(request, reloj);
      const { id } = validar(idEnRuta, request.params);
      const r = await enTx().execute((trx) => generarReporteDeAcceso(trx, id, 'json', ctx));
      return reply
        .type('application/json; charset=utf-8')
        .header('content-disposition', `attachment; filename="acceso-${r.folio}.json"`)
        .send(r);
    },
  );

  app.get(
    '/api/dias-inhabiles',
    { config: { accion: 'dias_inhabiles.consultar' } },
    async (request) => {
      const consulta = validar(z.strictObject({ anio: anio.optional() }), request.query);
      const delAnio = consulta.anio ?? Number(reloj.hoy().slice(0, 4));
      return enTx().execute((trx) => consultarDiasInhabiles(trx, delAnio));
    },
  );

  app.put(
    '/api/dias-inhabiles',
    { config: { accion: 'dias_inhabiles.administrar' } },
    async (request) => {
      const ctx = contextoDe(request, reloj);
      const c = validar(calendario, request.body);
      return enTx().execute((trx) => fijarDiasInhabiles(trx, c.anio, c.dias, ctx));
    },
  );
}
