import { z } from 'zod';
import { BUCKETS, type Bucket } from '../../domain/antiguedad.ts';
import { type Centavos, centavosDesdeTexto } from '../../domain/dinero.ts';
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
import { contextoDe } from '../autenticacion.ts';
import { fecha, id, idEnConsulta, idEnRuta, texto, validar } from '../validacion.ts';

const siEnConsulta = z
  .enum(['true', 'false'], 'debe ser true o false')
  .transform((v) => v === 'true')
  .optional();
const monto = z
  .string('debe ser un monto como texto, p. ej. "1500.00"')
  .refine((t) => centavosDesdeTexto(t) !== null, 'debe ser un monto en pesos, p. ej. "1500.00"')
  .transform((t) => centavosDesdeTexto(t) as Centavos)
  .optional();
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

export function rutasAsignacion({ app, deps }: ContextoApp): void {
  const { db, reloj } = deps;
  const enTx = db.transaction.bind(db);

  app.put(
    '/api/creditos/:id/gestor',
    { config: { accion: 'asignacion.asignar' } },
    async (request) => {
      const ctx = contextoDe(request, reloj);
      const { id: creditoId } = validar(idEnRuta, request.params);
      const { gestorId, motivo } = validar(asignacion, request.body);
      return enTx().execute((trx) =>
        asignarGestor(trx, creditoId, { gestorId, motivo: motivo ?? null }, ctx),
      );
    },
  );

  app.get(
    '/api/creditos/:id/asignaciones',
    { config: { accion: 'asignacion.historial' } },
    async (request) => {
      const ctx = contextoDe(request, reloj);
      const { id: creditoId } = validar(idEnRuta, request.params);
      return enTx().execute((trx) => historialDeAsignaciones(trx, creditoId, ctx));
    },
  );

  app.get(
    '/api/asignacion/cuentas',
    { config: { accion: 'asignacion.cuentas' } },
    async (request) => {
      const ctx = contextoDe(request, reloj);
      const consulta = validar(consultaCuentas, request.query);
      return enTx().execute((trx) => listarCuentasParaAsignar(trx, consulta, ctx));
    },
  );

  app.post(
    '/api/asignacion/vista-previa',
    { config: { accion: 'asignacion.distribuir' }, bodyLimit: LIMITE_DISTRIBUCION },
    async (request) => {
      const ctx = contextoDe(request, reloj);
      const pedido = validar(vistaPrevia, request.body);
      return enTx().execute((trx) => vistaPreviaDistribucion(trx, pedido, ctx));
    },
  );

  app.post(
    '/api/asignacion/distribucion',
    { config: { accion: 'asignacion.distribuir' }, bodyLimit: LIMITE_DISTRIBUCION },
    async (request) => {
      const ctx = contextoDe(request, reloj);
      const pedido = validar(distribucion, request.body);
      return enTx().execute((trx) => aplicarDistribucion(trx, pedido, ctx));
    },
  );

  app.get('/api/gestores', { config: { accion: 'gestores.listar' } }, async (request) => {
    const ctx = contextoDe(request, reloj);
    const { oficinaId } = validar(consultaGestores, request.query);
    return enTx().execute((trx) => listarGestores(trx, oficinaId, ctx));
  });

  app.get('/api/suplencias', { config: { accion: 'suplencias.consultar' } }, async (request) => {
    const ctx = contextoDe(request, reloj);
    const { vigentes } = validar(consultaSuplencias, request.query);
    return enTx().execute((trx) => listarSuplencias(trx, { vigentes: vigentes ?? false }, ctx));
  });

  app.post(
    '/api/suplencias',
    { config: { accion: 'suplencias.administrar' } },
    async (request, reply) => {
      const ctx = contextoDe(request, reloj);
      const entrada = validar(suplencia, request.body);
      return reply
        .status(201)
        .send(await enTx().execute((trx) => crearSuplencia(trx, entrada, ctx)));
    },
  );

  app.post(
    '/api/suplencias/:id/cancelacion',
    { config: { accion: 'suplencias.administrar' } },
    async (request) => {
      const ctx = contextoDe(request, reloj);
      const { id: suplenciaId } = validar(idEnRuta, request.params);
      const { motivo } = validar(cancelacion, request.body);
      return enTx().execute((trx) => cancelarSuplencia(trx, suplenciaId, motivo ?? null, ctx));
    },
  );
}
