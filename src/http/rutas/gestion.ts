import { z } from 'zod';
import { ErrorDominio } from '../../domain/errores.ts';
import {
  cambiarParametrosGestion,
  consultarParametrosGestion,
} from '../../modules/gestion/cambiar-parametros-gestion.ts';
import {
  cambiarResultado,
  crearResultado,
  listarResultados,
} from '../../modules/gestion/catalogo-de-resultados.ts';
import { consultarCola } from '../../modules/gestion/consultar-cola.ts';
import { historiaDelCredito } from '../../modules/gestion/historia-del-credito.ts';
import { listarGestiones } from '../../modules/gestion/listar-gestiones.ts';
import { listarHuerfanas } from '../../modules/gestion/listar-huerfanas.ts';
import { registrarGestion } from '../../modules/gestion/registrar-gestion.ts';
import { tomarSiguienteCuenta } from '../../modules/gestion/tomar-siguiente-cuenta.ts';
import type { ContextoApp } from '../app.ts';
import { contextoDe } from '../autenticacion.ts';
import { cadena, idEnConsulta, idEnRuta, texto, validar } from '../validacion.ts';
import { cuerpoGestion, gestionDesdeCuerpo } from './esquema-gestion.ts';

const consultaCola = z.strictObject({
  gestorId: idEnConsulta.optional(),
  limite: z.coerce.number().int().min(1).max(5_000).default(200),
});
const consultaCatalogo = z.strictObject({ inactivos: z.enum(['true', 'false']).optional() });
const nuevoResultado = z.strictObject({
  clave: z
    .string('debe ser texto')
    .regex(
      /^[a-z0-9_]{2,40}$/,
      'usa de 2 a 40 minúsculas, dígitos o guiones bajos, p. ej. "dejo_recado"',
    ),
  nombre: texto(80),
  contactoEfectivo: z.boolean('debe ser true o false'),
  promesa: z.boolean('debe ser true o false').default(false),
  orden: z.number().int().min(0).max(10_000).default(100),
});
const cambioResultado = z
  .strictObject({
    nombre: texto(80).optional(),
    contactoEfectivo: z.boolean('debe ser true o false').optional(),
    promesa: z.boolean('debe ser true o false').optional(),
    activo: z.boolean('debe ser true o false').optional(),
    orden: z.number().int().min(0).max(10_000).optional(),
  })
  // An empty change would be an UPDATE without a SET.
  .refine((c) => Object.values(c).some((v) => v !== undefined), {
    message: 'indica qué cambiar: nombre, contactoEfectivo, promesa, activo u orden',
  });
const entero = (min: number, max: number) =>
  z
    .number('debe ser un número')
    .int('debe ser un número entero')
    .min(min, `mínimo ${min}`)
    .max(max, `máximo ${max}`);
const parametros = z.strictObject({
  intentosDiariosPorPersona: entero(1, 20),
  horasHabilesParaEscalar: entero(1, 200),
  diasSinContacto: entero(1, 365),
  minutosDeToma: entero(1, 120),
  saldoAlto: cadena({ tipo: 'debe ser un monto como texto, p. ej. "50000.00"' }),
});

export function rutasGestion({ app, deps }: ContextoApp): void {
  const { db, reloj } = deps;

  app.post(
    '/api/creditos/:id/gestiones',
    { config: { accion: 'gestiones.registrar' } },
    async (request, reply) => {
      const ctx = contextoDe(request, reloj);
      const { id } = validar(idEnRuta, request.params);
      const gestion = gestionDesdeCuerpo(validar(cuerpoGestion, request.body));
      // A refusal commits its bitácora row and nothing else; then it is answered as an error.
      const r = await db.transaction().execute((trx) => registrarGestion(trx, id, gestion, ctx));
      if (r.rechazo) throw new ErrorDominio(r.rechazo.codigo, r.rechazo.mensaje);
      return reply.status(201).send(r.registrada);
    },
  );

  app.get(
    '/api/creditos/:id/gestiones',
    { config: { accion: 'gestiones.consultar' } },
    async (request) => {
      const ctx = contextoDe(request, reloj);
      const { id } = validar(idEnRuta, request.params);
      return db.transaction().execute((trx) => listarGestiones(trx, id, ctx));
    },
  );

  app.get(
    '/api/creditos/:id/historia',
    { config: { accion: 'gestiones.consultar' } },
    async (request) => {
      const ctx = contextoDe(request, reloj);
      const { id } = validar(idEnRuta, request.params);
      return db.transaction().execute((trx) => historiaDelCredito(trx, id, ctx));
    },
  );

  app.get(
    '/api/resultados-gestion',
    { config: { accion: 'gestiones.catalogo' } },
    async (request) => {
      const { inactivos } = validar(consultaCatalogo, request.query);
      return listarResultados(db, inactivos === 'true');
    },
  );

  app.post(
    '/api/resultados-gestion',
    { config: { accion: 'gestiones.catalogo_administrar' } },
    async (request, reply) => {
      const ctx = contextoDe(request, reloj);
      const nuevo = validar(nuevoResultado, request.body);
      const r = await db.transaction().execute((trx) => crearResultado(trx, nuevo, ctx));
      return reply.status(201).send(r);
    },
  );

  app.patch(
    '/api/resultados-gestion/:id',
    { config: { accion: 'gestiones.catalogo_administrar' } },
    async (request) => {
      const ctx = contextoDe(request, reloj);
      const { id } = validar(idEnRuta, request.params);
      const cambio = validar(cambioResultado, request.body);
      return db.transaction().execute((trx) => cambiarResultado(trx, id, cambio, ctx));
    },
  );

  app.get('/api/gestion/parametros', { config: { accion: 'gestiones.parametros' } }, async () =>
    consultarParametrosGestion(db),
  );

  app.put(
    '/api/gestion/parametros',
    { config: { accion: 'gestiones.parametros_administrar' } },
    async (request) => {
      const ctx = contextoDe(request, reloj);
      const nuevos = validar(parametros, request.body);
      return db.transaction().execute((trx) => cambiarParametrosGestion(trx, nuevos, ctx));
    },
  );

  app.get('/api/cola', { config: { accion: 'cola.consultar' } }, async (request) => {
    const ctx = contextoDe(request, reloj);
    const q = validar(consultaCola, request.query);
    return db
      .transaction()
      .execute((trx) =>
        consultarCola(trx, { gestorId: q.gestorId ?? null, limite: q.limite }, ctx),
      );
  });

  app.get('/api/cola/huerfanas', { config: { accion: 'cola.consultar' } }, async (request) => {
    const ctx = contextoDe(request, reloj);
    const q = validar(consultaCola, request.query);
    return db
      .transaction()
      .execute((trx) =>
        listarHuerfanas(trx, { gestorId: q.gestorId ?? null, limite: q.limite }, ctx),
      );
  });

  app.post('/api/cola/siguiente', { config: { accion: 'cola.tomar' } }, async (request) => {
    const ctx = contextoDe(request, reloj);
    return db.transaction().execute((trx) => tomarSiguienteCuenta(trx, ctx));
  });
}
