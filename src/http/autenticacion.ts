import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../db/conexion.ts';
import type { Reloj } from '../domain/reloj.ts';
import { type Accion, esAccion, puede } from '../modules/autorizacion/politicas.ts';
import type { ContextoAutenticado } from '../modules/contexto.ts';
import { resolverSesion, type SesionActiva } from '../modules/seguridad/resolver-sesion.ts';
import { cuerpoError } from './errores-http.ts';

export const COOKIE_SESION = 'recupera_sesion';

export type AccionDeRuta = Accion | 'publica';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The use case's policy; every /api route must name one (checked when it is registered). */
    accion?: AccionDeRuta;
  }
  interface FastifyRequest {
    sesion: SesionActiva | null;
  }
}

const METODOS_SEGUROS = new Set(['GET', 'HEAD', 'OPTIONS']);

function iguales(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** A state-changing request must come from our own pages: same origin when the browser says. */
function origenAjeno(request: FastifyRequest): boolean {
  const origen = request.headers.origin;
  if (!origen) return false;
  try {
    return new URL(origen).host !== request.headers.host;
  } catch {
    return true;
  }
}

function negar(reply: FastifyReply, estado: 401 | 403, codigo: string, mensaje: string) {
  return reply.status(estado).send(cuerpoError(codigo, mensaje));
}

export function registrarAutenticacion(
  app: FastifyInstance,
  db: Db,
  reloj: Reloj,
  rutasApi: string[],
): void {
  app.decorateRequest('sesion', null);

  app.addHook('onRoute', (ruta) => {
    if (!ruta.url.startsWith('/api')) return;
    const accion = ruta.config?.accion;
    if (accion === undefined || (accion !== 'publica' && !esAccion(accion))) {
      throw new Error(
        `La ruta ${String(ruta.method)} ${ruta.url} no declara una política de autorización.`,
      );
    }
    for (const metodo of [ruta.method].flat()) {
      if (metodo !== 'HEAD') rutasApi.push(`${metodo} ${ruta.url}`);
    }
  });

  // onRequest, before the body is read: an anonymous or forbidden caller is refused without
  // Recupera receiving the spreadsheet or bank statement it sends (up to several megabytes).
  app.addHook('onRequest', async (request, reply) => {
    const accion = request.routeOptions.config.accion;
    if (accion === undefined) return; // not an API route: static files
    if (!METODOS_SEGUROS.has(request.method) && origenAjeno(request)) {
      return negar(reply, 403, 'prohibido', 'Solicitud rechazada: su origen no es Recupera.');
    }
    const firmada = request.cookies[COOKIE_SESION];
    const token = firmada ? request.unsignCookie(firmada) : null;
    request.sesion =
      token?.valid && token.value ? await resolverSesion(db, token.value, reloj) : null;
    if (accion === 'publica') return;
    if (!request.sesion) {
      return negar(reply, 401, 'no_autenticado', 'Tu sesión no está activa; entra de nuevo.');
    }
    if (!METODOS_SEGUROS.has(request.method)) {
      const csrf = request.headers['x-csrf-token'];
      if (typeof csrf !== 'string' || !iguales(csrf, request.sesion.csrf)) {
        return negar(
          reply,
          403,
          'prohibido',
          'Falta el token de seguridad (CSRF) o no coincide; recarga la página.',
        );
      }
    }
    if (!puede(request.sesion.actor, accion)) {
      return negar(reply, 403, 'prohibido', 'No tienes permiso para esta operación.');
    }
  });
}

/** The context a use case receives from an authenticated request (the onRequest hook guarantees it). */
export function contextoDe(request: FastifyRequest, reloj: Reloj): ContextoAutenticado {
  if (!request.sesion) throw new Error('ruta sin sesión: falta su política');
  return { reloj, ip: request.ip, actor: request.sesion.actor };
}
