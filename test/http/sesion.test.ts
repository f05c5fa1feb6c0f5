import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppDePrueba, crearAppDePrueba } from '../soporte/app-de-prueba.ts';

let t: AppDePrueba;
beforeAll(async () => {
  t = await crearAppDePrueba();
});
afterAll(() => t.cerrar());

describe('inicio de sesión', () => {
  it('entrega una cookie HttpOnly y SameSite=Strict, y el usuario con su oficina', async () => {
    const r = await t.pedir('POST', '/api/sesion', {
      cuerpo: { usuario: 'gestor', contrasena: 'Recupera.2026' },
    });
    expect(r.statusCode).toBe(200);
    const galleta = r.cookies.find((c) => c.name === 'recupera_sesion');
    expect(galleta?.httpOnly).toBe(true);
    expect(galleta?.sameSite).toBe('Strict');
    expect(r.json().usuario).toMatchObject({
      usuario: 'gestor',
      rol: 'gestor',
      oficina: { nombre: 'Hermosillo' },
    });
    expect(r.json().usuario).not.toHaveProperty('hash_contrasena');
    expect(r.json().hoy).toBe('2026-03-10');
  });

  it('da un id de sesión nuevo en cada entrada', async () => {
    const a = await t.entrar('coordinador');
    const b = await t.entrar('coordinador');
    expect(a.cookie).not.toBe(b.cookie);
  });

  it('responde igual a un usuario inexistente y a una contraseña equivocada', async () => {
    const mala = await t.pedir('POST', '/api/sesion', {
      cuerpo: { usuario: 'admin', contrasena: 'equivocada-123' },
    });
    const nadie = await t.pedir('POST', '/api/sesion', {
      cuerpo: { usuario: 'nadie.aqui', contrasena: 'equivocada-123' },
    });
    expect(mala.statusCode).toBe(401);
    expect(nadie.statusCode).toBe(401);
    expect(mala.json()).toEqual(nadie.json());
    expect(mala.json().error.mensaje).toBe('Usuario o contraseña incorrectos.');
  });

  it('tras 5 fallos frena a esa dirección con ese usuario, no a la cuenta', async () => {
    // More in acceso.test.ts (issue 13): the wait grows, the address is slowed across users.
    const ip = '203.0.113.50';
    for (let i = 0; i < 5; i++) {
      await t.pedir('POST', '/api/sesion', {
        cuerpo: { usuario: 'contabilidad', contrasena: `mala-${i}-xxxxx` },
        ip,
      });
    }
    const correcta = { usuario: 'contabilidad', contrasena: 'Recupera.2026' };
    const r = await t.pedir('POST', '/api/sesion', { cuerpo: correcta, ip });
    expect(r.statusCode).toBe(429);
    expect(r.headers['retry-after']).toBe('30');
    expect(r.json().error.mensaje).toMatch(/Demasiados intentos/);
    expect((await t.pedir('POST', '/api/sesion', { cuerpo: correcta })).statusCode).toBe(200);
    t.reloj.avanzarMinutos(1);
    expect((await t.pedir('POST', '/api/sesion', { cuerpo: correcta, ip })).statusCode).toBe(200);
  });

  it('frena una dirección que falla con muchos usuarios distintos', async () => {
    const ip = '203.0.113.51'; // trustProxy is off: inject's remote address is what counts
    for (let i = 0; i < 20; i++) {
      await t.pedir('POST', '/api/sesion', {
        cuerpo: { usuario: `fantasma${i}`, contrasena: 'mala-xxxxxxx' },
        encabezados: { 'x-forwarded-for': 'ignorado' },
        ip,
      });
    }
    const correcta = { usuario: 'gestor.nogales', contrasena: 'Recupera.2026' };
    expect((await t.pedir('POST', '/api/sesion', { cuerpo: correcta, ip })).statusCode).toBe(429);
    expect((await t.pedir('POST', '/api/sesion', { cuerpo: correcta })).statusCode).toBe(200);
  });

  it('no deja entrar a un usuario desactivado', async () => {
    const admin = await t.entrar('admin');
    const lista = (await t.pedir('GET', '/api/usuarios', { sesion: admin })).json()
      .usuarios as Array<{ id: number; usuario: string }>;
    const abogado = lista.find((u) => u.usuario === 'abogado');
    const sesionAbogado = await t.entrar('abogado');
    await t.pedir('PATCH', `/api/usuarios/${abogado?.id}`, {
      sesion: admin,
      cuerpo: { activo: false },
    });
    expect((await t.pedir('GET', '/api/sesion', { sesion: sesionAbogado })).statusCode).toBe(401);
    const r = await t.pedir('POST', '/api/sesion', {
      cuerpo: { usuario: 'abogado', contrasena: 'Recupera.2026' },
    });
    expect(r.statusCode).toBe(401);
    await t.pedir('PATCH', `/api/usuarios/${abogado?.id}`, {
      sesion: admin,
      cuerpo: { activo: true },
    });
  });
});

