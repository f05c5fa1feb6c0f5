import { createHash, randomUUID } from 'node:crypto';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { type Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ErrorDominio } from '../../../domain/errores.ts';
import { BYTES_DE_FIRMA, type TipoDeEscaneo, tipoPorFirma } from './tipo-por-firma.ts';

/**
 * Scans live on disk under DATA_DIR/escaneos, named by their SHA-256 and spread over 256
 * folders by its first two hex digits (`escaneos/3f/3f9a…`): the same bytes are one file however
 * many times they are attached, and a name can never be chosen by the sender. The database keeps
 * the row (which credit, which pagaré, who, when, the hash); docs/expedientes.md says why the
 * bytes are not in PostgreSQL.
 */
export const LIMITE_DE_ESCANEO = 20 * 1024 * 1024;

export const carpetaDeEscaneos = (carpetaDatos: string) => join(carpetaDatos, 'escaneos');

export const rutaDeEscaneo = (carpetaDatos: string, sha256: string) =>
  join(carpetaDeEscaneos(carpetaDatos), sha256.slice(0, 2), sha256);

/** A scan received whole into a temporary file, beside where it will live (one rename away). */
export interface EscaneoRecibido {
  temporal: string;
  sha256: string;
  bytes: number;
  tipo: TipoDeEscaneo;
}

export function escaneoDemasiadoGrande(): ErrorDominio {
  return new ErrorDominio(
    'demasiado_grande',
    `El archivo pasa de ${LIMITE_DE_ESCANEO / (1024 * 1024)} MB, el límite de un escaneo. Escanéalo con menor resolución o en escala de grises, o divídelo en varios archivos.`,
    'archivo',
  );
}

function tipoNoAdmitido(): ErrorDominio {
  return new ErrorDominio(
    'tipo_no_admitido',
    'El archivo no es un PDF, un JPG ni un PNG (se revisa su contenido, no su nombre): escanea el documento en uno de esos formatos.',
    'archivo',
  );
}

/**
 * Copies the upload to a temporary file under DATA_DIR/escaneos/tmp while hashing it and
 * counting its bytes, one chunk at a time: memory holds a chunk, never the file. Its kind comes
 * from its first bytes, checked as soon as they arrive (415 before the rest is written), and
 * the copy stops at the first byte past the limit (413). On any failure the temporary file is
 * gone.
 */
export async function recibirEscaneo(
  flujo: Readable,
  carpetaDatos: string,
  limite = LIMITE_DE_ESCANEO,
): Promise<EscaneoRecibido> {
  const carpeta = join(carpetaDeEscaneos(carpetaDatos), 'tmp');
  await mkdir(carpeta, { recursive: true });
  const temporal = join(carpeta, randomUUID());
  const hash = createHash('sha256');
  let bytes = 0;
  let cabecera = Buffer.alloc(0);
  let tipo: TipoDeEscaneo | null = null;
  const revisar = new Transform({
    transform(trozo: Buffer, _codificacion, listo) {
      bytes += trozo.length;
      if (bytes > limite) return listo(escaneoDemasiadoGrande());
      if (tipo === null && cabecera.length < BYTES_DE_FIRMA) {
        cabecera = Buffer.concat([cabecera, trozo.subarray(0, BYTES_DE_FIRMA - cabecera.length)]);
        tipo = tipoPorFirma(cabecera);
        // The longest signature is in and none matched: nothing after it can change that.
        if (tipo === null && cabecera.length >= BYTES_DE_FIRMA) return listo(tipoNoAdmitido());
      }
      hash.update(trozo);
      listo(null, trozo);
    },
  });
  // Created before the copy starts: a stream that opened its file lazily could still create
  // it after a failed copy had deleted it, and leave it behind.
  const archivo = await open(temporal, 'wx', 0o640);
  try {
    await pipeline(flujo, revisar, archivo.createWriteStream());
    // A file shorter than the longest signature was only checked against the shorter ones.
    tipo ??= tipoPorFirma(cabecera);
    if (bytes === 0)
      throw new ErrorDominio('entrada_invalida', 'El archivo está vacío.', 'archivo');
    if (tipo === null) throw tipoNoAdmitido();
    return { temporal, sha256: hash.digest('hex'), bytes, tipo };
  } catch (e) {
    await archivo.close().catch(() => {});
    await rm(temporal, { force: true });
    throw e;
  }
}

/**
 * Moves a received scan to its place by content. When a file with that hash is there already
 * (the same scan attached twice, or to another pagaré) it is kept and the copy is dropped: the
 * same name means the same bytes. A rename within one file system is atomic, so a reader never
 * sees half a scan.
 */
export async function guardarPorContenido(
  carpetaDatos: string,
  recibido: EscaneoRecibido,
): Promise<{ ruta: string; reutilizado: boolean }> {
  const ruta = rutaDeEscaneo(carpetaDatos, recibido.sha256);
  const existente = await stat(ruta).catch(() => null);
  if (existente?.isFile() && existente.size === recibido.bytes) {
    await rm(recibido.temporal, { force: true });
    return { ruta, reutilizado: true };
  }
  await mkdir(join(carpetaDeEscaneos(carpetaDatos), recibido.sha256.slice(0, 2)), {
    recursive: true,
  });
  await rename(recibido.temporal, ruta);
  return { ruta, reutilizado: false };
}

/** Whether a stored scan's bytes are on this disk (a restored database without DATA_DIR/escaneos lacks them). */
export async function existeEscaneo(carpetaDatos: string, sha256: string): Promise<boolean> {
  const info = await stat(rutaDeEscaneo(carpetaDatos, sha256)).catch(() => null);
  return info?.isFile() === true;
}

export function escaneoAusente(nombre: string): ErrorDominio {
  return new ErrorDominio(
    'no_encontrado',
    `El archivo del escaneo «${nombre}» no está en la carpeta de datos (DATA_DIR/escaneos): restáuralo de la copia de esa carpeta.`,
  );
}
