import { z } from 'zod';
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
import { contextoDe } from '../autenticacion.ts';
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
export function rutasAlternativas({ app, deps }: ContextoApp): void {
  const { db, reloj } = deps;
  const enTx = db.transaction.bind(db);

  app.get(
    '/api/alternativas',
    { config: { accion: 'alternativas.consultar' } },
    async (request) => {
      const ctx = contextoDe(request, reloj);
      return { alternativas: await enTx().execute((trx) => listarAlternativas(trx, ctx)) };
    },
  );

  app.get(
    '/api/alternativas/:id',
    { config: { accion: 'alternativas.consultar' } },
    async (request) => {
      const ctx = contextoDe(request, reloj);
      const { id } = validar(idEnRuta, request.params);
      return { alternativa: await enTx().execute((trx) => consultarAlternativa(trx, id, ctx)) };
    },
  );

  app.post(
    '/api/alternativas',
    { config: { accion: 'alternativas.administrar' } },
    async (request, reply) => {
      const ctx = contextoDe(request, reloj);
      // The kind first, alone: it decides which parameters the rest must have.
      const { tipo } = validar(soloTipo, request.body);
      const datos = validar(esquemaNuevaAlternativa(tipo), request.body);
      const alternativa = await enTx().execute((trx) => crearAlternativa(trx, datos, ctx));
      return reply.status(201).send({ alternativa });
    },
  );

  app.put(
    '/api/alternativas/:id',
    { config: { accion: 'alternativas.administrar' } },
    async (request) => {
      const ctx = contextoDe(request, reloj);
      const { id } = validar(idEnRuta, request.params);
      const { tipo } = validar(soloTipo, request.body);
      const datos = validar(esquemaVersionAlternativa(tipo), request.body);
      return {
        alternativa: await enTx().execute((trx) => versionarAlternativa(trx, id, datos, ctx)),
      };
    },
  );

  app.get('/api/campanas', { config: { accion: 'campanas.consultar' } }, async (request) => {
    const ctx = contextoDe(request, reloj);
    return { campanas: await enTx().execute((trx) => listarCampanas(trx, ctx)) };
  });

  app.get('/api/campanas/:id', { config: { accion: 'campanas.consultar' } }, async (request) => {
    const ctx = contextoDe(request, reloj);
    const { id } = validar(idEnRuta, request.params);
    return { campana: await enTx().execute((trx) => consultarCampana(trx, id, ctx)) };
  });

  app.post(
    '/api/campanas',
    { config: { accion: 'campanas.administrar' } },
    async (request, reply) => {
      const ctx = contextoDe(request, reloj);
      const datos = validar(esquemaNuevaCampana, request.body);
      const campana = await enTx().execute((trx) => crearCampana(trx, datos, ctx));
      return reply.status(201).send({ campana });
    },
  );

  app.put('/api/campanas/:id', { config: { accion: 'campanas.administrar' } }, async (request) => {
    const ctx = contextoDe(request, reloj);
    const { id } = validar(idEnRuta, request.params);
    const datos = validar(esquemaVersionCampana, request.body);
    return { campana: await enTx().execute((trx) => versionarCampana(trx, id, datos, ctx)) };
  });

  app.post('/api/simulaciones', { config: { accion: 'simulaciones.simular' } }, async (request) => {
    const ctx = contextoDe(request, reloj);
    const s = validar(simulacion, request.body);
    const quien =
      s.creditoId !== undefined ? { creditoId: s.creditoId } : { personaId: s.personaId ?? 0 };
    return enTx().execute((trx) =>
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
  });
}
