import { type ChildProcess, spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { puertoLibre } from '../../src/plataforma/postgres-embebido.ts';

const raiz = join(import.meta.dirname, '..', '..');
const carpeta = mkdtempSync(join(tmpdir(), 'recupera-arranque-'));
chmodSync(carpeta, 0o755);
const vivos: ChildProcess[] = [];

afterAll(() => {
  for (const p of vivos) p.kill('SIGKILL');
  rmSync(carpeta, { recursive: true, force: true });
});

interface Proceso {
  hijo: ChildProcess;
  salida: () => string;
  termino: Promise<number | null>;
}

/** `npm start`'s server process, on its own data folder and port, with no DATABASE_URL. */
function arrancar(puerto: number): Proceso {
  const entorno: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: carpeta, PORT: String(puerto) };
  delete entorno.DATABASE_URL;
  const hijo = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: raiz,
    env: entorno,
  });
  vivos.push(hijo);
  let texto = '';
  hijo.stdout?.on('data', (d) => (texto += d));
  hijo.stderr?.on('data', (d) => (texto += d));
  const termino = new Promise<number | null>((r) => hijo.on('exit', (c) => r(c)));
  return { hijo, salida: () => texto, termino };
}

async function esperarTexto(p: Proceso, buscado: string, ms = 60_000): Promise<void> {
  const limite = Date.now() + ms;
  while (!p.salida().includes(buscado)) {
    if (Date.now() > limite || p.hijo.exitCode !== null)
      throw new Error(`no apareció «${buscado}»:\n${p.salida()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('arranque con PostgreSQL embebido', () => {
  it('primer arranque: migra, carga la demostración, sirve y se detiene limpio con SIGTERM', {
    timeout: 120_000,
  }, async () => {
    const puerto = await puertoLibre();
    const p = arrancar(puerto);
    await esperarTexto(p, 'Recupera está listo');
    expect(p.salida()).toContain('Primer arranque: cargando datos de demostración');
    expect(p.salida()).toMatch(/admin\s+administrador/);
    const salud = await fetch(`http://localhost:${puerto}/api/salud`);
    expect(await salud.json()).toEqual({ estado: 'ok' });

    const segunda = arrancar(await puertoLibre());
    expect(await segunda.termino).toBe(1);
    expect(segunda.salida()).toContain('Recupera ya está en marcha con la carpeta de datos');

    p.hijo.kill('SIGTERM');
    expect(await p.termino).toBe(0);
    expect(p.salida()).toContain('Recupera se detuvo limpiamente.');
  });

  it('un arranque después de kill -9 reutiliza los datos sin volver a cargar la demostración', {
    timeout: 120_000,
  }, async () => {
    const puerto = await puertoLibre();
    const p = arrancar(puerto);
    await esperarTexto(p, 'Recupera está listo');
    expect(p.salida()).not.toContain('Primer arranque');
    p.hijo.kill('SIGKILL');
    await p.termino;

    const otra = arrancar(puerto);
    await esperarTexto(otra, 'Recupera está listo');
    const r = await fetch(`http://localhost:${puerto}/api/sesion`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ usuario: 'coordinador', contrasena: 'Recupera.2026' }),
    });
    expect(r.status).toBe(200);
    // SIGTERM while a job runs over the whole portfolio: the job finishes, then everything stops.
    const trabajo = await fetch(`http://localhost:${puerto}/api/antiguedad`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        cookie: (r.headers.get('set-cookie') ?? '').split(';')[0] ?? '',
        'x-csrf-token': ((await r.json()) as { csrf: string }).csrf,
      },
      body: '{}',
    });
    expect(trabajo.status).toBe(202);
    await new Promise((listo) => setTimeout(listo, 300));
    otra.hijo.kill('SIGTERM');
    expect(await otra.termino).toBe(0);
    expect(otra.salida()).toContain('Recupera se detuvo limpiamente.');
  });
});
