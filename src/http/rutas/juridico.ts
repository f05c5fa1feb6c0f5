import { z } from 'zod';
import {
  candidatos,
  cuentasTurnadas,
  devolucion as esquemaDevolucion,
  turnado as esquemaTurnado,
  listaActuaciones,
  listaDespachos,
  reporteDespachos,
  respuestaActuacion,
  respuestaDespacho,
  turnados,
} from '../../contrato/juridico.ts';
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
import { enrutador } from '../ruta.ts';
import {
  fecha,
  id,
  idEnConsulta,
  idEnRuta,
  montoEnPesos,
  texto,
  textoOpcional,
} from '../validacion.ts';

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
  saldoMayorA: montoEnPesos({
    tipo: 'debe ser un monto como texto, p. ej. "20000.00"',
    invalido: 'debe ser un monto en pesos, p. ej. "20000.00"',
  }).optional(),
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

export function rutasJuridico(contexto: ContextoApp): void {
  const rutas = enrutador(contexto);

  rutas.get(
    '/api/despachos',
    {
      accion: 'despachos.consultar',
      resumen: 'Los despachos externos, con sus abogados y cuántas cuentas tienen',
      respuesta: listaDespachos,
    },
    async ({ ctx, enTransaccion }) => enTransaccion((trx) => listarDespachos(trx, ctx)),
  );

  rutas.post(
    '/api/despachos',
    {
      accion: 'despachos.administrar',
      resumen: 'Da de alta un despacho externo',
      body: nuevoDespacho,
      respuesta: respuestaDespacho,
    },
    async ({ body, ctx, enTransaccion, responder }) => {
      const despacho = await enTransaccion((trx) => crearDespacho(trx, body, ctx));
      return responder(201, { despacho });
    },
  );

  rutas.put(
    '/api/despachos/:id',
    {
      accion: 'despachos.administrar',
      resumen: 'Cambia los datos, los abogados o la vigencia de un despacho',
      params: idEnRuta,
      body: cambiosDespacho,
      respuesta: respuestaDespacho,
    },
    async ({ params: { id: despachoId }, body, ctx, enTransaccion }) => ({
      despacho: await enTransaccion((trx) => editarDespacho(trx, despachoId, body, ctx)),
    }),
  );

  rutas.get(
    '/api/despachos/reporte',
    {
      accion: 'despachos.reporte',
      resumen: 'Lo que cada despacho tiene y recuperó en un periodo',
      query: periodo,
      respuesta: reporteDespachos,
    },
    async ({ query, ctx, enTransaccion }) =>
      enTransaccion((trx) => reporteDeDespachos(trx, query, ctx)),
  );

  // The custody of the papers moves with the account: a retry must not move them twice.
  rutas.post(
    '/api/creditos/:id/turnado',
    {
      accion: 'turnado.turnar',
      resumen: 'Turna un crédito a un despacho con su expediente (requiere Idempotency-Key)',
      params: idEnRuta,
      body: turnado,
      respuesta: esquemaTurnado,
    },
    async ({ params: { id: creditoId }, body, ctx, unaVez }) =>
      unaVez(async (trx) => ({
        estadoHttp: 201,
        cuerpo: await turnarCredito(trx, creditoId, body, ctx),
      })),
  );

  rutas.post(
    '/api/turnados/candidatos',
    {
      accion: 'turnado.turnar',
      resumen: 'Qué cuentas cumplen unos criterios para turnarlas (no cambia nada)',
      body: criterios,
      respuesta: candidatos,
    },
    async ({ body, ctx, enTransaccion }) =>
      enTransaccion((trx) => candidatosATurnar(trx, body, ctx)),
  );

  // All or none, in one transaction and one acuse (docs/juridico.md).
  rutas.post(
    '/api/turnados',
    {
      accion: 'turnado.turnar',
      resumen: 'Turna varios créditos a un despacho, todos o ninguno (requiere Idempotency-Key)',
      body: turnadoEnBloque,
      respuesta: turnados,
    },
    async ({ body: { creditoIds, ...datos }, ctx, unaVez }) =>
      unaVez(async (trx) => ({
        estadoHttp: 201,
        cuerpo: { turnados: await turnarCreditos(trx, creditoIds, datos, ctx) },
      })),
  );

  rutas.post(
    '/api/creditos/:id/turnado/devolucion',
    {
      accion: 'turnado.devolver',
      resumen: 'Retira un crédito de su despacho, con el motivo',
      params: idEnRuta,
      body: devolucion,
      respuesta: esquemaDevolucion,
    },
    async ({ params: { id: creditoId }, body: { motivo: m }, ctx, enTransaccion }) =>
      enTransaccion((trx) => devolverCredito(trx, creditoId, m, ctx)),
  );

  rutas.get(
    '/api/juridico/cuentas',
    {
      accion: 'juridico.cuentas',
      resumen: 'Las cuentas turnadas a despachos (al abogado: las de su despacho), por página',
      query: consultaCuentas,
      respuesta: cuentasTurnadas,
    },
    async ({ query, ctx, enTransaccion }) =>
      enTransaccion((trx) => listarCuentasJuridico(trx, query, ctx)),
  );

  rutas.post(
    '/api/creditos/:id/actuaciones',
    {
      accion: 'juridico.actuar',
      resumen: 'Registra una actuación jurídica del despacho sobre un crédito',
      params: idEnRuta,
      body: actuacion,
      respuesta: respuestaActuacion,
    },
    async ({ params: { id: creditoId }, body, ctx, enTransaccion, responder }) => {
      const registrada = await enTransaccion((trx) =>
        registrarActuacion(trx, creditoId, body, ctx),
      );
      return responder(201, { actuacion: registrada });
    },
  );

  rutas.get(
    '/api/creditos/:id/actuaciones',
    {
      accion: 'juridico.cuentas',
      resumen: 'Las actuaciones jurídicas de un crédito',
      params: idEnRuta,
      respuesta: listaActuaciones,
    },
    async ({ params: { id: creditoId }, ctx, enTransaccion }) =>
      enTransaccion((trx) => listarActuaciones(trx, creditoId, ctx)),
  );
}
