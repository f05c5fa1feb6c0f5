import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../db/conexion.ts';
import { ErrorDominio } from '../domain/errores.ts';
import type { ContextoAutenticado } from '../modules/contexto.ts';
import { unaSolaVez } from '../modules/pagos/idempotencia.ts';

const FORMA_CLAVE = /^[A-Za-z0-9_.:-]{8,200}$/;

/** Every money-moving request carries an Idempotency-Key; a retry gets the first answer back. */
export function claveDeIdempotencia(request: FastifyRequest): string {
  const clave = request.headers['idempotency-key'];
  if (typeof clave !== 'string' || clave === '') {
    throw new ErrorDominio(
      'entrada_invalida',
      'Falta el encabezado Idempotency-Key: cada operación que mueve dinero lleva una clave única.',
      'Idempotency-Key',
    );
  }
  if (!FORMA_CLAVE.test(clave)) {
    throw new ErrorDominio(
      'entrada_invalida',
      'Idempotency-Key: de 8 a 200 letras, números, guion, punto o dos puntos.',
      'Idempotency-Key',
    );
  }
  return clave;
}

/**
 * One transaction: the key, the work, its bitácora row and the stored answer. The key belongs
 * to the request's user; `cuerpo` is what a retry must repeat (the request's body unless the
 * route reads a raw file and names it another way).
 */
export async function responderUnaVez<T>(
  db: Db,
  request: FastifyRequest,
  reply: FastifyReply,
  ctx: ContextoAutenticado,
  trabajo: (trx: Db) => Promise<{ estadoHttp: number; cuerpo: T }>,
  // No body at all is read as `{}`, as `validar` reads it (undefined has no JSON to hash).
  cuerpo: unknown = request.body ?? {},
) {
  const clave = claveDeIdempotencia(request);
  const ruta = `${request.method} ${request.url.split('?')[0]}`;
  const r = await db
    .transaction()
    .execute((trx) =>
      unaSolaVez(trx, { usuarioId: ctx.actor.id, clave, ruta, cuerpo }, ctx.reloj.ahora(), () =>
        trabajo(trx),
      ),
    );
  if (!r.nueva) reply.header('idempotent-replayed', 'true');
  return reply.status(r.estadoHttp).type('application/json; charset=utf-8').send(r.cuerpo);
}
