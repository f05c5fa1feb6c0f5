import { spawn, spawnSync } from 'node:child_process';

/** A PostgreSQL client program found on the PATH, and its major version. */
export interface Programa {
  nombre: 'pg_dump' | 'pg_restore';
  version: string;
  mayor: number;
}

export function buscarPrograma(nombre: Programa['nombre']): Programa | null {
  const r = spawnSync(nombre, ['--version'], { encoding: 'utf8' });
  if (r.error || r.status !== 0) return null;
  // "pg_dump (PostgreSQL) 15.18 (Debian 15.18-0+deb12u1)"
  const version = /\)\s+(\d+(?:\.\d+)*)/.exec(r.stdout)?.[1] ?? '0';
  return { nombre, version, mayor: Number(version.split('.')[0]) };
}

/**
 * libpq's settings for a URL, with the password in PGPASSWORD: on the command line it would be
 * readable by every user of the machine in the process list.
 */
export function conexionDePrograma(url: string): { dbname: string; entorno: NodeJS.ProcessEnv } {
  const u = new URL(url);
  const contrasena = decodeURIComponent(u.password);
  u.password = '';
  const entorno: NodeJS.ProcessEnv = { ...process.env, LC_MESSAGES: 'C' };
  if (contrasena) entorno.PGPASSWORD = contrasena;
  return { dbname: u.toString(), entorno };
}

/** Runs a client program; resolves with its exit code and the tail of its output. */
export function correrPrograma(
  programa: string,
  args: string[],
  entorno: NodeJS.ProcessEnv,
): Promise<{ codigo: number | null; salida: string }> {
  return new Promise((resolver) => {
    const hijo = spawn(programa, args, { env: entorno, stdio: ['ignore', 'pipe', 'pipe'] });
    let salida = '';
    hijo.stdout.on('data', (d) => (salida = (salida + d).slice(-8000)));
    hijo.stderr.on('data', (d) => (salida = (salida + d).slice(-8000)));
    hijo.on('error', (e) => resolver({ codigo: null, salida: e.message }));
    hijo.on('close', (codigo) => resolver({ codigo, salida }));
  });
}
