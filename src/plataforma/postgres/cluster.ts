import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chownSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Binarios } from './binarios.ts';
import { procesoVivo } from './candado.ts';
import { ErrorDeArranque } from './errores.ts';
import type { Identidad } from './identidad.ts';

export const USUARIO_DE_LA_BASE = 'recupera';

/** Messages in English whatever the machine's locale: the supervisor reads them. */
export const entornoDelServidor = (): NodeJS.ProcessEnv => ({ ...process.env, LC_MESSAGES: 'C' });

export const comoIdentidad = (identidad: Identidad | null) =>
  identidad ? { uid: identidad.uid, gid: identidad.gid } : {};

/**
 * initdb into an empty folder. On failure the folder is left empty again (nothing
 * half-created), and the error says initdb's own last lines.
 */
export async function crearCluster(
  carpeta: string,
  binarios: Binarios,
  identidad: Identidad | null,
  contrasena: string,
): Promise<void> {
  const archivoClave = join(tmpdir(), `recupera-pg-${randomBytes(6).toString('hex')}`);
  writeFileSync(archivoClave, `${contrasena}\n`, { mode: 0o600 });
  if (identidad) chownSync(archivoClave, identidad.uid, identidad.gid);
  try {
    const salida = await correr(
      binarios.initdb,
      [
        `--pgdata=${carpeta}`,
        '--auth=scram-sha-256',
        `--username=${USUARIO_DE_LA_BASE}`,
        `--pwfile=${archivoClave}`,
        '--encoding=UTF8',
        '--locale=C.UTF-8',
      ],
      identidad,
    );
    if (salida.codigo !== 0) {
      vaciar(carpeta);
      throw new ErrorDeArranque(
        `No se pudo crear la base de datos en ${carpeta}: ${ultimasLineas(salida.texto)}`,
      );
    }
  } finally {
    rmSync(archivoClave, { force: true });
  }
}

function vaciar(carpeta: string): void {
  for (const nombre of readdirSync(carpeta))
    rmSync(join(carpeta, nombre), { recursive: true, force: true });
}

export function ultimasLineas(texto: string, n = 3): string {
  return texto.trim().split('\n').slice(-n).join(' | ');
}

function correr(
  programa: string,
  args: string[],
  identidad: Identidad | null,
): Promise<{ codigo: number | null; texto: string }> {
  return new Promise((resolver) => {
    const hijo = spawn(programa, args, { ...comoIdentidad(identidad), env: entornoDelServidor() });
    let texto = '';
    hijo.stdout.on('data', (d) => (texto += d));
    hijo.stderr.on('data', (d) => (texto += d));
    hijo.on('error', (e) => resolver({ codigo: null, texto: e.message }));
    hijo.on('close', (codigo) => resolver({ codigo, texto }));
  });
}

export const clusterCreado = (carpeta: string) => existsSync(join(carpeta, 'PG_VERSION'));

/**
 * kill -9 of the app leaves its postmaster running, orphaned: stop it (fast shutdown: open
 * transactions roll back) so that this start owns the cluster.
 */
export async function detenerHuerfano(carpeta: string): Promise<void> {
  const archivo = join(carpeta, 'postmaster.pid');
  if (!existsSync(archivo)) return;
  const pid = Number(readFileSync(archivo, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !procesoVivo(pid)) return;
  try {
    process.kill(pid, 'SIGINT');
  } catch {
    return;
  }
  for (let i = 0; i < 150 && procesoVivo(pid); i++) await new Promise((r) => setTimeout(r, 100));
}
