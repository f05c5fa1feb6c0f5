import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crearUsuario } from '../../src/modules/usuarios/crear-usuario.ts';
import { RelojManual } from '../../src/plataforma/reloj-sistema.ts';
import { type BaseDePrueba, crearBaseDePrueba } from '../soporte/base-de-prueba.ts';
import { puertoLibre, Servidor } from '../soporte/fiabilidad.ts';

// Several instances behind a balancer, on one DATABASE_URL and no SESSION_SECRET.
let base: BaseDePrueba;
const servidores: Servidor[] = [];

beforeAll(async () => {
  base = await crearBaseDePrueba({ vacia: true });
});
afterAll(async () => {
  for (const s of servidores) await s.detener();
  await base?.cerrar();
});

describe('varias instancias sobre una sola base', () => {
  it('dos instancias arrancan a la vez sobre una base nueva, y la sesión de una sirve en la otra', async () => {
    const [a, b] = [
      new Servidor(base.url, await puertoLibre()),
      new Servidor(base.url, await puertoLibre()),
    ];
    servidores.push(a, b);
    // Both migrate and set up the queue at the same moment: they must take turns, not deadlock.
    await Promise.all([a.arrancar(), b.arrancar()]);

    await crearUsuario(
      base.db,
      {
        usuario: 'coordinadora',
        nombre: 'Coordinadora de prueba',
        rol: 'administrador',
        oficinaId: null,
        contrasena: 'Una.Clave.Larga.2026',
      },
      { reloj: new RelojManual(new Date()), ip: null, actor: null },
    );
    const entrada = await fetch(`http://127.0.0.1:${a.puerto}/api/sesion`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ usuario: 'coordinadora', contrasena: 'Una.Clave.Larga.2026' }),
    });
    expect(entrada.status).toBe(200);
    const cookie = (entrada.headers.get('set-cookie') ?? '').split(';')[0] ?? '';

    const enLaOtra = await fetch(`http://127.0.0.1:${b.puerto}/api/sesion`, {
      headers: { cookie },
    });
    expect(enLaOtra.status).toBe(200);
    expect(((await enLaOtra.json()) as { usuario: { usuario: string } }).usuario.usuario).toBe(
      'coordinadora',
    );
    const secretos = await base.db.selectFrom('secretos_de_instalacion').selectAll().execute();
    expect(secretos.map((s) => s.nombre)).toEqual(['sesion']);
  }, 120_000);
});
