import { z } from 'zod';
import {
  documentosEmitidos,
  plantillaConVersiones,
  tiposDePlantilla,
  versionDePlantilla,
} from '../../contrato/plantillas.ts';
import { TIPOS_DE_PLANTILLA } from '../../domain/plantillas/index.ts';
import {
  consultarPlantilla,
  listarTiposDePlantilla,
} from '../../modules/plantillas/consultar-plantillas.ts';
import { generarDocumento } from '../../modules/plantillas/generar-documento.ts';
import { guardarPlantilla } from '../../modules/plantillas/guardar-plantilla.ts';
import { listarDocumentosEmitidos } from '../../modules/plantillas/listar-documentos-emitidos.ts';
import { previsualizarPlantilla } from '../../modules/plantillas/previsualizar-plantilla.ts';
import { reimprimirDocumento } from '../../modules/plantillas/reimprimir-documento.ts';
import type { ContextoApp } from '../app.ts';
import { descarga, enrutador } from '../ruta.ts';
import { cadena, idEnConsulta, idEnRuta, texto } from '../validacion.ts';

const tipoEnRuta = z.strictObject({
  tipo: z.enum(TIPOS_DE_PLANTILLA, `debe ser uno de: ${TIPOS_DE_PLANTILLA.join(', ')}`),
});
const consultaVersion = z.strictObject({ version: idEnConsulta.optional() });
// Each section's own limit is checked by the domain (validarTextos), with its title.
const textos = z.record(
  z.string().max(60, 'el nombre de la sección admite a lo más 60 caracteres'),
  cadena({ renglones: true }).pipe(z.string().max(20000, 'admite a lo más 20000 caracteres')),
  'deben ser los textos de cada sección',
);

/** Templates of the documents (administrador) and the documents issued with them. */
export function rutasPlantillas(contexto: ContextoApp): void {
  const rutas = enrutador(contexto);

  rutas.get(
    '/api/plantillas',
    {
      accion: 'plantillas.consultar',
      resumen: 'Documentos con plantilla editable: secciones, variables y versión vigente',
      respuesta: tiposDePlantilla,
    },
    async ({ enTransaccion }) => ({
      tipos: await enTransaccion((trx) => listarTiposDePlantilla(trx)),
    }),
  );

  rutas.get(
    '/api/plantillas/:tipo',
    {
      accion: 'plantillas.consultar',
      resumen: 'Textos de una plantilla (vigente o una versión) y sus versiones',
      params: tipoEnRuta,
      query: consultaVersion,
      respuesta: plantillaConVersiones,
    },
    async ({ params: { tipo }, query: { version }, enTransaccion }) =>
      enTransaccion((trx) => consultarPlantilla(trx, tipo, version)),
  );

  rutas.post(
    '/api/plantillas/:tipo',
    {
      accion: 'plantillas.administrar',
      resumen: 'Guarda una versión nueva de una plantilla',
      params: tipoEnRuta,
      body: z.strictObject({ textos, basadaEn: idEnConsulta.optional() }),
      respuesta: versionDePlantilla,
    },
    async ({ params: { tipo }, body, ctx, enTransaccion, responder }) => {
      const guardada = await enTransaccion((trx) => guardarPlantilla(trx, tipo, body, ctx));
      return responder(201, guardada);
    },
  );

  rutas.post(
    '/api/plantillas/:tipo/vista-previa',
    {
      accion: 'plantillas.administrar',
      resumen: 'PDF de un borrador con un crédito real, sin guardar ni registrar emisión',
      params: tipoEnRuta,
      body: z.strictObject({ textos, credito: texto(40) }),
      archivo: ['pdf'],
    },
    async ({ params: { tipo }, body, ctx, enTransaccion, reply }) => {
      const pdf = await enTransaccion((trx) =>
        previsualizarPlantilla(trx, tipo, body.textos, body.credito, ctx),
      );
      return descarga(reply, {
        tipo: 'pdf',
        nombre: `vista-previa-${tipo}.pdf`,
        cuerpo: pdf,
        enLinea: true,
      });
    },
  );

  // A reprint: the policy of the document's own route is checked inside, with its scope.
  rutas.get(
    '/api/documentos-emitidos/:id/pdf',
    {
      accion: 'documentos.reimprimir',
      resumen: 'Reimprime un documento emitido con las versiones con que se emitió',
      params: idEnRuta,
      archivo: ['pdf'],
    },
    async ({ params: { id }, ctx, enTransaccion, reply }) => {
      const { tipo, impresion } = await enTransaccion((trx) => reimprimirDocumento(trx, id, ctx));
      const pdf = await generarDocumento(impresion);
      reply.header('x-documento-emitido', String(id));
      return descarga(reply, { tipo: 'pdf', nombre: `${tipo}-${id}.pdf`, cuerpo: pdf });
    },
  );

  rutas.get(
    '/api/creditos/:id/documentos-emitidos',
    {
      accion: 'documentos.reimprimir',
      resumen: 'Documentos emitidos de un crédito',
      params: idEnRuta,
      respuesta: documentosEmitidos,
    },
    async ({ params: { id }, ctx, enTransaccion }) => ({
      documentos: await enTransaccion((trx) => listarDocumentosEmitidos(trx, id, ctx)),
    }),
  );
}
