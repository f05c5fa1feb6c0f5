import { timingSafeEqual } from 'node:crypto';
import type { CookieSerializeOptions } from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../db/conexion.ts';
import type { Reloj } from '../domain/reloj.ts';
import { type Accion, esAccion, puede } from '../modules/autorizacion/politicas.ts';
import type { ContextoAutenticado } from '../modules/contexto.ts';
import { resolverSesion, type SesionActiva } from '../modules/seguridad/resolver-sesion.ts';
import { anotarDenegacion } from './denegaciones-http.ts';
import { cuerpoError } from './errores-http.ts';

/**
 * The session cookie, the same when it is set and when it is cleared. Behind HTTPS it carries
 * the `__Host-` prefix: the browser then keeps it only if it is Secure, for Path=/ and without
 * Domain, so no other host under the same domain can set or shadow it.
 */
export function cookieDeSesion(segura: boolean): {
  nombre: string;
  opciones: CookieSerializeOptions;
} {
  return {
    nombre: segura ? '__Host-recupera_sesion' : 'recupera_sesion',
    opciones: { httpOnly: true, sameSite: 'strict', secure: segura, path: '/' },
  };
}

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

/**
 * A state-changing request must come from our own pages: same origin (scheme, host and port)
 * when the browser says. Our own origin is the one the request reached: its Host and scheme, or
 * the balancer's X-Forwarded-Host/-Proto when CONFIAR_EN_PROXY trusts it; with COOKIE_SEGURA
 * the public origin is HTTPS even if a proxy ends TLS without saying so.
 */
function origenAjeno(request: FastifyRequest, segura: boolean): boolean {
  const origen = request.headers.origin;
  if (!origen) return false;
  try {
    const propio = new URL(`${segura ? 'https' : request.protocol}://${request.host}`);
    return new URL(origen).origin !== propio.origin;
  } catch {
    return true;
  }
}

function negar(reply: FastifyReply, estado: 401 | 403, codigo: string, mensaje: string) {
  if (estado === 403) anotarDenegacion(reply.request, mensaje);
  return reply.status(estado).send(cuerpoError(codigo, mensaje));
}

export function registrarAutenticacion(
  app: FastifyInstance,
  db: Db,
  reloj: Reloj,
  rutasApi: string[],
  cookieSegura: boolean,
): void {
  const cookie = cookieDeSesion(cookieSegura);
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
    if (!METODOS_SEGUROS.has(request.method) && origenAjeno(request, cookieSegura)) {
      return negar(reply, 403, 'prohibido', 'Solicitud rechazada: su origen no es Recupera.');
    }
    const firmada = request.cookies[cookie.nombre];
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
