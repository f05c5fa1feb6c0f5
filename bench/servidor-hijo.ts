import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONTRASENA_DEMO } from '../src/modules/demo/cargar-demo.ts';
import { puertoLibre } from '../src/plataforma/postgres-embebido.ts';

/**
 * The real server (`src/main.ts`) in a child process on a benchmark's database, measured from
 * outside as a user would meet it: its memory is its own process's, not the bench's.
 */
export interface ServidorHijo {
  hijo: ChildProcess;
  url: string;
  pid: number;
  /** Everything it has printed so far (stdout and stderr). */
  salida(): string;
  detener(): Promise<void>;
}

/** A field of /proc/<pid>/status, in MB (VmRSS: now; VmHWM: the peak so far). */
export function memoria(pid: number, campo: 'VmRSS' | 'VmHWM'): number {
  const linea = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith(`${campo}:`));
  return Number(linea?.replace(/\D+/g, '') ?? 0) / 1024;
}

/** Starts it and waits until it says it is ready; `node` are extra flags for Node itself. */
export async function arrancarServidor(
  databaseUrl: string,
  carpetaDatos: string,
  node: readonly string[] = [],
): Promise<ServidorHijo> {
  const puerto = await puertoLibre();
  const hijo = spawn(process.execPath, [...node, '--import', 'tsx', 'src/main.ts'], {
    cwd: join(import.meta.dirname, '..'),
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(puerto),
      HOST: '127.0.0.1',
      DATA_DIR: carpetaDatos,
    },
  });
  let salida = '';
  hijo.stdout?.on('data', (d) => (salida += d));
  hijo.stderr?.on('data', (d) => (salida += d));
  const servidor: ServidorHijo = {
    hijo,
    url: `http://127.0.0.1:${puerto}`,
    pid: hijo.pid ?? 0,
    salida: () => salida,
    detener: async () => {
      if (hijo.exitCode !== null || hijo.signalCode !== null) return;
      hijo.kill('SIGTERM');
      await new Promise((r) => hijo.once('exit', r));
    },
  };
  while (!salida.includes('Recupera está listo')) {
    if (hijo.exitCode !== null) throw new Error(`el servidor no arrancó:\n${salida}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return servidor;
}

/** The demo administrador's session: the cookie and the CSRF token a change must carry. */
export async function entrarComoAdmin(url: string): Promise<{ cookie: string; csrf: string }> {
  const sesion = await fetch(`${url}/api/sesion`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ usuario: 'admin', contrasena: CONTRASENA_DEMO }),
  });
  const cookie = (sesion.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const { csrf } = (await sesion.json()) as { csrf: string };
  return { cookie, csrf };
}
