import { createWriteStream } from 'node:fs';
import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import { type Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import yauzl from 'yauzl';
import { ErrorDominio } from '../domain/errores.ts';

/**
 * Uploaded portfolios wait here for their import, on disk and never whole in memory: a job
 * (or the request itself, for a small one) reads them and deletes them, well or badly.
 */
export const carpetaDeSubidas = () => join(tmpdir(), 'recupera-importaciones');

/** A fresh folder of its own for one upload (its CSV files, or its workbook). */
export async function carpetaNueva(): Promise<string> {
  const ruta = join(carpetaDeSubidas(), crypto.randomUUID());
  await mkdir(ruta, { recursive: true });
  return ruta;
}

/**
 * What a crash or a killed process left behind: anything older than a day cannot belong to a
 * job still running (they expire in an hour).
 */
export async function borrarSubidasViejas(ahora: number, edadMs = 24 * 3_600_000): Promise<void> {
  const carpeta = carpetaDeSubidas();
  let nombres: string[];
  try {
    nombres = await readdir(carpeta);
  } catch {
    return;
  }
  for (const nombre of nombres) {
    const ruta = join(carpeta, nombre);
    const info = await stat(ruta).catch(() => null);
    if (info && ahora - info.mtimeMs > edadMs) await rm(ruta, { recursive: true, force: true });
  }
}

const MB = 1024 * 1024;

export function demasiadoGrande(limite: number): ErrorDominio {
  return new ErrorDominio(
    'demasiado_grande',
    `El archivo pasa de ${Math.round(limite / MB)} MB, el límite de una importación. Divide la cartera en dos y súbelas una tras otra.`,
    'archivo',
  );
}

/**
 * Copies `flujo` to `ruta`, refusing it once it passes `limite` bytes (what is left of the
 * upload's limit; the message says the whole one, `limiteDicho`); says how many it had.
 */
export async function guardarFlujo(
  flujo: Readable,
  ruta: string,
  limite: number,
  limiteDicho = limite,
): Promise<number> {
  let bytes = 0;
  const contar = new Transform({
    transform(trozo: Buffer, _codificacion, listo) {
      bytes += trozo.length;
      if (bytes > limite) listo(demasiadoGrande(limiteDicho));
      else listo(null, trozo);
    },
  });
  try {
    await pipeline(flujo, contar, createWriteStream(ruta));
  } catch (e) {
    await rm(ruta, { force: true });
    throw e;
  }
  return bytes;
}

// Limits of CSV files, zipped or not. The whole portfolio of 50,000 credits is 274 MB of CSV, and
// its text stays in memory while it is imported: 512 MB keeps room under the server's 1 GiB.
export const LIMITES_ZIP = { entradas: 100, descomprimido: 512 * MB };

function zipInvalido(mensaje: string): ErrorDominio {
  return new ErrorDominio('entrada_invalida', mensaje, 'archivo');
}

const fueraDelZip = (nombre: string) =>
  zipInvalido(
    `El ZIP contiene «${nombre}», un nombre con ruta fuera de su carpeta: vuelve a comprimir solo los CSV.`,
  );

function abrirZip(ruta: string): Promise<yauzl.ZipFile> {
  return new Promise((listo, falla) =>
    // lazyEntries: one entry at a time; validateEntrySizes (default) stops an entry that
    // inflates past the size its header declares, so the declared total below holds.
    yauzl.open(ruta, { lazyEntries: true, autoClose: false }, (e, zip) =>
      e || !zip ? falla(zipInvalido('El archivo no es un ZIP legible.')) : listo(zip),
    ),
  );
}

function leerEntradas(zip: yauzl.ZipFile): Promise<yauzl.Entry[]> {
  return new Promise((listo, falla) => {
    const entradas: yauzl.Entry[] = [];
    zip.on('entry', (entrada: yauzl.Entry) => {
      entradas.push(entrada);
      zip.readEntry();
    });
    zip.on('end', () => listo(entradas));
    zip.on('error', (e: Error) => {
      // yauzl itself refuses a name that climbs out of the ZIP (`../x.csv`, `/etc/x`).
      const ruta = /^(?:invalid relative path|absolute path): (.*)$/.exec(e.message)?.[1];
      falla(
        ruta === undefined ? zipInvalido('El archivo no es un ZIP legible.') : fueraDelZip(ruta),
      );
    });
    zip.readEntry();
  });
}

function abrirEntrada(zip: yauzl.ZipFile, entrada: yauzl.Entry): Promise<Readable> {
  return new Promise((listo, falla) =>
    zip.openReadStream(entrada, (e, flujo) =>
      e || !flujo
        ? falla(zipInvalido(`No se pudo leer «${entrada.fileName}» del ZIP.`))
        : listo(flujo),
    ),
  );
}

/** A folder inside the ZIP is fine (Windows zips a folder with its name); a way out of it is not. */
function nombreSeguro(nombre: string): boolean {
  const partes = nombre.split(/[\\/]/);
  return !/^([\\/]|[a-z]:)/i.test(nombre) && !partes.includes('..');
}

const ignorada = (nombre: string) =>
  nombre.endsWith('/') || nombre.startsWith('__MACOSX/') || basename(nombre).startsWith('.');

/**
 * The CSV files of a ZIP, written to `destino` by their own names (personas.csv…), as the
 * command line reads a folder. Refused before anything is inflated: more entries than the limit,
 * or more bytes than the limit once inflated (a ZIP bomb), or a name that climbs out of the ZIP.
 * Other files in it (a README, Excel's lock files) are left out.
 */
export async function extraerCsvDeZip(rutaZip: string, destino: string): Promise<string[]> {
  const zip = await abrirZip(rutaZip);
  try {
    if (zip.entryCount > LIMITES_ZIP.entradas) {
      throw zipInvalido(
        `El ZIP tiene ${zip.entryCount.toLocaleString('es-MX')} archivos; una cartera lleva a lo más ${LIMITES_ZIP.entradas} (un CSV por hoja).`,
      );
    }
    const entradas = await leerEntradas(zip);
    const fuera = entradas.find((e) => !nombreSeguro(e.fileName));
    if (fuera) throw fueraDelZip(fuera.fileName);
    const csv = entradas.filter(
      (e) => !ignorada(e.fileName) && extname(e.fileName).toLowerCase() === '.csv',
    );
    const total = csv.reduce((suma, e) => suma + e.uncompressedSize, 0);
    if (total > LIMITES_ZIP.descomprimido)
      throw new ErrorDominio(
        'demasiado_grande',
        `Los CSV del ZIP suman ${Math.round(total / MB).toLocaleString('es-MX')} MB sin comprimir; el límite es de ${(LIMITES_ZIP.descomprimido / MB).toLocaleString('es-MX')} MB. Divide la cartera en dos y súbelas una tras otra.`,
        'archivo',
      );
    if (csv.length === 0)
      throw zipInvalido(
        'El ZIP no tiene archivos .csv: comprime la carpeta con las hojas (personas.csv, creditos.csv…).',
      );
    const nombres = csv.map((e) => basename(e.fileName.replace(/\\/g, '/')));
    const repetido = nombres.find((n, i) => nombres.indexOf(n) !== i);
    if (repetido) throw zipInvalido(`El ZIP tiene dos archivos «${repetido}»: deja uno.`);
    for (const [i, entrada] of csv.entries()) {
      const flujo = await abrirEntrada(zip, entrada);
      try {
        await guardarFlujo(flujo, join(destino, nombres[i] ?? ''), entrada.uncompressedSize);
      } catch {
        // yauzl stops an entry that inflates past its declared size, or whose CRC fails.
        throw zipInvalido(`«${entrada.fileName}» no se pudo leer del ZIP: el ZIP está dañado.`);
      }
    }
    return nombres;
  } finally {
    zip.close();
  }
}
