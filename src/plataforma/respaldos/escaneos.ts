import { constants } from 'node:fs';
import { copyFile, link, mkdir, opendir, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { carpetaDeEscaneos } from '../../modules/expedientes/escaneos/almacen-de-escaneos.ts';

/** Where scans live by content: `escaneos/<2 hex>/<sha256>`; `tmp/` (uploads in progress) is not one. */
const CARPETA_POR_HASH = /^[0-9a-f]{2}$/;

const codigo = (e: unknown) => (e as NodeJS.ErrnoException).code;

/** The hash folders of DATA_DIR/escaneos, none when there is no such folder. */
async function carpetasPorHash(carpetaDatos: string): Promise<string[]> {
  const entradas = await readdir(carpetaDeEscaneos(carpetaDatos), { withFileTypes: true }).catch(
    (e: unknown) => {
      if (codigo(e) === 'ENOENT') return [];
      throw e;
    },
  );
  return entradas
    .filter((e) => e.isDirectory() && CARPETA_POR_HASH.test(e.name))
    .map((e) => e.name);
}

/**
 * Puts every stored scan of DATA_DIR/escaneos (not tmp/) under `destino/<2 hex>/<sha256>`, for
 * the archive to carry; returns how many. A scan is never modified once written, so a hard link
 * is as good as a copy and costs no space: links when `destino` is on the same file system,
 * copies otherwise (a clone where the file system can, and the kernel moves the bytes: memory
 * holds none of them). One folder is listed at a time. Called after the database's snapshot:
 * every row in it names a file already in place, and a file without a row is harmless.
 */
export async function enlazarEscaneos(carpetaDatos: string, destino: string): Promise<number> {
  let enlazar = true;
  let cuantos = 0;
  for (const carpeta of await carpetasPorHash(carpetaDatos)) {
    const origen = join(carpetaDeEscaneos(carpetaDatos), carpeta);
    const archivos = (await readdir(origen, { withFileTypes: true })).filter((e) => e.isFile());
    if (archivos.length === 0) continue;
    await mkdir(join(destino, carpeta), { recursive: true, mode: 0o750 });
    for (const { name } of archivos) {
      const de = join(origen, name);
      const a = join(destino, carpeta, name);
      if (enlazar) {
        try {
          await link(de, a);
          cuantos++;
          continue;
        } catch (e) {
          // Another file system (EXDEV), or one that refuses links (EPERM, e.g. a file of
          // another user under protected_hardlinks): copies from here on.
          if (codigo(e) !== 'EXDEV' && codigo(e) !== 'EPERM') throw e;
          enlazar = false;
        }
      }
      await copyFile(de, a, constants.COPYFILE_FICLONE);
      cuantos++;
    }
  }
  return cuantos;
}

/** Whether DATA_DIR/escaneos holds any stored scan (a pg_dump backup cannot carry them). */
export async function hayEscaneos(carpetaDatos: string): Promise<boolean> {
  for (const carpeta of await carpetasPorHash(carpetaDatos)) {
    // One entry is enough: no need to list a folder of thousands.
    for await (const e of await opendir(join(carpetaDeEscaneos(carpetaDatos), carpeta))) {
      if (e.isFile()) return true;
    }
  }
  return false;
}
