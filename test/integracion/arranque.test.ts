import { type ChildProcess, spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { puertoLibre, urlEmbebida } from '../../src/plataforma/postgres-embebido.ts';

const raiz = join(import.meta.dirname, '..', '..');
const carpeta = mkdtempSync(join(tmpdir(), 'recupera-arranque-'));
chmodSync(carpeta, 0o755);
const vivos: ChildProcess[] = [];

afterAll(() => {
  for (const p of vivos) p.kill('SIGKILL');
  rmSync(carpeta, { recursive: true, force: true });
});

const leer = <T>(archivo: string) => JSON.parse(readFileSync(join(carpeta, archivo), 'utf8')) as T;

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

// A first start loads the demo with a year of history (about 16 s alone; minutes on a busy
// machine): the limit is about hanging, not speed (bench/README.md measures the start).
async function esperarTexto(p: Proceso, buscado: string, ms = 180_000): Promise<void> {
  const limite = Date.now() + ms;
  while (!p.salida().includes(buscado)) {
    if (Date.now() > limite || p.hijo.exitCode !== null)
      throw new Error(`no apareció «${buscado}»:\n${p.salida()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('arranque con PostgreSQL embebido', () => {
  it('primer arranque: migra, carga la demostración, sirve y se detiene limpio con SIGTERM', {
    timeout: 300_000,
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

  it('la aplicación se conecta con su propio rol, no como superusuario ni dueña, y ancla la bitácora al detenerse', {
    timeout: 300_000,
  }, async () => {
    const puerto = await puertoLibre();
    const p = arrancar(puerto);
    await esperarTexto(p, 'Recupera está listo');
    expect(p.salida()).not.toContain('Aviso: la aplicación se conecta');
    const superusuario = new pg.Client(
      urlEmbebida(
        leer<{ contrasenaPostgres: string }>('secretos.json').contrasenaPostgres,
        leer<{ puerto: number }>('recupera.lock').puerto,
      ),
    );
    superusuario.on('error', () => {}); // PostgreSQL stops with the app
    await superusuario.connect();
    let cabeza: { id: string; hash: string } | undefined;
    try {
      const { rows: quienes } = await superusuario.query<{ usename: string }>(
        `SELECT DISTINCT usename FROM pg_stat_activity
          WHERE datname = 'recupera' AND backend_type = 'client backend' AND pid <> pg_backend_pid()`,
      );
      // The pool, pg-boss and the live notices: all as the app's role; the owner's is closed.
      expect(quienes.map((q) => q.usename)).toEqual(['recupera_app']);
      const { rows: roles } = await superusuario.query(
        `SELECT r.rolname, r.rolsuper, r.rolcreatedb, r.rolcreaterole, r.rolbypassrls,
                (SELECT count(*)::int FROM pg_class c WHERE c.relowner = r.oid) AS tablas
           FROM pg_roles r WHERE r.rolname IN ('recupera_app', 'recupera_duenio') ORDER BY 1`,
      );
      expect(roles).toMatchObject([
        {
          rolname: 'recupera_app',
          rolsuper: false,
          rolcreatedb: false,
          rolcreaterole: false,
          rolbypassrls: false,
          tablas: 0,
        },
        { rolname: 'recupera_duenio', rolsuper: false },
      ]);
      const { rows: duenios } = await superusuario.query<{ duenio: string }>(
        `SELECT DISTINCT pg_get_userbyid(c.relowner) AS duenio FROM pg_class c
           JOIN pg_namespace n ON n.oid = c.relnamespace
          WHERE n.nspname IN ('public', 'trabajos') AND c.relkind IN ('r', 'p')`,
      );
      expect(duenios).toEqual([{ duenio: 'recupera_duenio' }]);

      // A rejected login writes to the bitácora; the shutdown anchors the head, at least that far.
      await fetch(`http://localhost:${puerto}/api/sesion`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ usuario: 'admin', contrasena: 'no-es-esta' }),
      });
      const { rows } = await superusuario.query<{ id: string; hash: string }>(
        'SELECT id, hash FROM bitacora ORDER BY id DESC LIMIT 1',
      );
      cabeza = rows[0];
    } finally {
      await superusuario.end();
    }
    p.hijo.kill('SIGTERM');
    expect(await p.termino).toBe(0);
    const anclas = readFileSync(join(carpeta, 'anclas-bitacora.jsonl'), 'utf8').trim().split('\n');
    const ultima = JSON.parse(anclas.at(-1) ?? '{}') as { id: number; hash: string };
    // The start's own aging job may still append after the login's row.
    expect(ultima.id).toBeGreaterThanOrEqual(Number(cabeza?.id));
    if (ultima.id === Number(cabeza?.id)) expect(ultima.hash).toBe(cabeza?.hash);
    expect(statSync(join(carpeta, 'clave-anclas-bitacora')).mode & 0o777).toBe(0o600);
  });

  it('un arranque después de kill -9 reutiliza los datos sin volver a cargar la demostración', {
    timeout: 300_000,
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
