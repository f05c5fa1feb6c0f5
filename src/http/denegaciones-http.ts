import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Db } from '../db/conexion.ts';
import type { Reloj } from '../domain/reloj.ts';
import { registrarDenegacion } from '../modules/bitacora/registrar-denegacion.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** Why this request is being refused (403, or a 404 that hides an object out of scope). */
    denegacion: string | null;
  }
}

/**
 * Marks the request as refused. Called where a 403 is answered: the route-level policy
 * (src/http/autenticacion.ts) and a use case's `prohibido` (src/http/errores-http.ts).
 * A 401 is not a denial to record: it names no one, the login page's own session check is
 * one on every visit, and failed logins have their own record (intentos_login).
 */
export function anotarDenegacion(request: FastifyRequest, motivo: string): void {
  request.denegacion = motivo;
}

/** The resource a route's `:id` names, from the segment before it: `/api/creditos/:id` → credito. */
const TIPO_POR_SEGMENTO: Readonly<Record<string, string>> = {
  alternativas: 'alternativa',
  campanas: 'campana',
  convenios: 'convenio',
  correos: 'correo',
  creditos: 'credito',
  domicilios: 'domicilio',
  movimientos: 'movimiento',
  pendientes: 'deposito_pendiente',
  personas: 'persona',
  recados: 'recado',
  'resultados-gestion': 'resultado_gestion',
  suplencias: 'suplencia',
  telefonos: 'telefono',
  trabajos: 'trabajo',
  turnos: 'turno',
  usuarios: 'usuario',
};

const LARGO_MAXIMO_ID = 80;

/**
 * The `:id` as the caller sent it, made storable: a refusal at the route level comes before
 * validation, so it may be anything (a NUL, megabytes of text). Control characters cannot go
 * into PostgreSQL's text and are replaced; the length is capped.
 */
function idLegible(valor: unknown): string | null {
  if (typeof valor !== 'string' || valor === '') return null;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point.
  return valor.slice(0, LARGO_MAXIMO_ID).replace(/[\u0000-\u001f\u007f]/g, '\ufffd');
}

function objetoDe(request: FastifyRequest): { objetoTipo: string | null; objetoId: string | null } {
  const patron = request.routeOptions.url ?? '';
  const id = idLegible((request.params as Record<string, unknown> | undefined)?.id);
  const segmento = /\/([^/]+)\/:id(?:\/|$)/.exec(patron)?.[1];
  if (id === null || segmento === undefined) return { objetoTipo: null, objetoId: null };
  return { objetoTipo: TIPO_POR_SEGMENTO[segmento] ?? segmento, objetoId: id };
}

/**
 * Records every refused request after its answer is ready and before it is sent: the use
 * case's transaction has already rolled back, so the record goes in a transaction of its own.
 * Recording can never change the answer: if it fails (the database is down), it is logged and
 * the 403 goes out as it was.
 */
export function registrarDenegaciones(app: FastifyInstance, db: Db, reloj: Reloj): void {
  app.decorateRequest('denegacion', null);
  app.addHook('onSend', async (request, reply, payload) => {
    const motivo = request.denegacion;
    if (motivo === null || (reply.statusCode !== 403 && reply.statusCode !== 404)) return payload;
    const sesion = request.sesion;
    try {
      await db.transaction().execute((trx) =>
        registrarDenegacion(
          trx,
          { actor: sesion?.actor ?? null, ip: request.ip, instante: reloj.ahora() },
          {
            ruta: `${request.method} ${request.routeOptions.url ?? '(sin ruta)'}`,
            motivo,
            ...objetoDe(request),
          },
        ),
      );
    } catch (error) {
      request.log.error({ err: error }, 'no se pudo registrar una solicitud rechazada');
    }
    return payload;
  });
}
