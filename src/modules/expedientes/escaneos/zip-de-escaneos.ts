import { Readable } from 'node:stream';
import yazl from 'yazl';
import type { Db } from '../../../db/conexion.ts';
import { exigirCreditoVisible } from '../../autorizacion/exigir-credito-visible.ts';
import { registrarEnBitacora } from '../../bitacora/registrar-en-bitacora.ts';
import { type ContextoAutenticado, origenDe } from '../../contexto.ts';
import { escaneoAusente, existeEscaneo, rutaDeEscaneo } from './almacen-de-escaneos.ts';
import { type EscaneoConCredito, escaneosDe } from './vista-escaneo.ts';

export const MANIFIESTO = 'MANIFIESTO-SHA256.txt';

export interface ArchivoDelZip {
  nombre: string;
  ruta: string;
  sha256: string;
  subidoEn: Date;
}

/**
 * A scan's name inside the ZIP: its id first (two scans may share a name, and it ties the file
 * to its row), then the name it was uploaded with, without what a file system would read as
 * a folder or refuse on Windows.
 */
export function nombreEnZip(escaneo: Pick<EscaneoConCredito, 'id' | 'nombre'>): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it removes.
  const limpio = escaneo.nombre.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_');
  return `${escaneo.id}-${limpio}`;
}

/**
 * The credit's scans for its ZIP: scope checked (404, 403), every file on disk (a missing one
 * fails the whole ZIP before it starts, naming it), and the download logged.
 */
export async function prepararZipDeEscaneos(
  trx: Db,
  creditoId: number,
  carpetaDatos: string,
  ctx: ContextoAutenticado,
): Promise<{ numero: string; archivos: ArchivoDelZip[] }> {
  await exigirCreditoVisible(trx, creditoId, ctx.actor);
  const { numero } = await trx
    .selectFrom('creditos')
    .select('numero')
    .where('id', '=', creditoId)
    .executeTakeFirstOrThrow();
  const escaneos = await escaneosDe(trx, { creditoId });
  for (const e of escaneos) {
    if (!(await existeEscaneo(carpetaDatos, e.sha256))) throw escaneoAusente(e.nombre);
  }
  await registrarEnBitacora(trx, origenDe(ctx), {
    accion: 'escaneos.consultar_zip',
    objetoTipo: 'credito',
    objetoId: creditoId,
    detalle: { escaneos: escaneos.map((e) => e.id) },
  });
  return {
    numero,
    archivos: escaneos.map((e) => ({
      nombre: nombreEnZip(e),
      ruta: rutaDeEscaneo(carpetaDatos, e.sha256),
      sha256: e.sha256,
      subidoEn: new Date(e.subidoEn),
    })),
  };
}

/** `sha256sum` format (hash, two spaces, name): `sha256sum -c MANIFIESTO-SHA256.txt` checks them. */
export function manifiesto(archivos: readonly ArchivoDelZip[]): string {
  return archivos.map((a) => `${a.sha256}  ${a.nombre}\n`).join('');
}

/**
 * The originals and their manifest as a ZIP stream: yazl reads each file when its turn comes,
 * so memory holds a chunk, not the scans. Stored, not deflated: PDF, JPEG and PNG are
 * compressed already, and deflating them again costs time for nothing.
 */
export function zipDeEscaneos(archivos: readonly ArchivoDelZip[], creado: Date): Readable {
  const zip = new yazl.ZipFile();
  for (const a of archivos) zip.addFile(a.ruta, a.nombre, { compress: false, mtime: a.subidoEn });
  zip.addBuffer(Buffer.from(manifiesto(archivos), 'utf8'), MANIFIESTO, { mtime: creado });
  zip.end();
  // yazl's output is a PassThrough; its typings only promise a NodeJS.ReadableStream.
  const salida = zip.outputStream;
  if (!(salida instanceof Readable)) throw new Error('yazl no devolvió un flujo legible');
  return salida;
}
