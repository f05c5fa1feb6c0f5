import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import pg from 'pg';
import { ZodError } from 'zod';
import { esBaseNoDisponible } from '../db/base-no-disponible.ts';
import { type CodigoError, ErrorDominio, NegadoComoInexistente } from '../domain/errores.ts';
import { anotarDenegacion } from './denegaciones-http.ts';
import { mensajeDeZod } from './validacion.ts';

/** The only place where a domain error code becomes an HTTP status. */
export function estadoHttp(codigo: CodigoError): number {
  switch (codigo) {
    case 'entrada_invalida':
    case 'contrasena_incorrecta':
    case 'contrasena_debil':
      return 400;
    case 'no_autenticado':
    case 'credenciales_invalidas':
      return 401;
    case 'prohibido':
      return 403;
    case 'no_encontrado':
      return 404;
    case 'usuario_duplicado':
    case 'conflicto':
    case 'idempotencia_conflicto':
    case 'plan_cambiado':
    case 'posible_duplicado':
    case 'pieza_prestada':
    case 'datos_del_instituto_incompletos':
      return 409;
    case 'credito_inconsistente':
    case 'pago_invalido':
    case 'excede_adeudo':
    case 'tasa_invalida':
    case 'fuera_de_horario':
    case 'contacto_no_permitido':
    case 'sin_consentimiento':
    case 'en_juridico':
    case 'limite_de_contactos':
    case 'contacto_con_oposicion':
    case 'gestion_invalida':
    case 'gestor_invalido':
    case 'mes_cerrado':
      return 422;
    case 'demasiado_grande':
      return 413;
    case 'tipo_no_admitido':
      return 415;
    case 'demasiados_intentos':
      return 429;
  }
}

export interface CuerpoError {
  error: { codigo: string; mensaje: string; campo?: string };
}

export function cuerpoError(
  codigo: string,
  mensaje: string,
  campo?: string,
  datos: Readonly<Record<string, unknown>> = {},
): CuerpoError {
  // The error's own facts go beside the envelope's three fields and never replace them.
  return {
    error:
      campo === undefined ? { ...datos, codigo, mensaje } : { ...datos, codigo, mensaje, campo },
  };
}

function errorDeFastify(
  e: FastifyError,
  request: FastifyRequest,
): { estado: number; cuerpo: CuerpoError } | null {
  switch (e.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return {
        estado: 413,
        cuerpo: cuerpoError(
          'entrada_invalida',
          'El cuerpo de la solicitud excede el tamaño permitido.',
        ),
      };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return {
        estado: 415,
        cuerpo: cuerpoError(
          'entrada_invalida',
          `Esta operación no admite un cuerpo de tipo «${request.headers['content-type'] ?? 'sin tipo'}».`,
        ),
      };
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return {
        estado: 400,
        cuerpo: cuerpoError('entrada_invalida', 'Falta el cuerpo JSON de la solicitud.'),
      };
    default:
      if (e instanceof SyntaxError || e.code === 'FST_ERR_CTP_INVALID_JSON_BODY') {
        return {
          estado: 400,
          cuerpo: cuerpoError('entrada_invalida', 'El cuerpo no es JSON válido.'),
        };
      }
      if (e.statusCode === 429) {
        return {
          estado: 429,
          cuerpo: cuerpoError(
            'demasiados_intentos',
            'Demasiadas solicitudes; espera un momento e intenta de nuevo.',
          ),
        };
      }
      return null;
  }
}

/** The database is restarting or unreachable: nothing was done, and trying again is safe. */
export const BASE_NO_DISPONIBLE = cuerpoError(
  'sin_base_de_datos',
  'La base de datos no está disponible en este momento. Intenta de nuevo en unos segundos.',
);

/**
 * SQLSTATE class 22, "data exception": PostgreSQL refused a value (a NUL in text, a date or a
 * number out of its range, a byte sequence that is not UTF-8). The edge's schemas refuse these
 * first; one that still slips through is the client's input, not a fault of the server.
 */
function esDatoRechazadoPorLaBase(e: unknown): boolean {
  return e instanceof pg.DatabaseError && typeof e.code === 'string' && e.code.startsWith('22');
}

export function manejarError(error: unknown, request: FastifyRequest, reply: FastifyReply): void {
  if (error instanceof ErrorDominio) {
    if (error.codigo === 'prohibido' || error instanceof NegadoComoInexistente)
      anotarDenegacion(request, error.message);
    reply
      .status(estadoHttp(error.codigo))
      .send(cuerpoError(error.codigo, error.message, error.campo, error.datos));
    return;
  }
  if (error instanceof ZodError) {
    const { mensaje, campo } = mensajeDeZod(error);
    reply.status(400).send(cuerpoError('entrada_invalida', mensaje, campo));
    return;
  }
  if (esDatoRechazadoPorLaBase(error)) {
    // Logged: each one is a gap in a schema, to be closed there with a message naming the field.
    request.log.warn({ err: error }, 'dato rechazado por la base de datos');
    reply
      .status(400)
      .send(
        cuerpoError(
          'entrada_invalida',
          'Algún dato de la solicitud tiene un valor que no se puede guardar (un carácter, una fecha o un número fuera de rango). Revísalo e intenta de nuevo.',
        ),
      );
    return;
  }
  if (esBaseNoDisponible(error)) {
    reply.status(503).header('retry-after', '5').send(BASE_NO_DISPONIBLE);
    return;
  }
  const deFastify = errorDeFastify(error as FastifyError, request);
  if (deFastify) {
    reply.status(deFastify.estado).send(deFastify.cuerpo);
    return;
  }
  request.log.error({ err: error }, 'error no controlado');
  reply
    .status(500)
    .send(
      cuerpoError(
        'error_interno',
        'Ocurrió un error inesperado. Intenta de nuevo; si persiste, avisa a soporte.',
      ),
    );
}
