import type { FastifyContextConfig, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodType } from 'zod';
import type { EnElServidor } from '../contrato/comun.ts';
import type { Db } from '../db/conexion.ts';
import type { ContextoAutenticado } from '../modules/contexto.ts';
import type { ContextoApp } from './app.ts';
import { type AccionDeRuta, contextoDe } from './autenticacion.ts';
import { responderUnaVez } from './idempotencia-http.ts';
import { validar } from './validacion.ts';

/**
 * A route's policy, the schemas of its input and the limits Fastify applies before the handler.
 * The input is validated in this order (the first offending field is the one the 400 names):
 * path, query string, headers, body.
 */
export interface OpcionesDeRuta<P, Q, H, B, R = unknown> {
  accion: AccionDeRuta;
  params?: ZodType<P>;
  query?: ZodType<Q>;
  headers?: ZodType<H>;
  body?: ZodType<B>;
  bodyLimit?: number;
  rateLimit?: FastifyContextConfig['rateLimit'];
  /** What the route does, in Spanish, for the OpenAPI document (`GET /api/docs`). */
  resumen?: string;
  /**
   * The JSON it answers, from `src/contrato/`: the handler's return (or `responder`/`unaVez`
   * body) is type-checked against it, and `/api/docs` publishes it.
   */
  respuesta?: ZodType<R>;
  /** It answers a file (`descarga`) instead of JSON: its kinds, for `/api/docs`. */
  archivo?: ReadonlyArray<keyof typeof MIME>;
  /** It answers server-sent events (`text/event-stream`). */
  eventos?: true;
  /** It answers 204 with no body. */
  sinContenido?: true;
}

/** What `/api/docs` knows of a route: its options as written, kept in its Fastify config. */
export type ContratoDeRuta = Omit<
  OpcionesDeRuta<unknown, unknown, unknown, unknown, unknown>,
  'bodyLimit' | 'rateLimit'
>;

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Set by `enrutador`: what `GET /api/docs` publishes of the route. */
    contrato?: ContratoDeRuta;
  }
}

/** What a handler receives: its input already validated, who asks, and its transaction. */
export interface Peticion<P, Q, H, B, R = unknown> {
  params: P;
  query: Q;
  headers: H;
  body: B;
  /** Read on first use: a public route has no session, so it never reads it. */
  readonly ctx: ContextoAutenticado;
  request: FastifyRequest;
  reply: FastifyReply;
  /** The use case and its bitácora row commit together, or neither does. */
  enTransaccion<T>(trabajo: (trx: Db) => Promise<T>): Promise<T>;
  /**
   * A money- or custody-moving request: its Idempotency-Key, the work and the stored answer in
   * one transaction (src/http/idempotencia-http.ts); `cuerpo` is what a retry must repeat.
   */
  unaVez(
    trabajo: (trx: Db) => Promise<{ estadoHttp: number; cuerpo: EnElServidor<R> }>,
    cuerpo?: unknown,
  ): Promise<FastifyReply>;
  /** An answer with its own status (201, 202): its body held to the route's contract. */
  responder(estadoHttp: number, cuerpo: EnElServidor<R>): FastifyReply;
}

/**
 * A handler answers its contract's shape (as the server holds it: `Date` where the wire has an
 * ISO text), or a reply it already sent (a file, an error, `responder`, `unaVez`).
 */
export type Manejador<P, Q, H, B, R = unknown> = (
  peticion: Peticion<P, Q, H, B, R>,
) => EnElServidor<R> | FastifyReply | Promise<EnElServidor<R> | FastifyReply>;

type Registro = <P = undefined, Q = undefined, H = undefined, B = undefined, R = unknown>(
  url: string,
  opciones: OpcionesDeRuta<P, Q, H, B, R>,
  // The contract alone says R: what the handler returns is checked against it, not inferred.
  manejar: Manejador<P, Q, H, B, NoInfer<R>>,
) => void;

