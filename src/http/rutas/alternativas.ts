import { z } from 'zod';
import {
  simulacion as esquemaSimulacion,
  listaAlternativas,
  listaCampanas,
  respuestaAlternativa,
  respuestaCampana,
} from '../../contrato/alternativas.ts';
import { consultarAlternativa } from '../../modules/alternativas/consultar-alternativa.ts';
import { consultarCampana } from '../../modules/alternativas/consultar-campana.ts';
import { crearAlternativa } from '../../modules/alternativas/crear-alternativa.ts';
import { crearCampana } from '../../modules/alternativas/crear-campana.ts';
import {
  esquemaNuevaAlternativa,
  esquemaNuevaCampana,
  esquemaVersionAlternativa,
  esquemaVersionCampana,
  soloTipo,
} from '../../modules/alternativas/esquemas.ts';
import { listarAlternativas } from '../../modules/alternativas/listar-alternativas.ts';
import { listarCampanas } from '../../modules/alternativas/listar-campanas.ts';
import { simularAlternativas } from '../../modules/alternativas/simular-alternativas.ts';
import { versionarAlternativa } from '../../modules/alternativas/versionar-alternativa.ts';
import { versionarCampana } from '../../modules/alternativas/versionar-campana.ts';
import type { ContextoApp } from '../app.ts';
import { enrutador } from '../ruta.ts';
import { fecha, id, idEnRuta, validar } from '../validacion.ts';

const simulacion = z
  .strictObject({
    creditoId: id.optional(),
    personaId: id.optional(),
    fecha: fecha.optional(),
    primerPago: fecha.optional(),
    plazo: z
      .number()
      .int('debe ser un número entero')
      .min(1, 'debe ser al menos 1')
      .max(240, 'admite a lo más 240')
      .optional(),
  })
  .refine((s) => (s.creditoId === undefined) !== (s.personaId === undefined), {
    message: 'indica el crédito (creditoId) o la persona (personaId), uno de los dos',
    path: ['creditoId'],
  });

/** The catalogue of alternatives and campaigns (administrador), and the simulator (counter). */
export function rutasAlternativas(contexto: ContextoApp): void {
  const rutas = enrutador(contexto);

  rutas.get(
    '/api/alternativas',
    {
      accion: 'alternativas.consultar',
      resumen: 'Lista las alternativas de solución con su versión vigente y la programada',
      respuesta: listaAlternativas,
    },
    async ({ ctx, enTransaccion }) => ({
      alternativas: await enTransaccion((trx) => listarAlternativas(trx, ctx)),
    }),
  );

  rutas.get(
    '/api/alternativas/:id',
    {
      accion: 'alternativas.consultar',
      params: idEnRuta,
      resumen: 'Consulta una alternativa con todas sus versiones',
      respuesta: respuestaAlternativa,
    },
    async ({ params: { id }, ctx, enTransaccion }) => ({
      alternativa: await enTransaccion((trx) => consultarAlternativa(trx, id, ctx)),
    }),
  );

  rutas.post(
    '/api/alternativas',
    {
      accion: 'alternativas.administrar',
      resumen: 'Crea una alternativa de solución con su primera versión',
      respuesta: respuestaAlternativa,
    },
    async ({ ctx, enTransaccion, request, responder }) => {
      // The kind first, alone: it decides which parameters the rest must have.
      const { tipo } = validar(soloTipo, request.body);
      const datos = validar(esquemaNuevaAlternativa(tipo), request.body);
      const alternativa = await enTransaccion((trx) => crearAlternativa(trx, datos, ctx));
      return responder(201, { alternativa });
    },
  );

  rutas.put(
    '/api/alternativas/:id',
    {
      accion: 'alternativas.administrar',
      params: idEnRuta,
      resumen: 'Agrega una versión a una alternativa',
      respuesta: respuestaAlternativa,
    },
    async ({ params: { id }, ctx, enTransaccion, request }) => {
      const { tipo } = validar(soloTipo, request.body);
      const datos = validar(esquemaVersionAlternativa(tipo), request.body);
      return {
        alternativa: await enTransaccion((trx) => versionarAlternativa(trx, id, datos, ctx)),
      };
    },
  );

  rutas.get(
    '/api/campanas',
    {
      accion: 'campanas.consultar',
      resumen: 'Lista las campañas con su versión vigente y la programada',
      respuesta: listaCampanas,
    },
    async ({ ctx, enTransaccion }) => ({
      campanas: await enTransaccion((trx) => listarCampanas(trx, ctx)),
    }),
  );

  rutas.get(
    '/api/campanas/:id',
    {
      accion: 'campanas.consultar',
      params: idEnRuta,
      resumen: 'Consulta una campaña con todas sus versiones',
      respuesta: respuestaCampana,
    },
    async ({ params: { id }, ctx, enTransaccion }) => ({
      campana: await enTransaccion((trx) => consultarCampana(trx, id, ctx)),
    }),
  );

  rutas.post(
    '/api/campanas',
    {
      accion: 'campanas.administrar',
      body: esquemaNuevaCampana,
      resumen: 'Crea una campaña con su primera versión',
      respuesta: respuestaCampana,
    },
    async ({ body, ctx, enTransaccion, responder }) => {
      const campana = await enTransaccion((trx) => crearCampana(trx, body, ctx));
      return responder(201, { campana });
    },
  );

  rutas.put(
    '/api/campanas/:id',
    {
      accion: 'campanas.administrar',
      params: idEnRuta,
      body: esquemaVersionCampana,
      resumen: 'Agrega una versión a una campaña',
      respuesta: respuestaCampana,
    },
    async ({ params: { id }, body, ctx, enTransaccion }) => ({
      campana: await enTransaccion((trx) => versionarCampana(trx, id, body, ctx)),
    }),
  );

  rutas.post(
    '/api/simulaciones',
    {
      accion: 'simulaciones.simular',
      body: simulacion,
      resumen:
        'Simula las alternativas y campañas que se le pueden ofrecer a un crédito o a una persona',
      respuesta: esquemaSimulacion,
    },
    async ({ body: s, ctx, enTransaccion }) => {
      const quien =
        s.creditoId !== undefined ? { creditoId: s.creditoId } : { personaId: s.personaId ?? 0 };
      return enTransaccion((trx) =>
        simularAlternativas(
          trx,
          {
            quien,
            fecha: s.fecha ?? null,
            primerPago: s.primerPago ?? null,
            plazo: s.plazo ?? null,
          },
          ctx,
        ),
      );
    },
  );
}
