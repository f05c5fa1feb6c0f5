import { accessSync, constants, mkdirSync } from 'node:fs';
import { ErrorDeArranque } from './postgres/errores.ts';

/** DATA_DIR (or a folder under it) exists and this process can write in it, or a clear line. */
export function crearCarpetaDeDatos(ruta: string): void {
  try {
    mkdirSync(ruta, { recursive: true });
    accessSync(ruta, constants.W_OK);
  } catch (e) {
    const codigo = (e as NodeJS.ErrnoException).code ?? 'error';
    throw new ErrorDeArranque(
      `No se puede escribir en la carpeta de datos ${ruta} (${codigo}): elige con DATA_DIR una ` +
        'carpeta donde este usuario pueda escribir.',
    );
  }
}
