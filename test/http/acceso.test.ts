import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTRASENA_DEMO } from '../../src/modules/demo/cargar-demo.ts';
import { type AppDePrueba, crearAppDePrueba } from '../soporte/app-de-prueba.ts';

/**
 * Issue 13, items 2 and 7: failed logins slow down whoever fails instead of locking the account,
 * without a race; a burst alerts the administrador; Origin, cookie and frame headers agree.
 * Each test uses its own user and addresses (inject's remoteAddress), so they do not interfere.
 */
let t: AppDePrueba;
let segura: AppDePrueba;
beforeAll(async () => {
  t = await crearAppDePrueba();
  segura = await crearAppDePrueba({ cookieSegura: true });
});
afterAll(async () => {
  await t.cerrar();
  await segura.cerrar();
});

const intentar = (usuario: string, contrasena: string, ip: string) =>
  t.pedir('POST', '/api/sesion', { cuerpo: { usuario, contrasena }, ip });

describe('intentos de acceso: se frena a quien falla, no a la cuenta', () => {
  it('cinco contraseñas equivocadas desde una dirección no impiden entrar desde otra', async () => {
    for (let i = 0; i < 5; i++) {
      expect((await intentar('admin', `equivocada-${i}-xx`, '203.0.113.10')).statusCode).toBe(401);
    }
    const otra = await intentar('admin', CONTRASENA_DEMO, '198.51.100.20');
    expect(otra.statusCode).toBe(200);
  });

  it('frena al par (usuario, dirección) con Retry-After que crece, y tras la espera entra', async () => {
    const ip = '203.0.113.11';
    for (let i = 0; i < 5; i++) {
      expect((await intentar('coordinador', `mala-${i}-xxxxx`, ip)).statusCode).toBe(401);
    }
    // Even the right password is not checked while the pair waits.
    const frenada = await intentar('coordinador', CONTRASENA_DEMO, ip);
    expect(frenada.statusCode).toBe(429);
    expect(frenada.headers['retry-after']).toBe('30');
    expect(frenada.json().error).toMatchObject({ codigo: 'demasiados_intentos' });
    expect(frenada.json().error.mensaje).toMatch(/Espera 30 segundos/);

    t.reloj.avanzarMinutos(0.5);
    expect((await intentar('coordinador', 'otra-mala-xxxx', ip)).statusCode).toBe(401);
    const segunda = await intentar('coordinador', CONTRASENA_DEMO, ip);
    expect(segunda.statusCode).toBe(429);
    expect(segunda.headers['retry-after']).toBe('60');
    expect(segunda.json().error.mensaje).toMatch(/Espera 1 minuto /);

    t.reloj.avanzarMinutos(1);
    expect((await intentar('coordinador', CONTRASENA_DEMO, ip)).statusCode).toBe(200);
    // The success starts the pair's count over: a typo afterwards is just a typo.
    expect((await intentar('coordinador', 'un-error-mas-xx', ip)).statusCode).toBe(401);
    expect((await intentar('coordinador', CONTRASENA_DEMO, ip)).statusCode).toBe(200);
  });

  it('la espera crece exponencialmente hasta un tope de 15 minutos', async () => {
    const ip = '203.0.113.12';
    const esperas: number[] = [];
    for (let i = 0; i < 12; i++) {
      expect((await intentar('gestor.obregon', `mala-${i}-xxxxx`, ip)).statusCode).toBe(401);
      if (i < 4) continue;
      const r = await intentar('gestor.obregon', CONTRASENA_DEMO, ip);
      expect(r.statusCode).toBe(429);
      expect(r.headers['retry-after']).toMatch(/^\d+$/);
      const espera = Number(r.headers['retry-after']);
      esperas.push(espera);
      t.reloj.avanzarMinutos(espera / 60);
    }
    expect(esperas).toEqual([30, 60, 120, 240, 480, 900, 900, 900]);
    expect((await intentar('gestor.obregon', CONTRASENA_DEMO, ip)).statusCode).toBe(200);
  });

  it('frena una dirección que falla con muchos usuarios, no a esos usuarios desde otra', async () => {
    const ip = '203.0.113.13';
    for (let i = 0; i < 20; i++) {
      expect((await intentar(`fantasma${i}`, 'mala-xxxxxxx', ip)).statusCode).toBe(401);
    }
    const r = await intentar('gestor.nogales', CONTRASENA_DEMO, ip);
    expect(r.statusCode).toBe(429);
    expect(r.headers['retry-after']).toBe('30');
    expect((await intentar('gestor.nogales', CONTRASENA_DEMO, '198.51.100.21')).statusCode).toBe(
      200,
    );
    t.reloj.avanzarMinutos(0.5);
    expect((await intentar('gestor.nogales', CONTRASENA_DEMO, ip)).statusCode).toBe(200);
  });

  it('40 contraseñas equivocadas en paralelo se comparan a lo más 5 veces', async () => {
    const ip = '203.0.113.14';
    const respuestas = await Promise.all(
      Array.from({ length: 40 }, (_, i) => intentar('gestor', `paralela-${i}-xxxx`, ip)),
    );
    const estados = respuestas.map((r) => r.statusCode);
    // A 401 is an attempt checked against the password; a 429 was refused before it.
    expect(estados.filter((e) => e === 401)).toHaveLength(5);
    expect(estados.filter((e) => e === 429)).toHaveLength(35);
    const { rows } = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM intentos_login
       WHERE usuario = 'gestor' AND ip = ${ip} AND NOT exitoso`.execute(t.base.db);
    expect(rows[0]?.n).toBe(5);
  });
});

describe('alerta de ráfaga para el administrador', () => {
  it('muchos fallos contra un usuario desde muchas direcciones dejan una alerta, una sola vez', async () => {
    for (let i = 0; i < 12; i++) {
      expect(
        (await intentar('contabilidad', `rafaga-${i}-xxxx`, `192.0.2.${i + 1}`)).statusCode,
      ).toBe(401);
    }
    // The owner, from an address that has not failed, still gets in.
    expect((await intentar('contabilidad', CONTRASENA_DEMO, '198.51.100.22')).statusCode).toBe(200);

    const admin = await t.entrar('admin');
    const r = await t.pedir('GET', '/api/seguridad/alertas', { sesion: admin });
    expect(r.statusCode).toBe(200);
    const alertas = (r.json() as { alertas: Array<{ tipo: string; clave: string }> }).alertas;
    const deContabilidad = alertas.filter(
      (a) => a.tipo === 'usuario' && a.clave === 'contabilidad',
    );
    expect(deContabilidad).toEqual([
      expect.objectContaining({
        tipo: 'usuario',
        clave: 'contabilidad',
        fallos: 10,
        distintos: 10,
      }),
    ]);
    // The address that sprayed 20 users in the previous describe left its own.
    expect(alertas).toContainEqual(
      expect.objectContaining({ tipo: 'direccion', clave: '203.0.113.13', fallos: 20 }),
    );

    const bitacora = await t.base.db
      .selectFrom('bitacora')
      .select(['detalle'])
      .where('accion', '=', 'seguridad.rafaga')
      .execute();
    expect(bitacora.map((b) => b.detalle)).toContainEqual(
      expect.objectContaining({ tipo: 'usuario', clave: 'contabilidad', fallos: 10 }),
    );

    const gestor = await t.entrar('gestor.nogales');
    expect((await t.pedir('GET', '/api/seguridad/alertas', { sesion: gestor })).statusCode).toBe(
      403,
    );
  });
});

describe('origen, cookies y marcos', () => {
  it('rechaza un Origin con otro esquema que el de la solicitud', async () => {
    const s = await t.entrar('gestor.nogales');
    const cambiar = (origin: string) =>
      t.pedir('PUT', '/api/sesion/contrasena', { sesion: s, cuerpo: {}, encabezados: { origin } });
    // inject speaks plain HTTP to localhost:80.
    const otroEsquema = await cambiar('https://localhost:80');
    expect(otroEsquema.statusCode).toBe(403);
    expect(otroEsquema.json().error.mensaje).toMatch(/origen/);
    expect((await cambiar('http://localhost:8080')).statusCode).toBe(403);
    // The same origin gets past the check (and fails validation of the empty body).
    expect((await cambiar('http://localhost')).statusCode).toBe(400);
    expect((await cambiar('http://localhost:80')).statusCode).toBe(400);
  });

  it('detrás de HTTPS (COOKIE_SEGURA) el origen propio es https aunque el proxy no lo diga', async () => {
    const s = await segura.entrar('gestor.nogales');
    const cambiar = (origin: string) =>
      segura.pedir('PUT', '/api/sesion/contrasena', {
        sesion: s,
        cuerpo: {},
        encabezados: { origin, host: 'recupera.example' },
      });
    expect((await cambiar('http://recupera.example')).statusCode).toBe(403);
    expect((await cambiar('https://recupera.example:8443')).statusCode).toBe(403);
    expect((await cambiar('https://recupera.example')).statusCode).toBe(400);
  });

  it('cerrar sesión borra la cookie con los mismos atributos con que se puso', async () => {
    const entrada = await t.pedir('POST', '/api/sesion', {
      cuerpo: { usuario: 'gestor.nogales', contrasena: CONTRASENA_DEMO },
    });
    const puesta = entrada.cookies.find((c) => c.name === 'recupera_sesion');
    const s = { cookie: `recupera_sesion=${puesta?.value}`, csrf: entrada.json().csrf };
    const salida = await t.pedir('DELETE', '/api/sesion', { sesion: s });
    expect(salida.statusCode).toBe(204);
    const borrada = salida.cookies.find((c) => c.name === 'recupera_sesion');
    expect(borrada).toMatchObject({
      value: '',
      path: '/',
      httpOnly: true,
      sameSite: 'Strict',
    });
    expect(borrada?.expires?.getTime()).toBe(0);
    expect(puesta).toMatchObject({ path: '/', httpOnly: true, sameSite: 'Strict' });
  });

  it('con COOKIE_SEGURA la cookie lleva el prefijo __Host-: Secure, Path=/, sin Domain', async () => {
    const r = await segura.pedir('POST', '/api/sesion', {
      cuerpo: { usuario: 'gestor.nogales', contrasena: CONTRASENA_DEMO },
    });
    expect(r.statusCode).toBe(200);
    expect(r.cookies.map((c) => c.name)).toEqual(['__Host-recupera_sesion']);
    const galleta = r.cookies[0];
    expect(galleta).toMatchObject({ secure: true, path: '/', httpOnly: true, sameSite: 'Strict' });
    expect(galleta?.domain).toBeUndefined();

    // The server reads the prefixed name; the unprefixed one is not a session.
    const s = { cookie: `__Host-recupera_sesion=${galleta?.value}`, csrf: r.json().csrf };
    expect((await segura.pedir('GET', '/api/sesion', { sesion: s })).statusCode).toBe(200);
    const sinPrefijo = { cookie: `recupera_sesion=${galleta?.value}`, csrf: s.csrf };
    expect((await segura.pedir('GET', '/api/sesion', { sesion: sinPrefijo })).statusCode).toBe(401);

    const salida = await segura.pedir('DELETE', '/api/sesion', { sesion: s });
    expect(salida.cookies).toEqual([
      expect.objectContaining({ name: '__Host-recupera_sesion', secure: true, path: '/' }),
    ]);
  });

  it('X-Frame-Options dice lo mismo que frame-ancestors: DENY', async () => {
    const r = await t.pedir('GET', '/api/salud');
    expect(r.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(r.headers['x-frame-options']).toBe('DENY');
  });
});
