import { connect, createServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BaseDePrueba, crearBaseDePrueba } from '../soporte/base-de-prueba.ts';
import { esperarSalud, puertoLibre, Servidor } from '../soporte/fiabilidad.ts';

/**
 * A TCP relay between the app and its PostgreSQL (DATABASE_URL mode): closing it is the
 * database going away for the app, with a real server and real connections on both sides.
 */
class Relevo {
  private servidor: Server | null = null;
  private readonly sockets = new Set<Socket>();
  constructor(
    private readonly destino: { host: string; port: number },
    readonly puerto: number,
  ) {}

  abrir(): Promise<void> {
    const servidor = createServer((cliente) => {
      const base = connect(this.destino);
      for (const s of [cliente, base]) {
        this.sockets.add(s);
        s.on('error', () => {});
        s.on('close', () => this.sockets.delete(s));
      }
      cliente.pipe(base).pipe(cliente);
    });
    this.servidor = servidor;
    return new Promise((r) => servidor.listen(this.puerto, '127.0.0.1', () => r()));
  }

  /** The database is gone: no new connections, and every open one drops. */
  cortar(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    const servidor = this.servidor;
    this.servidor = null;
    return new Promise((r) => (servidor ? servidor.close(() => r()) : r()));
  }
}

let base: BaseDePrueba;
let relevo: Relevo;
let servidor: Servidor;
let url: string;

beforeAll(async () => {
  base = await crearBaseDePrueba();
  const real = new URL(base.url);
  relevo = new Relevo(
    { host: real.hostname, port: Number(real.port || 5432) },
    await puertoLibre(),
  );
  await relevo.abrir();
  const porRelevo = new URL(base.url);
  porRelevo.host = `127.0.0.1:${relevo.puerto}`;
  servidor = new Servidor(porRelevo.toString(), await puertoLibre());
  await servidor.arrancar();
  url = `http://127.0.0.1:${servidor.puerto}`;
});
afterAll(async () => {
  await relevo?.cortar();
  await servidor?.detener();
  await base?.cerrar();
});

describe('la base de datos se cae (DATABASE_URL)', () => {
  it('mientras no está: 503 en español en /api/salud y en cualquier ruta, nunca 500; al volver, se reconecta sola', async () => {
    await relevo.cortar();
    const salud = await fetch(`${url}/api/salud`);
    expect(salud.status).toBe(503);
    const entrar = await fetch(`${url}/api/sesion`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ usuario: 'nadie', contrasena: 'Una.Clave.2026' }),
    });
    expect(entrar.status).toBe(503);
    expect(((await entrar.json()) as { error: { mensaje: string } }).error.mensaje).toMatch(
      /^La base de datos no está disponible/,
    );

    await relevo.abrir();
    expect(await esperarSalud(url, 30_000)).toBeLessThan(30_000);
  }, 60_000);

  it('SIGTERM con la base caída: se detiene en menos de 5 s', async () => {
    await relevo.cortar();
    expect((await fetch(`${url}/api/salud`)).status).toBe(503);
    const inicio = Date.now();
    const codigo = await servidor.detener();
    // A bound of the shutdown itself (the app cuts whatever is left at 4.8 s), not a speed goal.
    expect(Date.now() - inicio).toBeLessThan(5_000);
    expect(codigo).toBe(0);
  }, 30_000);
});
