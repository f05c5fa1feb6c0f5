import { createReadStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { z } from 'zod';
import { escaneo as esquemaEscaneo, listaEscaneos } from '../../contrato/expedientes.ts';
import { ErrorDominio } from '../../domain/errores.ts';
import { generarPdfPaqueteDeEvidencia } from '../../modules/documentos/paquete-de-evidencia-pdf.ts';
import {
  escaneoDemasiadoGrande,
  guardarPorContenido,
  LIMITE_DE_ESCANEO,
  recibirEscaneo,
} from '../../modules/expedientes/escaneos/almacen-de-escaneos.ts';
import { consultarEscaneo } from '../../modules/expedientes/escaneos/consultar-escaneo.ts';
import { listarEscaneos } from '../../modules/expedientes/escaneos/listar-escaneos.ts';
import {
  comprobarDestinoDeEscaneo,
  registrarEscaneo,
} from '../../modules/expedientes/escaneos/subir-escaneo.ts';
import {
  prepararZipDeEscaneos,
  zipDeEscaneos,
} from '../../modules/expedientes/escaneos/zip-de-escaneos.ts';
import { razonSocialParaImprimir } from '../../modules/instituto/datos-del-instituto.ts';
import {
  leerImagenesDelPaquete,
  prepararPaqueteDeEvidencia,
} from '../../modules/juridico/paquete-de-evidencia.ts';
import type { ContextoApp } from '../app.ts';
import { descarga, enrutador } from '../ruta.ts';
import { idEnConsulta, idEnRuta, nombreDeArchivo, textoOpcional } from '../validacion.ts';

const consultaSubida = z.strictObject({
  ministracionId: idEnConsulta.optional(),
  actuacionId: idEnConsulta.optional(),
  descripcion: textoOpcional(500).optional(),
});
const encabezadosSubida = z.object({
  // The browser sends the bare name; another client might send a path: only its name counts.
  'x-nombre-archivo': nombreDeArchivo.transform((n) => basename(n.replace(/\\/g, '/'))),
});

/** Scans of expedientes and pagarés: upload, list, view, and the originals as a ZIP. */
export function rutasEscaneos(contexto: ContextoApp): void {
  const { deps } = contexto;
  const carpetaDatos = deps.carpetaDatos ?? join(tmpdir(), 'recupera-datos');
  const rutas = enrutador(contexto);

  // Its own scope: the body of an upload is the file, byte for byte, whatever Content-Type the
  // client gave it (the kind comes from the bytes). No parser reads it: the route streams it to
  // disk and counts its bytes itself (20 MB, then 413). Fastify's bodyLimit (64 kB for the whole
  // app) binds only the parsers that read a body, so it does not apply here.
  contexto.app.register(async (ambito) => {
    ambito.removeAllContentTypeParsers();
    ambito.addContentTypeParser('*', (_request, _cuerpo, listo) => listo(null));
    enrutador({ app: ambito, deps }).post(
      '/api/creditos/:id/escaneos',
      {
        accion: 'escaneos.subir',
        resumen: 'Sube un escaneo (PDF, JPEG o PNG, el archivo tal cual en el cuerpo)',
        params: idEnRuta,
        query: consultaSubida,
        headers: encabezadosSubida,
        respuesta: esquemaEscaneo,
      },
      async ({
        params: { id },
        query: consulta,
        headers,
        ctx,
        enTransaccion,
        request,
        responder,
      }) => {
        const { 'x-nombre-archivo': nombre } = headers;
        if (nombre === '' || nombre === '.' || nombre === '..')
          throw new ErrorDominio(
            'entrada_invalida',
            'Campo «x-nombre-archivo»: debe ser el nombre del archivo.',
            'x-nombre-archivo',
          );
        const destino = {
          creditoId: id,
          ministracionId: consulta.ministracionId ?? null,
          actuacionId: consulta.actuacionId ?? null,
        };
        // Refused before a byte is read: no file is written for a request that cannot succeed.
        await enTransaccion((trx) => comprobarDestinoDeEscaneo(trx, destino, ctx));
        if (Number(request.headers['content-length']) > LIMITE_DE_ESCANEO)
          throw escaneoDemasiadoGrande();
        // Outside any transaction: a slow upload must not hold a database connection.
        const recibido = await recibirEscaneo(request.raw, carpetaDatos);
        await guardarPorContenido(carpetaDatos, recibido);
        const r = await enTransaccion((trx) =>
          registrarEscaneo(
            trx,
            {
              ...destino,
              nombre,
              descripcion: consulta.descripcion ?? null,
              sha256: recibido.sha256,
              bytes: recibido.bytes,
              tipo: recibido.tipo,
            },
            ctx,
          ),
        );
        return responder(r.nuevo ? 201 : 200, r.escaneo);
      },
    );
  });

  rutas.get(
    '/api/creditos/:id/escaneos',
    {
      accion: 'escaneos.consultar',
      resumen: 'Los escaneos de un crédito, del más antiguo al más reciente',
      params: idEnRuta,
      respuesta: listaEscaneos,
    },
    async ({ params: { id }, ctx, enTransaccion }) =>
      enTransaccion((trx) => listarEscaneos(trx, id, ctx)),
  );

  rutas.get(
    '/api/escaneos/:id',
    {
      accion: 'escaneos.consultar',
      resumen: 'Un escaneo, para verlo en el navegador (PDF, JPEG o PNG)',
      params: idEnRuta,
      archivo: ['pdf', 'jpeg', 'png'],
    },
    async ({ params: { id }, ctx, enTransaccion, reply }) => {
      const escaneo = await enTransaccion((trx) => consultarEscaneo(trx, id, carpetaDatos, ctx));
      return descarga(reply, {
        tipo: escaneo.tipo,
        nombre: escaneo.nombre,
        nombreLibre: true,
        enLinea: true,
        bytes: escaneo.bytes,
        cuerpo: createReadStream(escaneo.ruta),
      });
    },
  );

  rutas.get(
    '/api/creditos/:id/escaneos.zip',
    {
      accion: 'escaneos.consultar',
      resumen: 'Los escaneos originales de un crédito con su manifiesto SHA-256 (ZIP)',
      params: idEnRuta,
      archivo: ['zip'],
    },
    async ({ params: { id }, ctx, enTransaccion, reply }) => {
      const { numero, archivos } = await enTransaccion((trx) =>
        prepararZipDeEscaneos(trx, id, carpetaDatos, ctx),
      );
      return descarga(reply, {
        tipo: 'zip',
        nombre: `escaneos-${numero}.zip`,
        nombreLibre: true,
        cuerpo: zipDeEscaneos(archivos, ctx.reloj.ahora()),
      });
    },
  );

  // The evidence pack (issue 10 item 6): it embeds the credit's scans, so it lives with them.
  rutas.get(
    '/api/creditos/:id/paquete-de-evidencia.pdf',
    {
      accion: 'evidencia.descargar',
      resumen: 'El paquete de evidencia de un crédito para el juicio (PDF)',
      params: idEnRuta,
      archivo: ['pdf'],
    },
    async ({ params: { id }, ctx, enTransaccion, reply }) => {
      const { paquete, razonSocial } = await enTransaccion(async (trx) => ({
        paquete: await prepararPaqueteDeEvidencia(trx, id, carpetaDatos, ctx),
        razonSocial: await razonSocialParaImprimir(trx),
      }));
      const pdf = await generarPdfPaqueteDeEvidencia(
        paquete,
        await leerImagenesDelPaquete(paquete.escaneos),
        { emitido: ctx.reloj.ahora(), usuario: ctx.actor.nombre },
        razonSocial,
      );
      return descarga(reply, {
        tipo: 'pdf',
        nombre: `paquete-de-evidencia-${paquete.credito.numero}-${paquete.hoy}.pdf`,
        nombreLibre: true,
        cuerpo: pdf,
      });
    },
  );
}
