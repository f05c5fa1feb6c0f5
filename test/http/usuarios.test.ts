import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BaseDeDatos } from '../../src/db/esquema.ts';
import { construirApp } from '../../src/http/app.ts';
import { RelojManual } from '../../src/plataforma/reloj-sistema.ts';
import { type AppDePrueba, crearAppDePrueba, type Sesion } from '../soporte/app-de-prueba.ts';

let t: AppDePrueba;
let admin: Sesion;

beforeAll(async () => {
  t = await crearAppDePrueba();
  admin = await t.entrar('admin');
});
afterAll(() => t.cerrar());

async function ultimaAccion() {
  return t.base.db
    .selectFrom('bitacora')
    .select(['accion', 'actor_usuario', 'objeto_id', 'ip'])
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirstOrThrow();
}

describe('administración de usuarios', () => {
  it('crea un usuario que puede entrar, y lo deja en la bitácora con quién y desde dónde', async () => {
    const r = await t.pedir('POST', '/api/usuarios', {
      sesion: admin,
      cuerpo: {
        usuario: 'maria.lopez',
        nombre: 'María López Ochoa',
        rol: 'gestor',
        oficinaId: 3,
        contrasena: 'Primera.Clave1',
      },
    });
    expect(r.statusCode).toBe(201);
    expect(r.json().usuario).toMatchObject({
      usuario: 'maria.lopez',
      nombre: 'María López Ochoa',
      oficina: { nombre: 'Nogales' },
      activo: true,
    });
    expect(await ultimaAccion()).toEqual({
      accion: 'usuario.crear',
      actor_usuario: 'admin',
      objeto_id: String(r.json().usuario.id),
      ip: '127.0.0.1',
    });
    await t.entrar('maria.lopez', 'Primera.Clave1');
  });

  it('no admite un usuario repetido, sin importar mayúsculas', async () => {
    const r = await t.pedir('POST', '/api/usuarios', {
      sesion: admin,
      cuerpo: {
        usuario: 'Maria.Lopez',
        nombre: 'Otra',
        rol: 'contabilidad',
        oficinaId: null,
        contrasena: 'Primera.Clave1',
      },
    });
    expect(r.statusCode).toBe(409);
    expect(r.json().error).toMatchObject({ codigo: 'usuario_duplicado', campo: 'usuario' });
  });

  it('edita, restablece la contraseña y desactiva; cada cambio queda en la bitácora', async () => {
    const lista = (await t.pedir('GET', '/api/usuarios', { sesion: admin })).json()
      .usuarios as Array<{ id: number; usuario: string }>;
    expect((await ultimaAccion()).accion).toBe('usuarios.listar');
    const id = lista.find((u) => u.usuario === 'maria.lopez')?.id;
    const sesionMaria = await t.entrar('maria.lopez', 'Primera.Clave1');

    const editado = await t.pedir('PATCH', `/api/usuarios/${id}`, {
      sesion: admin,
      cuerpo: { rol: 'coordinador', oficinaId: 1 },
    });
    expect(editado.json().usuario).toMatchObject({
      rol: 'coordinador',
      oficina: { nombre: 'Hermosillo' },
    });
    expect((await ultimaAccion()).accion).toBe('usuario.editar');

    expect(
      (
        await t.pedir('PUT', `/api/usuarios/${id}/contrasena`, {
          sesion: admin,
          cuerpo: { contrasena: 'Segunda.Clave2' },
        })
      ).statusCode,
    ).toBe(204);
    expect((await t.pedir('GET', '/api/sesion', { sesion: sesionMaria })).statusCode).toBe(401);
    await t.entrar('maria.lopez', 'Segunda.Clave2');

    const desactivado = await t.pedir('PATCH', `/api/usuarios/${id}`, {
      sesion: admin,
      cuerpo: { activo: false },
    });
    expect(desactivado.json().usuario.activo).toBe(false);
    expect(
      (
        await t.pedir('POST', '/api/sesion', {
          cuerpo: { usuario: 'maria.lopez', contrasena: 'Segunda.Clave2' },
        })
      ).statusCode,
    ).toBe(401);
  });

  it('el administrador no puede desactivarse a sí mismo', async () => {
    const yo = (await t.pedir('GET', '/api/sesion', { sesion: admin })).json().usuario.id;
    const r = await t.pedir('PATCH', `/api/usuarios/${yo}`, {
      sesion: admin,
      cuerpo: { activo: false },
    });
    expect(r.statusCode).toBe(409);
    expect(r.json().error.campo).toBe('activo');
  });

  it('un usuario inexistente da 404 en español', async () => {
    const r = await t.pedir('PATCH', '/api/usuarios/9999', {
      sesion: admin,
      cuerpo: { nombre: 'X' },
    });
    expect(r.statusCode).toBe(404);
    expect(r.json().error.mensaje).toBe('El usuario no existe.');
  });

  it('las oficinas del instituto están desde la migración', async () => {
    const r = await t.pedir('GET', '/api/oficinas', { sesion: admin });
    expect(r.json().oficinas.map((o: { nombre: string }) => o.nombre)).toEqual([
      'Hermosillo',
      'Cd. Obregón',
      'Nogales',
    ]);
  });
});

describe('salud', () => {
  it('responde 503 cuando la base de datos no contesta', async () => {
    // A real pool aimed at a port where nothing listens: the database is down, not mocked.
    const pool = new pg.Pool({
      connectionString: 'postgres://nadie:nada@127.0.0.1:1/nada',
      connectionTimeoutMillis: 500,
    });
    pool.on('error', () => {});
    const db = new Kysely<BaseDeDatos>({ dialect: new PostgresDialect({ pool }) });
    const { app } = await construirApp({
      db,
      reloj: new RelojManual('2026-01-01T00:00:00Z'),
      sessionSecret: 'x'.repeat(32),
      cookieSegura: false,
    });
    const r = await app.inject({ method: 'GET', url: '/api/salud' });
    expect(r.statusCode).toBe(503);
    expect(r.json().error.mensaje).toBe(
      'La base de datos no está disponible en este momento. Intenta de nuevo en unos segundos.',
    );
    // Any other route too: a Spanish 503 that invites a retry, never a 500.
    const entrar = await app.inject({
      method: 'POST',
      url: '/api/sesion',
      payload: { usuario: 'gestor', contrasena: 'Recupera.2026' },
    });
    expect(entrar.statusCode).toBe(503);
    expect(entrar.headers['retry-after']).toBe('5');
    expect(entrar.json().error.codigo).toBe('sin_base_de_datos');
    await app.close();
    await db.destroy();
  });
});
