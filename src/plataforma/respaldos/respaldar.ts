import { randomBytes } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { Reloj } from '../../domain/reloj.ts';
import type { Config } from '../config.ts';
import { ErrorDeRespaldo } from './error-de-respaldo.ts';
import { hayEscaneos } from './escaneos.ts';
import { leerSecretos } from './instalacion.ts';
import { carpetaDeRespaldos, nombreDeRespaldo, type TipoDeRespaldo } from './nombres.ts';
import { respaldarEmbebido } from './respaldo-embebido.ts';
import { exigirPgDump, respaldarExterno } from './respaldo-externo.ts';

/** With DATABASE_URL_MIGRACIONES, pg_dump and pg_restore run as the owner: the app's role cannot read every table. */
export type ConfigDeRespaldo = Pick<Config, 'carpetaDatos' | 'databaseUrl' | 'zonaHoraria'> &
  Partial<Pick<Config, 'databaseUrlMigraciones'>>;

export interface OpcionesDeRespaldo {
  /**
   * The file to write (a folder: the usual name inside it); by default
   * DATA_DIR/respaldos/recupera-AAAA-MM-DD-HHMMSS.<ext>.
   */
  destino?: string | null;
  reloj: Reloj;
  avisar?: (linea: string) => void;
}

export interface Respaldo {
  ruta: string;
  bytes: number;
  tipo: TipoDeRespaldo;
}

export const AVISO_DE_ESCANEOS =
  'Aviso: el .dump no lleva los escaneos de los expedientes: copia también la carpeta DATA_DIR/escaneos (sin tmp/) al mismo medio (docs/respaldos.md, «Con DATABASE_URL»).';

/**
 * A restorable backup of the installation: the embedded database (running or stopped) or the
 * DATABASE_URL one. It is written beside its final name and renamed when complete, so a file
 * with a backup's name is always a whole backup (and pruning never sees a half-written one).
 */
export async function respaldar(
  config: ConfigDeRespaldo,
  opciones: OpcionesDeRespaldo,
): Promise<Respaldo> {
  const avisar = opciones.avisar ?? (() => {});
  const tipo: TipoDeRespaldo = config.databaseUrl ? 'externo' : 'embebido';
  // Refused before anything is written: no folder of backups for a backup that cannot be made.
  const pgDump = config.databaseUrl ? exigirPgDump() : null;
  if (!config.databaseUrl) leerSecretos(config.carpetaDatos);
  const creado = opciones.reloj.ahora();
  const nombre = nombreDeRespaldo(creado, config.zonaHoraria, tipo);
  let ruta = resolve(opciones.destino ?? join(carpetaDeRespaldos(config.carpetaDatos), nombre));
  if (existsSync(ruta) && statSync(ruta).isDirectory()) ruta = join(ruta, nombre);
  if (existsSync(ruta)) {
    throw new ErrorDeRespaldo(`Ya existe ${ruta}: elige otro destino con --destino.`);
  }
  await mkdir(dirname(ruta), { recursive: true, mode: 0o700 });
  // Its own name: a command and the nightly job in the same second must not share a file.
  const parcial = `${ruta}.${randomBytes(4).toString('hex')}.parcial`;
  try {
    if (config.databaseUrl && pgDump) {
      await respaldarExterno(
        config.databaseUrlMigraciones ?? config.databaseUrl,
        pgDump,
        parcial,
        avisar,
      );
    } else {
      await respaldarEmbebido(config.carpetaDatos, parcial, creado, avisar);
    }
    await rename(parcial, ruta);
  } finally {
    await rm(parcial, { force: true });
  }
  // A dump holds the database only; the scans' files are in DATA_DIR (docs/respaldos.md).
  if (tipo === 'externo' && (await hayEscaneos(config.carpetaDatos))) avisar(AVISO_DE_ESCANEOS);
  return { ruta, bytes: (await stat(ruta)).size, tipo };
}

/** "12.3 MB", the way a person reads a file's size. */
export function describirTamano(bytes: number): string {
  const unidades = ['bytes', 'kB', 'MB', 'GB', 'TB'];
  let valor = bytes;
  let i = 0;
  while (valor >= 1000 && i < unidades.length - 1) {
    valor /= 1000;
    i++;
  }
  return `${valor.toLocaleString('es-MX', { maximumFractionDigits: i === 0 ? 0 : 1 })} ${unidades[i]}`;
}
