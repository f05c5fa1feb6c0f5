import { createReadStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { z } from 'zod';
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
import {
  leerImagenesDelPaquete,
  prepararPaqueteDeEvidencia,
} from '../../modules/juridico/paquete-de-evidencia.ts';
import type { ContextoApp } from '../app.ts';
import { contextoDe } from '../autenticacion.ts';
import { idEnConsulta, idEnRuta, nombreDeArchivo, textoOpcional, validar } from '../validacion.ts';

const consultaSubida = z.strictObject({
  ministracionId: idEnConsulta.optional(),
  actuacionId: idEnConsulta.optional(),
  descripcion: textoOpcional(500).optional(),
});
const encabezadosSubida = z.object({
  // The browser sends the bare name; another client might send a path: only its name counts.
  'x-nombre-archivo': nombreDeArchivo.transform((n) => basename(n.replace(/\\/g, '/'))),
});

/**
 * `Content-Disposition` for a name a person chose: a plain-ASCII fallback and the exact name
 * (RFC 6266 / RFC 8187 `filename*`), so that accents survive and quotes cannot break the header.
 */
export function disposicion(tipo: 'inline' | 'attachment', nombre: string): string {
  const ascii = nombre
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `${tipo}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(nombre)}`;
}

/** Scans of expedientes and pagarés: upload, list, view, and the originals as a ZIP. */
export function rutasEscaneos({ app, deps }: ContextoApp): void {
  const { db, reloj } = deps;
  const carpetaDatos = deps.carpetaDatos ?? join(tmpdir(), 'recupera-datos');

  // Its own scope: the body of an upload is the file, byte for byte, whatever Content-Type the
  // client gave it (the kind comes from the bytes). No parser reads it: the route streams it to
  // disk and counts its bytes itself (20 MB, then 413). Fastify's bodyLimit (64 kB for the whole
  // app) binds only the parsers that read a body, so it does not apply here.
  app.register(async (ambito) => {
    ambito.removeAllContentTypeParsers();
    ambito.addContentTypeParser('*', (_request, _cuerpo, listo) => listo(null));
    ambito.post(
      '/api/creditos/:id/escaneos',
      { config: { accion: 'escaneos.subir' } },
      async (request, reply) => {
        const ctx = contextoDe(request, reloj);
        const { id } = validar(idEnRuta, request.params);
        const consulta = validar(consultaSubida, request.query);
        const { 'x-nombre-archivo': nombre } = validar(encabezadosSubida, request.headers);
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
        await db.transaction().execute((trx) => comprobarDestinoDeEscaneo(trx, destino, ctx));
        if (Number(request.headers['content-length']) > LIMITE_DE_ESCANEO)
          throw escaneoDemasiadoGrande();
        // Outside any transaction: a slow upload must not hold a database connection.
        const recibido = await recibirEscaneo(request.raw, carpetaDatos);
        await guardarPorContenido(carpetaDatos, recibido);
        const r = await db.transaction().execute((trx) =>
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
        return reply.status(r.nuevo ? 201 : 200).send(r.escaneo);
      },
    );
  });

  app.get(
    '/api/creditos/:id/escaneos',
    { config: { accion: 'escaneos.consultar' } },
    async (request) => {
      const ctx = contextoDe(request, reloj);
      const { id } = validar(idEnRuta, request.params);
      return db.transaction().execute((trx) => listarEscaneos(trx, id, ctx));
    },
  );

  app.get(
    '/api/escaneos/:id',
    { config: { accion: 'escaneos.consultar' } },
    async (request, reply) => {
      const ctx = contextoDe(request, reloj);
      const { id } = validar(idEnRuta, request.params);
      const escaneo = await db
        .transaction()
        .execute((trx) => consultarEscaneo(trx, id, carpetaDatos, ctx));
      return reply
        .type(escaneo.tipo)
        .header('content-length', escaneo.bytes)
        .header('content-disposition', disposicion('inline', escaneo.nombre))
        .send(createReadStream(escaneo.ruta));
    },
  );

  app.get(
    '/api/creditos/:id/escaneos.zip',
    { config: { accion: 'escaneos.consultar' } },
    async (request, reply) => {
      const ctx = contextoDe(request, reloj);
      const { id } = validar(idEnRuta, request.params);
      const { numero, archivos } = await db
        .transaction()
        .execute((trx) => prepararZipDeEscaneos(trx, id, carpetaDatos, ctx));
      return reply
        .type('application/zip')
        .header('content-disposition', disposicion('attachment', `escaneos-${numero}.zip`))
        .send(zipDeEscaneos(archivos, ctx.reloj.ahora()));
    },
  );

  // The evidence pack (issue 10 item 6): it embeds the credit's scans, so it lives with them.
  app.get(
    '/api/creditos/:id/paquete-de-evidencia.pdf',
    { config: { accion: 'evidencia.descargar' } },
    async (request, reply) => {
      const ctx = contextoDe(request, reloj);
      const { id } = validar(idEnRuta, request.params);
      const paquete = await db
        .transaction()
        .execute((trx) => prepararPaqueteDeEvidencia(trx, id, carpetaDatos, ctx));
      const pdf = await generarPdfPaqueteDeEvidencia(
        paquete,
        await leerImagenesDelPaquete(paquete.escaneos),
        { emitido: ctx.reloj.ahora(), usuario: ctx.actor.nombre },
      );
      return reply
        .type('application/pdf')
        .header(
          'content-disposition',
          disposicion(
            'attachment',
            `paquete-de-evidencia-${paquete.credito.numero}-${paquete.hoy}.pdf`,
          ),
        )
        .send(pdf);
    },
  );
}
