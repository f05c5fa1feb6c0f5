import { z } from 'zod';
import { type Centavos, centavosDesdeTexto } from '../../domain/dinero.ts';
import { ESTADOS_JURIDICOS } from '../../modules/juridico/actuaciones.ts';
import { candidatosATurnar } from '../../modules/juridico/candidatos-a-turnar.ts';
import { crearDespacho } from '../../modules/juridico/crear-despacho.ts';
import { devolverCredito } from '../../modules/juridico/devolver-credito.ts';
import { editarDespacho } from '../../modules/juridico/editar-despacho.ts';
import { listarActuaciones } from '../../modules/juridico/listar-actuaciones.ts';
import { listarCuentasJuridico } from '../../modules/juridico/listar-cuentas-juridico.ts';
import { listarDespachos } from '../../modules/juridico/listar-despachos.ts';
import { registrarActuacion } from '../../modules/juridico/registrar-actuacion.ts';
import { reporteDeDespachos } from '../../modules/juridico/reporte-de-despachos.ts';
import {
  MAXIMO_TURNADO_EN_BLOQUE,
  turnarCredito,
  turnarCreditos,
} from '../../modules/juridico/turnar-credito.ts';
import type { ContextoApp } from '../app.ts';
import { contextoDe } from '../autenticacion.ts';
import { responderUnaVez } from '../idempotencia-http.ts';
import { fecha, id, idEnConsulta, idEnRuta, texto, textoOpcional, validar } from '../validacion.ts';

const correo = textoOpcional(160).refine(
  (c) => c === null || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(c),
  'debe ser un correo electrónico, p. ej. contacto@despacho.mx',
);
const abogadoIds = z.array(id, 'debe ser una lista de usuarios').max(50, 'admite a lo más 50');
const nuevoDespacho = z.strictObject({
  nombre: texto(160),
  contacto: textoOpcional(160).default(null),
  telefono: textoOpcional(40).default(null),
  correo: correo.default(null),
  abogadoIds: abogadoIds.optional(),
});
const cambiosDespacho = z.strictObject({
  nombre: texto(160).optional(),
  contacto: textoOpcional(160).optional(),
  telefono: textoOpcional(40).optional(),
  correo: correo.optional(),
  activo: z.boolean('debe ser true o false').optional(),
  abogadoIds: abogadoIds.optional(),
});
const motivo = texto(500, { renglones: true });
const turnado = z.strictObject({ despachoId: id, motivo, hasta: fecha });
const turnadoEnBloque = z.strictObject({
  creditoIds: z
    .array(id, 'debe ser una lista de créditos')
    .min(1, 'elige al menos un crédito')
    .max(MAXIMO_TURNADO_EN_BLOQUE, `admite a lo más ${MAXIMO_TURNADO_EN_BLOQUE} créditos`),
  despachoId: id,
  motivo,
  hasta: fecha,
});
const criterios = z.strictObject({
  oficinaId: id.optional(),
  prescribeEnDias: z
    .number('debe ser un número de días')
    .int('debe ser un número entero')
    .min(0, 'no puede ser negativo')
    .max(3650, 'a lo más 3650 días')
    .optional(),
  saldoMayorA: z
    .string('debe ser un monto como texto, p. ej. "20000.00"')
    .refine((t) => centavosDesdeTexto(t) !== null, 'debe ser un monto en pesos, p. ej. "20000.00"')
    .transform((t) => centavosDesdeTexto(t) as Centavos)
    .optional(),
  convenioIncumplido: z.boolean('debe ser true o false').optional(),
  sinContactoMeses: z
    .number('debe ser un número de meses')
    .int('debe ser un número entero')
    .min(1, 'al menos 1 mes')
    .max(120, 'a lo más 120 meses')
    .optional(),
  creditoIds: z
    .array(id, 'debe ser una lista de créditos')
    .max(500, 'admite a lo más 500')
    .optional(),
});
const devolucion = z.strictObject({ motivo });
const actuacion = z.strictObject({
  estado: z.enum(ESTADOS_JURIDICOS, `debe ser uno de: ${ESTADOS_JURIDICOS.join(', ')}`),
  fecha,
  juzgado: textoOpcional(200).default(null),
  expedienteJudicial: textoOpcional(60).default(null),
  nota: textoOpcional(2000, { renglones: true }).default(null),
});
const consultaCuentas = z.strictObject({
  despachoId: idEnConsulta.optional(),
  pagina: z.coerce.number('debe ser un número').int().min(1).max(100_000).default(1),
});
const periodo = z.strictObject({ desde: fecha, hasta: fecha });