export interface Enrutador {
  get: Registro;
  post: Registro;
  put: Registro;
  patch: Registro;
  delete: Registro;
}

/** Without a schema the field is `undefined`, which is what its type parameter defaults to. */
function leer<T>(esquema: ZodType<T> | undefined, valor: unknown): T {
  return esquema === undefined ? (undefined as T) : validar(esquema, valor);
}

/** Registers routes on `app` (the app or a scope of its own) that get their input and context. */
export function enrutador({ app, deps }: ContextoApp): Enrutador {
  const { db, reloj } = deps;
  const registro =
    (metodo: keyof Enrutador): Registro =>
    (url, opciones, manejar) => {
      const { accion, params, query, headers, body, bodyLimit, rateLimit } = opciones;
      const { bodyLimit: _l, rateLimit: _r, ...contrato } = opciones;
      const config: FastifyContextConfig =
        rateLimit === undefined ? { accion, contrato } : { accion, contrato, rateLimit };
      app[metodo](
        url,
        bodyLimit === undefined ? { config } : { config, bodyLimit },
        async (request, reply) => {
          // One property after another: the order of validation is the order written here.
          const entrada = {
            params: leer(params, request.params),
            query: leer(query, request.query),
            headers: leer(headers, request.headers),
            body: leer(body, request.body),
          };
          let ctx: ContextoAutenticado | undefined;
          const contexto = () => {
            ctx ??= contextoDe(request, reloj);
            return ctx;
          };
          return manejar({
            ...entrada,
            get ctx() {
              return contexto();
            },
            request,
            reply,
            enTransaccion: (trabajo) => db.transaction().execute(trabajo),
            unaVez: (trabajo, cuerpo) =>
              responderUnaVez(db, request, reply, contexto(), trabajo, cuerpo),
            responder: (estadoHttp, cuerpo) => reply.status(estadoHttp).send(cuerpo),
          });
        },
      );
    };
  return {
    get: registro('get'),
    post: registro('post'),
    put: registro('put'),
    patch: registro('patch'),
    delete: registro('delete'),
  };
}

/** The kinds of file Recupera hands out, by their usual extension. */
export const MIME = {
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  zip: 'application/zip',
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
  // A scan is served as it was stored: one of these three (tipo-por-firma.ts).
  jpeg: 'image/jpeg',
  png: 'image/png',
} as const;

export interface Descarga {
  /** An extension of MIME, or the type itself (a scan's, as it was stored). */
  tipo: keyof typeof MIME | `${string}/${string}`;
  nombre: string;
  cuerpo: unknown;
  /**
   * A name a person chose (a scan's) or built from one (a credit's number): written also as
   * `filename*` (RFC 6266 / 8187), so that accents survive and quotes cannot break the header.
   * Names Recupera composes of ASCII go as a plain `filename="…"`.
   */
  nombreLibre?: boolean;
  /** Shown in the browser instead of saved (a scan opened from its page). */
  enLinea?: boolean;
  /** Content-Length, when the body is a stream of a known size. */
  bytes?: number;
}

const esExtension = (tipo: string): tipo is keyof typeof MIME => Object.hasOwn(MIME, tipo);

function disposicion({ nombre, nombreLibre, enLinea }: Descarga): string {
  const tipo = enLinea ? 'inline' : 'attachment';
  if (!nombreLibre) return `${tipo}; filename="${nombre}"`;
  const ascii = nombre
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `${tipo}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(nombre)}`;
}

/** A file as an answer: its type, its name for the browser, and its bytes. */
export function descarga(reply: FastifyReply, d: Descarga): FastifyReply {
  reply.type(esExtension(d.tipo) ? MIME[d.tipo] : d.tipo);
  if (d.bytes !== undefined) reply.header('content-length', d.bytes);
  return reply.header('content-disposition', disposicion(d)).send(d.cuerpo);
}
