import { z } from 'zod';
import { MOTIVOS, type MotivoTurno } from '../../domain/turno.ts';
import { cambiarTurno } from '../../modules/turnos/cambiar-turno.ts';
import { indicadoresTurnos } from '../../modules/turnos/indicadores-turnos.ts';
import { listarTurnos } from '../../modules/turnos/listar-turnos.ts';
import { registrarTurno } from '../../modules/turnos/registrar-turno.ts';
import { vincularPersona } from '../../modules/turnos/vincular-persona.ts';
import type { ContextoApp } from '../app.ts';
import { abrirAvisosEnVivo } from '../avisos-en-vivo.ts';
import { enrutador } from '../ruta.ts';
import { fechaOpcional, id, idEnRuta, texto } from '../validacion.ts';

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

export function rutasTurnos(contexto: ContextoApp): void {
  const { db } = contexto.deps;
  const rutas = enrutador(contexto);

  rutas.get(
    '/api/turnos',
    { accion: 'turnos.consultar', query: dia },
    async ({ query: { fecha }, ctx, enTransaccion }) =>
      enTransaccion((trx) => listarTurnos(trx, fecha ?? null, ctx)),
  );

  rutas.post(
    '/api/turnos',
    { accion: 'turnos.atender', body: nuevo },
    async ({ body, ctx, enTransaccion, reply }) =>
      reply.status(201).send(await enTransaccion((trx) => registrarTurno(trx, body, ctx))),
  );

  rutas.post(
    '/api/turnos/:id/eventos',
    { accion: 'turnos.atender', params: idEnRuta, body: cambio },
    async ({ params: { id }, body, ctx, enTransaccion }) =>
      enTransaccion((trx) => cambiarTurno(trx, id, body, ctx)),
  );

  rutas.put(
    '/api/turnos/:id/persona',
    { accion: 'turnos.atender', params: idEnRuta, body: vinculo },
    async ({ params: { id }, body: { personaId }, ctx, enTransaccion }) =>
      enTransaccion((trx) => vincularPersona(trx, id, personaId, ctx)),
  );

  rutas.get(
    '/api/turnos/indicadores',
    { accion: 'turnos.indicadores', query: periodo },
    async ({ query: q, ctx }) => {
      const hoy = ctx.reloj.hoy();
      return indicadoresTurnos(db, q.desde ?? hoy, q.hasta ?? hoy, ctx);
    },
  );

  // Server-sent events: a line each time this office's queue changes; the page then refetches.
  rutas.get(
    '/api/turnos/avisos',
    { accion: 'turnos.consultar' },
    async ({ ctx, request, reply }) => {
      const oficina = String(ctx.actor.oficinaId);
      abrirAvisosEnVivo(request, reply, contexto.deps.avisos, 'turnos', oficina);
    },
  );
}
