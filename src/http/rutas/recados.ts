import { z } from 'zod';
import { ErrorDominio } from '../../domain/errores.ts';
import { ESTADOS_RECADO, type EstadoRecado } from '../../domain/gestion/estado-recado.ts';
import { atenderRecado } from '../../modules/recados/atender-recado.ts';
import { listarRecados } from '../../modules/recados/listar-recados.ts';
import { marcarRecadoLeido } from '../../modules/recados/marcar-recado-leido.ts';
import { registrarRecado } from '../../modules/recados/registrar-recado.ts';
import { revelarTelefonoDelRecado } from '../../modules/recados/revelar-telefono-del-recado.ts';
import type { ContextoApp } from '../app.ts';
import { contextoDe } from '../autenticacion.ts';
import { abrirAvisosEnVivo } from '../avisos-en-vivo.ts';
import { id, idEnRuta, instante, texto, textoOpcional, validar } from '../validacion.ts';
import { cuerpoGestion } from './esquema-gestion.ts';

const nuevo = z.strictObject({
  creditoId: id.nullable().default(null),
  personaId: id.nullable().default(null),
  llamanteNombre: texto(200),
  llamanteTelefono: textoOpcional(40).default(null),
  paraId: id.nullable().default(null),
  mensaje: texto(2000, { renglones: true }),
  volverALlamar: instante.nullable().default(null),
});
const consulta = z.strictObject({
  estado: z
    .enum(ESTADOS_RECADO as [EstadoRecado, ...EstadoRecado[]], 'debe ser nuevo, leido o atendido')
    .optional(),
});
// A gestión's body; the recado is the one in the path, and the credit is named only when the
// recado names none.
const atencion = cuerpoGestion.omit({ recadoId: true }).extend({
  creditoId: id.nullable().default(null),
});

export function rutasRecados({ app, deps }: ContextoApp): void {
  const { db, reloj } = deps;
  const enTx = db.transaction.bind(db);

  app.post('/api/recados', { config: { accion: 'recados.registrar' } }, async (request, reply) => {
    const ctx = contextoDe(request, reloj);
    const r = validar(nuevo, request.body);
    return reply.status(201).send(await enTx().execute((trx) => registrarRecado(trx, r, ctx)));
  });

  app.get('/api/recados', { config: { accion: 'recados.consultar' } }, async (request) => {
    const ctx = contextoDe(request, reloj);
    const { estado } = validar(consulta, request.query);
    return enTx().execute((trx) => listarRecados(trx, estado ?? null, ctx));
  });

  app.post(
    '/api/recados/:id/lectura',
    { config: { accion: 'recados.consultar' } },
    async (request) => {
      const ctx = contextoDe(request, reloj);
      const { id: recadoId } = validar(idEnRuta, request.params);
      return enTx().execute((trx) => marcarRecadoLeido(trx, recadoId, ctx));
    },
  );

  app.post(
    '/api/recados/:id/atencion',
    { config: { accion: 'recados.atender' } },
    async (request, reply) => {
      const ctx = contextoDe(request, reloj);
      const { id: recadoId } = validar(idEnRuta, request.params);
      const { creditoId, ...g } = validar(atencion, request.body);
      // A refused contact commits its bitácora row, then answers 422.
      const r = await enTx().execute((trx) => atenderRecado(trx, recadoId, creditoId, g, ctx));
      if (r.rechazo !== null) throw new ErrorDominio(r.rechazo.codigo, r.rechazo.mensaje);
      return reply.status(201).send({ gestion: r.gestion, recado: r.recado });
    },
  );

  // The caller's number, whole, to call back: a logged reveal (the list shows it masked).
  app.post(
    '/api/recados/:id/revelar',
    { config: { accion: 'personas.revelar' } },
    async (request) => {
      const ctx = contextoDe(request, reloj);
      const { id: recadoId } = validar(idEnRuta, request.params);
      validar(z.strictObject({}), request.body);
      return enTx().execute((trx) => revelarTelefonoDelRecado(trx, recadoId, ctx));
    },
  );

  // Server-sent events: a line each time this user's recados change; the page then refetches.
  app.get(
    '/api/recados/avisos',
    { config: { accion: 'recados.consultar' } },
    async (request, reply) => {
      const { actor } = contextoDe(request, reloj);
      abrirAvisosEnVivo(request, reply, deps.avisos, 'recados', String(actor.id));
    },
  );
}
