import { z } from 'zod';
import { MOTIVOS, type MotivoTurno } from '../../domain/turno.ts';
import { cambiarTurno } from '../../modules/turnos/cambiar-turno.ts';
import { indicadoresTurnos } from '../../modules/turnos/indicadores-turnos.ts';
import { listarTurnos } from '../../modules/turnos/listar-turnos.ts';
import { registrarTurno } from '../../modules/turnos/registrar-turno.ts';
import { vincularPersona } from '../../modules/turnos/vincular-persona.ts';
import type { ContextoApp } from '../app.ts';
import { contextoDe } from '../autenticacion.ts';
import { abrirAvisosEnVivo } from '../avisos-en-vivo.ts';
import { fechaOpcional, id, idEnRuta, texto, validar } from '../validacion.ts';

const nuevo = z.strictObject({
  nombre: texto(120),
  motivo: z.enum(MOTIVOS as [MotivoTurno, ...MotivoTurno[]]),
});
const cambio = z.discriminatedUnion('evento', [
  z.strictObject({ evento: z.literal('tomar') }),
  z.strictObject({ evento: z.literal('devolver') }),
  z.strictObject({ evento: z.literal('abandonar') }),
  z.strictObject({ evento: z.literal('cerrar'), resultado: texto(500, { renglones: true }) }),
]);
const vinculo = z.strictObject({ personaId: id });
const dia = z.strictObject({ fecha: fechaOpcional });
const periodo = z.strictObject({ desde: fechaOpcional, hasta: fechaOpcional });

export function rutasTurnos({ app, deps }: ContextoApp): void {
  const { db, reloj } = deps;
  const enTx = db.transaction.bind(db);

  app.get('/api/turnos', { config: { accion: 'turnos.consultar' } }, async (request) => {
    const ctx = contextoDe(request, reloj);
    const { fecha } = validar(dia, request.query);
    return enTx().execute((trx) => listarTurnos(trx, fecha ?? null, ctx));
  });

  app.post('/api/turnos', { config: { accion: 'turnos.atender' } }, async (request, reply) => {
    const ctx = contextoDe(request, reloj);
    const entrada = validar(nuevo, request.body);
    return reply.status(201).send(await enTx().execute((trx) => registrarTurno(trx, entrada, ctx)));
  });

  app.post('/api/turnos/:id/eventos', { config: { accion: 'turnos.atender' } }, async (request) => {
    const ctx = contextoDe(request, reloj);
    const { id } = validar(idEnRuta, request.params);
    const c = validar(cambio, request.body);
    return enTx().execute((trx) => cambiarTurno(trx, id, c, ctx));
  });

  app.put('/api/turnos/:id/persona', { config: { accion: 'turnos.atender' } }, async (request) => {
    const ctx = contextoDe(request, reloj);
    const { id } = validar(idEnRuta, request.params);
    const { personaId } = validar(vinculo, request.body);
    return enTx().execute((trx) => vincularPersona(trx, id, personaId, ctx));
  });

  app.get(
    '/api/turnos/indicadores',
    { config: { accion: 'turnos.indicadores' } },
    async (request) => {
      const ctx = contextoDe(request, reloj);
      const q = validar(periodo, request.query);
      const hoy = ctx.reloj.hoy();
      return indicadoresTurnos(db, q.desde ?? hoy, q.hasta ?? hoy, ctx);
    },
  );

  // Server-sent events: a line each time this office's queue changes; the page then refetches.
  app.get(
    '/api/turnos/avisos',
    { config: { accion: 'turnos.consultar' } },
    async (request, reply) => {
      const { actor } = contextoDe(request, reloj);
      abrirAvisosEnVivo(request, reply, deps.avisos, 'turnos', String(actor.oficinaId));
    },
  );
}
