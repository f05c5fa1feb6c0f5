import { type ZodType, z } from 'zod';
import { error } from '../contrato/comun.ts';
import { type ContratoDeRuta, MIME } from './ruta.ts';

/** A registered API route and what it declared (`enrutador` keeps it in the Fastify config). */
export interface RutaDocumentada {
  metodo: string;
  url: string;
  contrato: ContratoDeRuta | undefined;
}

type EsquemaJson = Record<string, unknown>;

/**
 * A zod schema as JSON Schema 2020-12, OpenAPI 3.1's own dialect. Requests are documented as the
 * client writes them (`io: 'input'`: before coercions and transforms), answers as sent. What JSON
 * Schema cannot say (a refinement, a transform's function) is left out, never invented.
 */
function esquemaJson(esquema: ZodType, io: 'input' | 'output'): EsquemaJson {
  const { $schema: _, ...resto } = z.toJSONSchema(esquema, { io, unrepresentable: 'any' });
  return resto;
}

/** `/api/creditos/:id` → `/api/creditos/{id}`. */
const rutaOpenApi = (url: string) => url.replace(/:([A-Za-z0-9_]+)/g, '{$1}');

/** The path, query or header schema (an object) as OpenAPI parameters, one per property. */
function parametros(esquema: ZodType | undefined, lugar: 'path' | 'query' | 'header') {
  if (esquema === undefined) return [];
  const json = esquemaJson(esquema, 'input');
  const propiedades = (json.properties ?? {}) as Record<string, EsquemaJson>;
  const requeridos = new Set((json.required ?? []) as string[]);
  return Object.entries(propiedades).map(([nombre, schema]) => ({
    name: nombre,
    in: lugar,
    required: lugar === 'path' || requeridos.has(nombre),
    schema,
  }));
}

const ERROR = {
  description: 'Error: `{ error: { codigo, mensaje, campo? } }`',
  content: { 'application/json': { schema: esquemaJson(error, 'output') } },
};

function respuestas(contrato: ContratoDeRuta | undefined) {
  if (contrato?.archivo !== undefined) {
    const content = Object.fromEntries(
      contrato.archivo.map((tipo) => [
        MIME[tipo].split(';')[0],
        { schema: { type: 'string', contentEncoding: 'binary' } },
      ]),
    );
    return { '200': { description: 'El archivo', content }, default: ERROR };
  }
  if (contrato?.sinContenido) {
    return { '204': { description: 'Hecho; sin contenido' }, default: ERROR };
  }
  if (contrato?.eventos) {
    return {
      '200': {
        description: 'Eventos del servidor (Server-Sent Events)',
        content: { 'text/event-stream': { schema: { type: 'string' } } },
      },
      default: ERROR,
    };
  }
  const exito =
    contrato?.respuesta === undefined
      ? { description: 'Respuesta sin contrato declarado' }
      : {
          description: 'Respuesta',
          content: { 'application/json': { schema: esquemaJson(contrato.respuesta, 'output') } },
        };
  return { '200': exito, default: ERROR };
}

function operacion({ metodo, url, contrato }: RutaDocumentada) {
  const parameters = [
    ...parametros(contrato?.params, 'path'),
    ...parametros(contrato?.query, 'query'),
    ...parametros(contrato?.headers, 'header'),
  ];
  return {
    summary: contrato?.resumen ?? `${metodo} ${url}`,
    operationId: `${metodo.toLowerCase()} ${url}`,
    ...(contrato?.accion === undefined ? {} : { 'x-accion': contrato.accion }),
    ...(parameters.length === 0 ? {} : { parameters }),
    ...(contrato?.body === undefined
      ? {}
      : {
          requestBody: {
            required: true,
            content: { 'application/json': { schema: esquemaJson(contrato.body, 'input') } },
          },
        }),
    responses: respuestas(contrato),
  };
}

/** The OpenAPI 3.1 document of the API, built from the routes as they were registered. */
export function documentoOpenApi(rutas: readonly RutaDocumentada[], version: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const ruta of rutas) {
    const camino = rutaOpenApi(ruta.url);
    paths[camino] ??= {};
    paths[camino][ruta.metodo.toLowerCase()] = operacion(ruta);
  }
  return {
    openapi: '3.1.0' as const,
    info: {
      title: 'Recupera — API',
      version,
      description:
        'Contrato de la API de Recupera, generado de los mismos esquemas zod con que el ' +
        'servidor valida y tipa sus respuestas (src/contrato/). Las sesiones usan la cookie ' +
        '«sesion» y el encabezado X-CSRF-Token en toda petición que no sea GET.',
    },
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    paths,
  };
}
