import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { ErrorDeArranque } from './errores.ts';

/**
 * The operating-system user the embedded PostgreSQL runs as. PostgreSQL refuses to run as root,
 * so root runs it as a dedicated system user; anyone else runs it as themselves (null) and no
 * user is created.
 */
export interface Identidad {
  nombre: string;
  uid: number;
  gid: number;
}

export const USUARIO_DEL_SERVIDOR = 'recupera-pg';

export const esRoot = (): boolean => process.getuid?.() === 0;

function idDe(nombre: string): Identidad | null {
  const uid = spawnSync('id', ['-u', nombre], { encoding: 'utf8' });
  const gid = spawnSync('id', ['-g', nombre], { encoding: 'utf8' });
  if (uid.status !== 0 || gid.status !== 0) return null;
  return { nombre, uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

function crearUsuarioDelSistema(nombre: string): void {
  const r = spawnSync(
    'useradd',
    ['--system', '--user-group', '--no-create-home', '--home-dir', '/nonexistent'].concat([
      '--shell',
      '/usr/sbin/nologin',
      nombre,
    ]),
    { encoding: 'utf8' },
  );
  // Two starts racing: the other one created it.
  if (r.status !== 0 && idDe(nombre) === null) {
    throw new ErrorDeArranque(
      `Como root, PostgreSQL necesita un usuario propio y no se pudo crear «${nombre}» ` +
        `(${(r.stderr || r.error?.message || 'useradd falló').trim()}). Créalo con ` +
        `«useradd --system --user-group ${nombre}» o arranca Recupera como un usuario normal.`,
    );
  }
}

/**
 * Who runs the cluster in `carpetaCluster`. An existing cluster keeps its owner (a folder made
 * by an earlier version belongs to `postgres`); a new one, as root, gets the dedicated user.
 */
export function identidadDelServidor(carpetaCluster: string): Identidad | null {
  if (!esRoot()) return null;
  const dueno = duenoDe(carpetaCluster);
  if (dueno !== null && dueno.uid !== 0) {
    return { nombre: String(dueno.uid), uid: dueno.uid, gid: dueno.gid };
  }
  const existente = idDe(USUARIO_DEL_SERVIDOR);
  if (existente) return existente;
  crearUsuarioDelSistema(USUARIO_DEL_SERVIDOR);
  const creado = idDe(USUARIO_DEL_SERVIDOR);
  if (!creado) throw new ErrorDeArranque(`No se encontró el usuario «${USUARIO_DEL_SERVIDOR}».`);
  return creado;
}

function duenoDe(ruta: string): { uid: number; gid: number } | null {
  try {
    const s = statSync(`${ruta}/PG_VERSION`);
    return { uid: s.uid, gid: s.gid };
  } catch {
    return null;
  }
}

/** Whether `identidad` can reach `ruta` with `test`'s flag (`-x` run/enter, `-w` write). */
export function alcanza(identidad: Identidad | null, ruta: string, prueba: '-x' | '-w'): boolean {
  if (identidad === null) return true;
  const r = spawnSync('test', [prueba, ruta], { uid: identidad.uid, gid: identidad.gid });
  return r.status === 0;
}