export function rutasJuridico({ app, deps }: ContextoApp): void {
  const { db, reloj } = deps;
  const enTx = db.transaction.bind(db);

  app.get('/api/despachos', { config: { accion: 'despachos.consultar' } }, async (request) => {
    const ctx = contextoDe(request, reloj);
    return enTx().execute((trx) => listarDespachos(trx, ctx));
  });

  app.post(
    '/api/despachos',
    { config: { accion: 'despachos.administrar' } },
    async (request, reply) => {
      const ctx = contextoDe(request, reloj);
      const datos = validar(nuevoDespacho, request.body);
      const despacho = await enTx().execute((trx) => crearDespacho(trx, datos, ctx));
      return reply.status(201).send({ despacho });
    },
  );

  app.put(
    '/api/despachos/:id',
    { config: { accion: 'despachos.administrar' } },
    async (request) => {
      const ctx = contextoDe(request, reloj);
      const { id: despachoId } = validar(idEnRuta, request.params);
      const cambios = validar(cambiosDespacho, request.body);
      return {
        despacho: await enTx().execute((trx) => editarDespacho(trx, despachoId, cambios, ctx)),
      };
    },
  );

  app.get(
    '/api/despachos/reporte',
    { config: { accion: 'despachos.reporte' } },
    async (request) => {
      const ctx = contextoDe(request, reloj);
      const p = validar(periodo, request.query);
      return enTx().execute((trx) => reporteDeDespachos(trx, p, ctx));
    },
  );

  // The custody of the papers moves with the account: a retry must not move them twice.
  app.post(
    '/api/creditos/:id/turnado',
    { config: { accion: 'turnado.turnar' } },
    async (request, reply) => {
      const ctx = contextoDe(request, reloj);
      const { id: creditoId } = validar(idEnRuta, request.params);
      const datos = validar(turnado, request.body);
      return responderUnaVez(db, request, reply, ctx, async (trx) => ({
        estadoHttp: 201,
        cuerpo: await turnarCredito(trx, creditoId, datos, ctx),
      }));
    },
  );

  app.post(
    '/api/turnados/candidatos',
    { config: { accion: 'turnado.turnar' } },
    async (request) => {
      const ctx = contextoDe(request, reloj);
      const k = validar(criterios, request.body);
      return enTx().execute((trx) => candidatosATurnar(trx, k, ctx));
    },
  );

  // All or none, in one transaction and one acuse (docs/juridico.md).
  app.post('/api/turnados', { config: { accion: 'turnado.turnar' } }, async (request, reply) => {
    const ctx = contextoDe(request, reloj);
    const { creditoIds, ...datos } = validar(turnadoEnBloque, request.body);
    return responderUnaVez(db, request, reply, ctx, async (trx) => ({
      estadoHttp: 201,
      cuerpo: { turnados: await turnarCreditos(trx, creditoIds, datos, ctx) },
    }));
  });

  app.post(
    '/api/creditos/:id/turnado/devolucion',
    { config: { accion: 'turnado.devolver' } },
    async (request) => {
      const ctx = contextoDe(request, reloj);
      const { id: creditoId } = validar(idEnRuta, request.params);
      const { motivo: m } = validar(devolucion, request.body);
      return enTx().execute((trx) => devolverCredito(trx, creditoId, m, ctx));
    },
  );

  app.get('/api/juridico/cuentas', { config: { accion: 'juridico.cuentas' } }, async (request) => {
    const ctx = contextoDe(request, reloj);
    const filtro = validar(consultaCuentas, request.query);
    return enTx().execute((trx) => listarCuentasJuridico(trx, filtro, ctx));
  });

  app.post(
    '/api/creditos/:id/actuaciones',
    { config: { accion: 'juridico.actuar' } },
    async (request, reply) => {
      const ctx = contextoDe(request, reloj);
      const { id: creditoId } = validar(idEnRuta, request.params);
      const a = validar(actuacion, request.body);
      const registrada = await enTx().execute((trx) => registrarActuacion(trx, creditoId, a, ctx));
      return reply.status(201).send({ actuacion: registrada });
    },
  );

  app.get(
    '/api/creditos/:id/actuaciones',
    { config: { accion: 'juridico.cuentas' } },
    async (request) => {
      const ctx = contextoDe(request, reloj);
      const { id: creditoId } = validar(idEnRuta, request.params);
      return enTx().execute((trx) => listarActuaciones(trx, creditoId, ctx));
    },
  );
}
