import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { claseDeArchivo } from './archivo.ts';
import { ErrorDeRespaldo } from './error-de-respaldo.ts';
import type { ConfigDeRespaldo } from './respaldar.ts';
import { type RestauracionEmbebida, restaurarEmbebido } from './restaurar-embebido.ts';
import { type RestauracionExterna, restaurarExterno } from './restaurar-externo.ts';

export type Restauracion = RestauracionEmbebida | RestauracionExterna;

/**
 * Restores a backup `respaldar` wrote: an embedded one (.tar.gz) into an empty DATA_DIR, a
 * pg_dump one (.dump) into the empty DATABASE_URL database. The file's own bytes say which it
 * is, and a backup meant for the other mode is refused with what to do.
 */
export async function restaurar(
  config: ConfigDeRespaldo,
  archivo: string,
  avisar: (linea: string) => void = () => {},
): Promise<Restauracion> {
  const ruta = resolve(archivo);
  if (!existsSync(ruta)) throw new ErrorDeRespaldo(`No existe el archivo ${ruta}.`);
  const clase = await claseDeArchivo(ruta);
  if (clase === 'desconocido') {
    throw new ErrorDeRespaldo(`${ruta} no es un respaldo de Recupera (ni .tar.gz ni de pg_dump).`);
  }
  if (clase === 'embebido') {
    if (config.databaseUrl) {
      throw new ErrorDeRespaldo(
        'Este respaldo es de la base embebida: restáuralo sin DATABASE_URL, en una carpeta de datos vacía (DATA_DIR).',
      );
    }
    return restaurarEmbebido(config.carpetaDatos, ruta, avisar);
  }
  if (!config.databaseUrl) {
    throw new ErrorDeRespaldo(
      'Este respaldo es de pg_dump (una instalación con DATABASE_URL): define DATABASE_URL con una base vacía para restaurarlo.',
    );
  }
  return restaurarExterno(config.databaseUrlMigraciones ?? config.databaseUrl, ruta);
}