describe('vida de la sesión', () => {
  it('caduca tras 30 minutos sin uso', async () => {
    const s = await t.entrar('gestor');
    t.reloj.avanzarMinutos(29);
    expect((await t.pedir('GET', '/api/sesion', { sesion: s })).statusCode).toBe(200);
    t.reloj.avanzarMinutos(29);
    expect((await t.pedir('GET', '/api/sesion', { sesion: s })).statusCode).toBe(200);
    t.reloj.avanzarMinutos(31);
    const r = await t.pedir('GET', '/api/sesion', { sesion: s });
    expect(r.statusCode).toBe(401);
    expect(r.json().error.codigo).toBe('no_autenticado');
  });

  it('caduca a las 12 horas aunque se use sin parar', async () => {
    const s = await t.entrar('gestor');
    for (let minutos = 0; minutos < 11 * 60 + 40; minutos += 20) {
      t.reloj.avanzarMinutos(20);
      expect((await t.pedir('GET', '/api/sesion', { sesion: s })).statusCode).toBe(200);
    }
    t.reloj.avanzarMinutos(20);
    expect((await t.pedir('GET', '/api/sesion', { sesion: s })).statusCode).toBe(401);
  });

  it('cerrar sesión la termina en el servidor: la cookie vieja ya no sirve', async () => {
    const s = await t.entrar('gestor');
    expect((await t.pedir('DELETE', '/api/sesion', { sesion: s })).statusCode).toBe(204);
    expect((await t.pedir('GET', '/api/sesion', { sesion: s })).statusCode).toBe(401);
  });

  it('rechaza cambios de estado sin el token CSRF o desde otro origen', async () => {
    const s = await t.entrar('gestor');
    const sinToken = await t.pedir('DELETE', '/api/sesion', {
      sesion: s,
      encabezados: { 'x-csrf-token': 'otro' },
    });
    expect(sinToken.statusCode).toBe(403);
    expect(sinToken.json().error.mensaje).toMatch(/CSRF/);
    const ajeno = await t.pedir('DELETE', '/api/sesion', {
      sesion: s,
      encabezados: { origin: 'https://malicioso.example' },
    });
    expect(ajeno.statusCode).toBe(403);
    expect((await t.pedir('GET', '/api/sesion', { sesion: s })).statusCode).toBe(200);
  });
});

describe('cambio de contraseña propia', () => {
  it('valida la actual, la longitud y que no sea el usuario; al cambiar cierra las otras sesiones', async () => {
    const s = await t.entrar('gestor.obregon');
    const otra = await t.entrar('gestor.obregon');
    const cambiar = (actual: string, nueva: string) =>
      t.pedir('PUT', '/api/sesion/contrasena', { sesion: s, cuerpo: { actual, nueva } });

    const incorrecta = await cambiar('no-es-la-actual', 'NuevaClave.2026');
    expect(incorrecta.statusCode).toBe(400);
    expect(incorrecta.json().error).toMatchObject({
      codigo: 'contrasena_incorrecta',
      campo: 'actual',
    });
    const corta = await cambiar('Recupera.2026', 'corta');
    expect(corta.json().error).toMatchObject({
      campo: 'nueva',
      mensaje: 'La contraseña debe tener al menos 10 caracteres.',
    });
    const igual = await cambiar('Recupera.2026', 'Gestor.Obregon');
    expect(igual.json().error.mensaje).toBe('La contraseña no puede ser igual al usuario.');

    expect((await cambiar('Recupera.2026', 'NuevaClave.2026')).statusCode).toBe(204);
    expect((await t.pedir('GET', '/api/sesion', { sesion: s })).statusCode).toBe(200);
    expect((await t.pedir('GET', '/api/sesion', { sesion: otra })).statusCode).toBe(401);
    await t.entrar('gestor.obregon', 'NuevaClave.2026');
  });
});

describe('encabezados', () => {
  it('las respuestas de la API no se guardan en caché y llevan encabezados de seguridad', async () => {
    const r = await t.pedir('GET', '/api/salud');
    expect(r.statusCode).toBe(200);
    expect(r.json()).toEqual({ estado: 'ok' });
    expect(r.headers['cache-control']).toBe('no-store');
    expect(r.headers['x-content-type-options']).toBe('nosniff');
    expect(r.headers['content-security-policy']).toContain("frame-ancestors 'none'");
  });
});
