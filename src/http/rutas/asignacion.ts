import { z } from 'zod';
import {
  asignacionHecha,
  distribucionAplicada,
  historialDeAsignaciones as esquemaHistorial,
  suplencia as esquemaSuplencia,
  vistaPreviaDistribucion as esquemaVistaPrevia,
  listaGestores,
  listaSuplencias,
  paginaCuentas,
} from '../../contrato/asignacion.ts';
import { BUCKETS, type Bucket } from '../../domain/antiguedad.ts';
import { REGLAS_DISTRIBUCION, type ReglaDistribucion } from '../../domain/gestion/distribucion.ts';
import { aplicarDistribucion } from '../../modules/asignacion/aplicar-distribucion.ts';
import { asignarGestor } from '../../modules/asignacion/asignar-gestor.ts';
import { cancelarSuplencia } from '../../modules/asignacion/cancelar-suplencia.ts';
import { crearSuplencia } from '../../modules/asignacion/crear-suplencia.ts';
import { historialDeAsignaciones } from '../../modules/asignacion/historial-de-asignaciones.ts';
import { listarCuentasParaAsignar } from '../../modules/asignacion/listar-cuentas-para-asignar.ts';
import { listarGestores } from '../../modules/asignacion/listar-gestores.ts';
import { listarSuplencias } from '../../modules/asignacion/listar-suplencias.ts';
import { vistaPreviaDistribucion } from '../../modules/asignacion/vista-previa-distribucion.ts';
import type { ContextoApp } from '../app.ts';
import { enrutador } from '../ruta.ts';
import { fecha, id, idEnConsulta, idEnRuta, montoEnPesos, texto } from '../validacion.ts';

const siEnConsulta = z
  .enum(['true', 'false'], 'debe ser true o false')
  .transform((v) => v === 'true')
  .optional();
const monto = montoEnPesos({
  tipo: 'debe ser un monto como texto, p. ej. "1500.00"',
  invalido: 'debe ser un monto en pesos, p. ej. "1500.00"',
}).optional();
const bucket = z.enum(BUCKETS as [Bucket, ...Bucket[]], 'no es un tramo de antigüedad').optional();
const municipio = texto(80).optional();

const consultaCuentas = z.strictObject({
  oficinaId: idEnConsulta.optional(),
  bucket,
  saldoMin: monto,
  saldoMax: monto,
  municipio,
  nuncaContactado: siEnConsulta,
  sinAsignar: siEnConsulta,
  gestorId: idEnConsulta.optional(),
  pagina: z.coerce.number().int().min(1).max(100_000).default(1),
});
const filtro = z.strictObject({
  oficinaId: id.optional(),
  bucket,
  saldoMin: monto,
  saldoMax: monto,
  municipio,
  nuncaContactado: z.boolean('debe ser verdadero o falso').optional(),
  sinAsignar: z.boolean('debe ser verdadero o falso').optional(),
  gestorId: id.optional(),
});
const seleccion = {
  filtro: filtro.optional(),
  creditoIds: z
    .array(id, 'debe ser una lista de créditos')
    .min(1, 'indica al menos un crédito')
    .max(10_000, 'admite a lo más 10,000 créditos; para más, usa un filtro')
    .optional(),
  gestorIds: z
    .array(id, 'debe ser una lista de gestores')
    .min(1, 'indica al menos un gestor')
    .max(200, 'admite a lo más 200 gestores')
    .refine((g) => new Set(g).size === g.length, 'no debe repetir gestores'),
  regla: z.enum(
    REGLAS_DISTRIBUCION as [ReglaDistribucion, ...ReglaDistribucion[]],
    'debe ser "cuentas" o "saldo"',
  ),
};
const unaSeleccion = {
  message: 'indica las cuentas con «filtro» o con «creditoIds», una de las dos',
  path: ['filtro'],
};
const conUnaSeleccion = (p: { filtro?: unknown; creditoIds?: unknown }) =>
  (p.filtro === undefined) !== (p.creditoIds === undefined);
const vistaPrevia = z.strictObject(seleccion).refine(conUnaSeleccion, unaSeleccion);
const distribucion = z
  .strictObject({
    ...seleccion,
    firma: z
      .string('debe ser la firma de la vista previa')
      .regex(/^[0-9a-f]{64}$/, 'debe ser la firma de la vista previa'),
  })
  .refine(conUnaSeleccion, unaSeleccion);
