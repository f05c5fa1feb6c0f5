import Fastify from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { conectar } from '../../src/db/conexion.ts';
import type { Fecha } from '../../src/domain/fecha.ts';
import { manejarError } from '../../src/http/errores-http.ts';
import { descarga, enrutador } from '../../src/http/ruta.ts';
import { idEnRuta, montoDePago, montoEnPesos } from '../../src/http/validacion.ts';

// No route here opens a transaction: the pool is never asked for a connection.
const conexion = conectar('postgres://nadie@127.0.0.1:1/ninguna');
afterAll(() => conexion.cerrar());

async function appDePrueba() {
  const app = Fastify();
  app.setErrorHandler(manejarError);
  const reloj = { ahora: () => new Date('2026-03-10T16:00:00Z'), hoy: () => '2026-03-10' as Fecha };
  const deps = { db: conexion.db, reloj, sessionSecret: 'x'.repeat(32), cookieSegura: false };
  const rutas = enrutador({ app, deps });
  rutas.post(
    '/api/cosas/:id',
    {
      accion: 'publica',
      params: idEnRuta,
      query: z.strictObject({ q: z.enum(['a', 'b']).optional() }),
      body: z.strictObject({ n: z.number('debe ser un número') }),
    },
    // A public route never reads `ctx`: there is no session to read it from.
    async ({ params, query, body }) => ({ id: params.id, q: query.q ?? null, n: body.n }),
  );
  rutas.get('/api/con-contexto', { accion: 'publica' }, async ({ ctx }) => ({ ip: ctx.ip }));
  rutas.get('/api/archivo', { accion: 'publica' }, async ({ reply }) =>
    descarga(reply, { tipo: 'pdf', nombre: 'recibo-7.pdf', cuerpo: Buffer.from('%PDF-') }),
  );
  rutas.get('/api/escaneo', { accion: 'publica' }, async ({ reply }) =>
    descarga(reply, {
      tipo: 'image/png',
      nombre: 'Acta «José» "1".png',
      nombreLibre: true,
      enLinea: true,
      bytes: 3,
      cuerpo: Buffer.from('png'),
    }),
  );
  rutas.get('/api/tabla', { accion: 'publica' }, async ({ reply }) =>
    descarga(reply, { tipo: 'csv', nombre: 'b.csv', cuerpo: 'a,b\n' }),
  );
  await app.ready();
  return app;
}

describe('enrutador: la entrada validada, en el orden ruta, consulta, cuerpo', () => {
  it('el 400 nombra el primer campo malo: primero el de la ruta, luego la consulta, luego el cuerpo', async () => {
    const app = await appDePrueba();
    const pedir = (url: string, cuerpo: unknown) =>
      app.inject({ method: 'POST', url, payload: cuerpo as object });
    const mensajes = await Promise.all([
      pedir('/api/cosas/x?q=z', { n: 'no' }),
      pedir('/api/cosas/1?q=z', { n: 'no' }),
      pedir('/api/cosas/1?q=a', { n: 'no' }),
    ]);
    expect(mensajes.map((r) => r.statusCode)).toEqual([400, 400, 400]);
    expect(mensajes.map((r) => r.json().error.campo)).toEqual(['id', 'q', 'n']);
    const bien = await pedir('/api/cosas/1?q=b', { n: 2 });
    expect(bien.json()).toEqual({ id: 1, q: 'b', n: 2 });
    await app.close();
  });

  it('el contexto se lee solo si el manejador lo usa: sin sesión, leerlo es un error del programa', async () => {
    const app = await appDePrueba();
    expect((await app.inject({ method: 'GET', url: '/api/con-contexto' })).statusCode).toBe(500);
    await app.close();
  });
});

describe('descarga', () => {
  it('un nombre que compone Recupera va tal cual en filename', async () => {
    const app = await appDePrueba();
    const r = await app.inject({ method: 'GET', url: '/api/archivo' });
    expect(r.headers['content-type']).toBe('application/pdf');
    expect(r.headers['content-disposition']).toBe('attachment; filename="recibo-7.pdf"');
    const csv = await app.inject({ method: 'GET', url: '/api/tabla' });
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toBe('attachment; filename="b.csv"');
    await app.close();
  });

  it('un nombre que eligió una persona lleva su respaldo ASCII y el exacto en filename*', async () => {
    const app = await appDePrueba();
    const r = await app.inject({ method: 'GET', url: '/api/escaneo' });
    expect(r.headers['content-type']).toBe('image/png');
    expect(r.headers['content-length']).toBe('3');
    expect(r.headers['content-disposition']).toBe(
      `inline; filename="Acta _Jose_ _1_.png"; filename*=UTF-8''${encodeURIComponent('Acta «José» "1".png')}`,
    );
    await app.close();
  });
});

describe('montoEnPesos: centavos desde el texto, leídos una vez', () => {
  const monto = montoEnPesos({ tipo: 'debe ser texto', invalido: 'no es un monto' });

  it('da centavos exactos, o el mensaje de la ruta', () => {
    expect(monto.parse('1500.05')).toBe(150_005);
    expect(monto.parse('7')).toBe(700);
    expect(monto.safeParse('1.234').error?.issues[0]?.message).toBe('no es un monto');
    expect(monto.safeParse('-1').error?.issues[0]?.message).toBe('no es un monto');
    expect(monto.safeParse(15).error?.issues[0]?.message).toBe('debe ser texto');
  });

  it('un pago: más de cero y a lo más cien millones, con el mismo mensaje para cero que para basura', () => {
    const mayorQueCero =
      'debe ser un monto en pesos mayor que cero, con a lo más dos decimales (p. ej. "1500.00")';
    expect(montoDePago.safeParse('0').error?.issues[0]?.message).toBe(mayorQueCero);
    expect(montoDePago.safeParse('abc').error?.issues[0]?.message).toBe(mayorQueCero);
    expect(montoDePago.safeParse('100000000.01').error?.issues[0]?.message).toBe(
      'excede el máximo de $100,000,000.00',
    );
    expect(montoDePago.parse('100000000.00')).toBe(10_000_000_000);
  });
});
