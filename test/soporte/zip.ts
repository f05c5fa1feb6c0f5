import { crc32, deflateRawSync } from 'node:zlib';

export interface EntradaZip {
  nombre: string;
  datos: Buffer | string;
  /** The uncompressed size the headers declare; a lie makes a ZIP bomb (default: the truth). */
  declarado?: number;
}

/**
 * A ZIP as Windows' «Carpeta comprimida» writes one (deflate, UTF-8 names), written by hand so a
 * test can also build the hostile ones: names with `../`, sizes that lie, thousands of entries.
 */
export function escribirZip(entradas: readonly EntradaZip[]): Buffer {
  const locales: Buffer[] = [];
  const centrales: Buffer[] = [];
  let desplazamiento = 0;
  for (const e of entradas) {
    const datos = Buffer.isBuffer(e.datos) ? e.datos : Buffer.from(e.datos, 'utf8');
    const comprimido = deflateRawSync(datos);
    const nombre = Buffer.from(e.nombre, 'utf8');
    const tamano = e.declarado ?? datos.length;
    const crc = crc32(datos);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt16LE(0, 10);
    local.writeUInt16LE(0x5a21, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(comprimido.length, 18);
    local.writeUInt32LE(tamano, 22);
    local.writeUInt16LE(nombre.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt16LE(0, 12);
    central.writeUInt16LE(0x5a21, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(comprimido.length, 20);
    central.writeUInt32LE(tamano, 24);
    central.writeUInt16LE(nombre.length, 28);
    central.writeUInt32LE(desplazamiento, 42);
    locales.push(local, nombre, comprimido);
    centrales.push(central, nombre);
    desplazamiento += local.length + nombre.length + comprimido.length;
  }
  const directorio = Buffer.concat(centrales);
  const fin = Buffer.alloc(22);
  fin.writeUInt32LE(0x06054b50, 0);
  fin.writeUInt16LE(entradas.length, 8);
  fin.writeUInt16LE(entradas.length, 10);
  fin.writeUInt32LE(directorio.length, 12);
  fin.writeUInt32LE(desplazamiento, 16);
  return Buffer.concat([...locales, directorio, fin]);
}

/** A multipart/form-data body with these files under the field `archivos`, as a browser sends. */
export function formularioConArchivos(
  archivos: readonly { nombre: string; datos: Buffer | string; tipo?: string }[],
): { cuerpo: Buffer; tipo: string } {
  const frontera = `----recupera${crypto.randomUUID()}`;
  const partes: Buffer[] = [];
  for (const a of archivos) {
    partes.push(
      Buffer.from(
        `--${frontera}\r\nContent-Disposition: form-data; name="archivos"; filename="${a.nombre}"\r\nContent-Type: ${a.tipo ?? 'text/csv'}\r\n\r\n`,
      ),
      Buffer.isBuffer(a.datos) ? a.datos : Buffer.from(a.datos, 'utf8'),
      Buffer.from('\r\n'),
    );
  }
  partes.push(Buffer.from(`--${frontera}--\r\n`));
  return { cuerpo: Buffer.concat(partes), tipo: `multipart/form-data; boundary=${frontera}` };
}
