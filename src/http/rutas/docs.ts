import { createRequire } from 'node:module';
import { z } from 'zod';
import type { ContextoApp } from '../app.ts';
import { documentoOpenApi, type RutaDocumentada } from '../openapi.ts';
import { enrutador } from '../ruta.ts';

const { version } = createRequire(import.meta.url)('../../../package.json') as { version: string };

const documento = z.looseObject({
  openapi: z.literal('3.1.0'),
  paths: z.record(z.string(), z.unknown()),
});

/**
 * `GET /api/docs`: the OpenAPI 3.1 document of every API route. Registered before the others,
 * it watches every route being registered; the document is built once, on the first request,
 * when all of them are.
 */
export function rutasDocs(contexto: ContextoApp): void {
  const rutas: RutaDocumentada[] = [];
  contexto.app.addHook('onRoute', (ruta) => {
    if (!ruta.url.startsWith('/api')) return;
    for (const metodo of [ruta.method].flat()) {
      if (metodo === 'HEAD') continue;
      rutas.push({ metodo, url: ruta.url, contrato: ruta.config?.contrato });
    }
  });
  let construido: ReturnType<typeof documentoOpenApi> | undefined;
  enrutador(contexto).get(
    '/api/docs',
    {
      accion: 'api.documentacion',
      resumen: 'Documento OpenAPI 3.1 de la API',
      respuesta: documento,
    },
    async () => {
      construido ??= documentoOpenApi(rutas, version);
      return construido;
    },
  );
}
