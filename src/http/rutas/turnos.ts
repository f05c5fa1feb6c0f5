import { z } from 'zod';
import {
  indicadoresTurnos as esquemaIndicadores,
  listaTurnos,
  turno,
} from '../../contrato/turnos.ts';
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
    {
      accion: 'turnos.consultar',
      resumen: 'Turnos del día en la oficina',
      query: dia,
      respuesta: listaTurnos,
    },
    async ({ query: { fecha }, ctx, enTransaccion }) =>
      enTransaccion((trx) => listarTurnos(trx, fecha ?? null, ctx)),
  );

  rutas.post(
    '/api/turnos',
    {
      accion: 'turnos.atender',
      resumen: 'Registra la llegada de una persona al mostrador (201)',
      body: nuevo,
      respuesta: turno,
    },
    async ({ body, ctx, enTransaccion, responder }) =>
      responder(201, await enTransaccion((trx) => registrarTurno(trx, body, ctx))),
  );

  rutas.post(
    '/api/turnos/:id/eventos',
    {
      accion: 'turnos.atender',
      resumen: 'Toma, devuelve, cierra o abandona un turno',
      params: idEnRuta,
      body: cambio,
      respuesta: turno,
    },
    async ({ params: { id }, body, ctx, enTransaccion }) =>
      enTransaccion((trx) => cambiarTurno(trx, id, body, ctx)),
  );

  rutas.put(
    '/api/turnos/:id/persona',
    {
      accion: 'turnos.atender',
      resumen: 'Liga el turno con la persona del padrón',
      params: idEnRuta,
      body: vinculo,
      respuesta: turno,
    },
    async ({ params: { id }, body: { personaId }, ctx, enTransaccion }) =>
      enTransaccion((trx) => vincularPersona(trx, id, personaId, ctx)),
  );

  rutas.get(
    '/api/turnos/indicadores',
    {
      accion: 'turnos.indicadores',
      resumen: 'Indicadores de atención en mostrador por día y por gestor',
      query: periodo,
      respuesta: esquemaIndicadores,
    },
    async ({ query: q, ctx }) => {
      const hoy = ctx.reloj.hoy();
      return indicadoresTurnos(db, q.desde ?? hoy, q.hasta ?? hoy, ctx);
    },
  );

  // Server-sent events: a line each time this office's queue changes; the page then refetches.
  rutas.get(
    '/api/turnos/avisos',
    {
      accion: 'turnos.consultar',
      resumen: 'Avisos en vivo de cambios en los turnos de la oficina (SSE)',
      eventos: true,
    },
    async ({ ctx, request, reply }) => {
      const oficina = String(ctx.actor.oficinaId);
      abrirAvisosEnVivo(request, reply, contexto.deps.avisos, 'turnos', oficina);
    },
  );
}
