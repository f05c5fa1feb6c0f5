import { z } from 'zod';
import { cola, cuentaTomada, huerfanas } from '../../contrato/cola.ts';
import {
  catalogoResultados,
  gestion as esquemaGestion,
  historia,
  listaGestiones,
  parametrosGestion,
  resultadoGestion,
} from '../../contrato/gestion.ts';
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
import { enrutador } from '../ruta.ts';
import { cadena, idEnConsulta, idEnRuta, texto } from '../validacion.ts';
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

export function rutasGestion(contexto: ContextoApp): void {
  const { db } = contexto.deps;
  const rutas = enrutador(contexto);

  rutas.post(
    '/api/creditos/:id/gestiones',
    {
      accion: 'gestiones.registrar',
      resumen:
        'Registra una gestión de cobranza en la cuenta (201; 422 si las reglas de contacto la rechazan)',
      params: idEnRuta,
      body: cuerpoGestion,
      respuesta: esquemaGestion,
    },
    async ({ params: { id }, body, ctx, enTransaccion, responder }) => {
      const gestion = gestionDesdeCuerpo(body);
      // A refusal commits its bitácora row and nothing else; then it is answered as an error.
      const r = await enTransaccion((trx) => registrarGestion(trx, id, gestion, ctx));
      if (r.rechazo) throw new ErrorDominio(r.rechazo.codigo, r.rechazo.mensaje);
      return responder(201, r.registrada);
    },
  );

  rutas.get(
    '/api/creditos/:id/gestiones',
    {
      accion: 'gestiones.consultar',
      resumen: 'Gestiones de la cuenta, la más reciente primero',
      params: idEnRuta,
      respuesta: listaGestiones,
    },
    async ({ params: { id }, ctx, enTransaccion }) =>
      enTransaccion((trx) => listarGestiones(trx, id, ctx)),
  );

  rutas.get(
    '/api/creditos/:id/historia',
    {
      accion: 'gestiones.consultar',
      resumen: 'Historia de la cuenta: gestiones, pagos, convenios, turnos y recados',
      params: idEnRuta,
      respuesta: historia,
    },
    async ({ params: { id }, ctx, enTransaccion }) =>
      enTransaccion((trx) => historiaDelCredito(trx, id, ctx)),
  );

  rutas.get(
    '/api/resultados-gestion',
    {
      accion: 'gestiones.catalogo',
      resumen: 'Catálogo de resultados de gestión',
      query: consultaCatalogo,
      respuesta: catalogoResultados,
    },
    async ({ query: { inactivos } }) => listarResultados(db, inactivos === 'true'),
  );

  rutas.post(
    '/api/resultados-gestion',
    {
      accion: 'gestiones.catalogo_administrar',
      resumen: 'Agrega un resultado al catálogo (201)',
      body: nuevoResultado,
      respuesta: resultadoGestion,
    },
    async ({ body, ctx, enTransaccion, responder }) =>
      responder(201, await enTransaccion((trx) => crearResultado(trx, body, ctx))),
  );

  rutas.patch(
    '/api/resultados-gestion/:id',
    {
      accion: 'gestiones.catalogo_administrar',
      resumen: 'Cambia o desactiva un resultado del catálogo',
      params: idEnRuta,
      body: cambioResultado,
      respuesta: resultadoGestion,
    },
    async ({ params: { id }, body, ctx, enTransaccion }) =>
      enTransaccion((trx) => cambiarResultado(trx, id, body, ctx)),
  );

  rutas.get(
    '/api/gestion/parametros',
    {
      accion: 'gestiones.parametros',
      resumen: 'Parámetros de las reglas de contacto y de la cola',
      respuesta: parametrosGestion,
    },
    async () => consultarParametrosGestion(db),
  );

  rutas.put(
    '/api/gestion/parametros',
    {
      accion: 'gestiones.parametros_administrar',
      resumen: 'Cambia los parámetros de las reglas de contacto y de la cola',
      body: parametros,
      respuesta: parametrosGestion,
    },
    async ({ body, ctx, enTransaccion }) =>
      enTransaccion((trx) => cambiarParametrosGestion(trx, body, ctx)),
  );

  rutas.get(
    '/api/cola',
    {
      accion: 'cola.consultar',
      resumen: 'La cola de trabajo de un gestor, ordenada por puntaje',
      query: consultaCola,
      respuesta: cola,
    },
    async ({ query: q, ctx, enTransaccion }) =>
      enTransaccion((trx) =>
        consultarCola(trx, { gestorId: q.gestorId ?? null, limite: q.limite }, ctx),
      ),
  );

  rutas.get(
    '/api/cola/huerfanas',
    {
      accion: 'cola.consultar',
      resumen: 'Las cuentas de la cola sin próxima acción',
      query: consultaCola,
      respuesta: huerfanas,
    },
    async ({ query: q, ctx, enTransaccion }) =>
      enTransaccion((trx) =>
        listarHuerfanas(trx, { gestorId: q.gestorId ?? null, limite: q.limite }, ctx),
      ),
  );

  rutas.post(
    '/api/cola/siguiente',
    {
      accion: 'cola.tomar',
      resumen: 'Toma la siguiente cuenta de la cola, en exclusiva por unos minutos',
      respuesta: cuentaTomada,
    },
    async ({ ctx, enTransaccion }) => enTransaccion((trx) => tomarSiguienteCuenta(trx, ctx)),
  );
}