const motivo = texto(500, { renglones: true });
const asignacion = z.strictObject({ gestorId: id, motivo: motivo.optional() });
const consultaGestores = z.strictObject({ oficinaId: idEnConsulta.optional() });
const consultaSuplencias = z.strictObject({ vigentes: siEnConsulta });
const suplencia = z.strictObject({
  titularId: id,
  suplenteId: id,
  desde: fecha,
  hasta: fecha,
  motivo,
});
const cancelacion = z.strictObject({ motivo: motivo.optional() });

/** 10,000 credit ids as JSON pass the API's usual 64 KiB. */
const LIMITE_DISTRIBUCION = 256 * 1024;

export function rutasAsignacion(contexto: ContextoApp): void {
  const rutas = enrutador(contexto);

  rutas.put(
    '/api/creditos/:id/gestor',
    {
      accion: 'asignacion.asignar',
      resumen: 'Asigna la cuenta a un gestor',
      params: idEnRuta,
      body: asignacion,
      respuesta: asignacionHecha,
    },
    async ({ params: { id: creditoId }, body: { gestorId, motivo }, ctx, enTransaccion }) =>
      enTransaccion((trx) =>
        asignarGestor(trx, creditoId, { gestorId, motivo: motivo ?? null }, ctx),
      ),
  );

  rutas.get(
    '/api/creditos/:id/asignaciones',
    {
      accion: 'asignacion.historial',
      resumen: 'Quién ha tenido la cuenta a su cargo, y desde cuándo',
      params: idEnRuta,
      respuesta: esquemaHistorial,
    },
    async ({ params: { id: creditoId }, ctx, enTransaccion }) =>
      enTransaccion((trx) => historialDeAsignaciones(trx, creditoId, ctx)),
  );

  rutas.get(
    '/api/asignacion/cuentas',
    {
      accion: 'asignacion.cuentas',
      resumen: 'Cuentas de la oficina para asignar, con filtros',
      query: consultaCuentas,
      respuesta: paginaCuentas,
    },
    async ({ query, ctx, enTransaccion }) =>
      enTransaccion((trx) => listarCuentasParaAsignar(trx, query, ctx)),
  );

  rutas.post(
    '/api/asignacion/vista-previa',
    {
      accion: 'asignacion.distribuir',
      resumen: 'Cómo se repartirían las cuentas entre los gestores, con su firma',
      bodyLimit: LIMITE_DISTRIBUCION,
      body: vistaPrevia,
      respuesta: esquemaVistaPrevia,
    },
    async ({ body, ctx, enTransaccion }) =>
      enTransaccion((trx) => vistaPreviaDistribucion(trx, body, ctx)),
  );

  rutas.post(
    '/api/asignacion/distribucion',
    {
      accion: 'asignacion.distribuir',
      resumen: 'Reparte las cuentas como en la vista previa firmada',
      bodyLimit: LIMITE_DISTRIBUCION,
      body: distribucion,
      respuesta: distribucionAplicada,
    },
    async ({ body, ctx, enTransaccion }) =>
      enTransaccion((trx) => aplicarDistribucion(trx, body, ctx)),
  );

  rutas.get(
    '/api/gestores',
    {
      accion: 'gestores.listar',
      resumen: 'Gestores y coordinadores activos de una oficina, con sus cuentas',
      query: consultaGestores,
      respuesta: listaGestores,
    },
    async ({ query: { oficinaId }, ctx, enTransaccion }) =>
      enTransaccion((trx) => listarGestores(trx, oficinaId, ctx)),
  );

  rutas.get(
    '/api/suplencias',
    {
      accion: 'suplencias.consultar',
      resumen: 'Suplencias (todas o solo las vigentes)',
      query: consultaSuplencias,
      respuesta: listaSuplencias,
    },
    async ({ query: { vigentes }, ctx, enTransaccion }) =>
      enTransaccion((trx) => listarSuplencias(trx, { vigentes: vigentes ?? false }, ctx)),
  );

  rutas.post(
    '/api/suplencias',
    {
      accion: 'suplencias.administrar',
      resumen: 'Registra una suplencia (201)',
      body: suplencia,
      respuesta: esquemaSuplencia,
    },
    async ({ body, ctx, enTransaccion, responder }) =>
      responder(201, await enTransaccion((trx) => crearSuplencia(trx, body, ctx))),
  );

  rutas.post(
    '/api/suplencias/:id/cancelacion',
    {
      accion: 'suplencias.administrar',
      resumen: 'Cancela una suplencia',
      params: idEnRuta,
      body: cancelacion,
      respuesta: esquemaSuplencia,
    },
    async ({ params: { id: suplenciaId }, body: { motivo }, ctx, enTransaccion }) =>
      enTransaccion((trx) => cancelarSuplencia(trx, suplenciaId, motivo ?? null, ctx)),
  );
}
