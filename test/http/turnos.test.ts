import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Avisos, iniciarAvisos } from '../../src/plataforma/avisos.ts';
import { type AppDePrueba, crearAppDePrueba, type Sesion } from '../soporte/app-de-prueba.ts';
import { crearBaseDePrueba } from '../soporte/base-de-prueba.ts';

let t: AppDePrueba;
let avisos: Avisos;
const s: Record<string, Sesion> = {};

beforeAll(async () => {
  // The notices listen on the same database the app writes to.
  const base = await crearBaseDePrueba();
  avisos = await iniciarAvisos(base.url, ['turnos']);
  t = await crearAppDePrueba({ avisos }, base);
  t.reloj.fijar('2026-03-10T16:00:00Z');
  await entrarTodos();
});

// The first test moves the clock past the 30-minute idle limit of the other sessions.
async function entrarTodos() {
  for (const u of ['gestor', 'coordinador', 'gestor.nogales', 'admin', 'contabilidad'])
    s[u] = await t.entrar(u);
}
afterAll(async () => {
  await avisos.cerrar();
  await t.cerrar();
});

const registrar = (nombre: string, motivo = 'abono', quien = 'gestor') =>
  t.pedir('POST', '/api/turnos', { sesion: s[quien], cuerpo: { nombre, motivo } });
const evento = (id: number, cuerpo: unknown, quien = 'gestor') =>
  t.pedir('POST', `/api/turnos/${id}/eventos`, { sesion: s[quien], cuerpo });

describe('turnos de ventanilla', () => {
  it('llegada → tomar → atender → cerrar, con números por oficina y día', async () => {
    const primero = await registrar('Rosa Elvia Moreno');
    expect(primero.statusCode).toBe(201);
    expect(primero.json()).toMatchObject({
      clave: 'H-001',
      estado: 'en_espera',
      motivo: 'abono',
      gestor: null,
    });
    expect((await registrar('Juan Pérez', 'informes')).json().clave).toBe('H-002');
    expect((await registrar('Ana Soto', 'otro', 'gestor.nogales')).json().clave).toBe('N-001');

    const id = primero.json().id as number;
    t.reloj.avanzarMinutos(12);
    const tomado = await evento(id, { evento: 'tomar' });
    expect(tomado.json()).toMatchObject({
      estado: 'en_atencion',
      gestor: { nombre: 'Sofía Valenzuela Peña' },
    });
    expect((await evento(id, { evento: 'tomar' }, 'coordinador')).json().error.mensaje).toBe(
      'No se puede tomar un turno «En atención».',
    );
    t.reloj.avanzarMinutos(20);
    expect((await evento(id, { evento: 'cerrar' })).json().error.campo).toBe('resultado');
    const cerrado = await evento(id, {
      evento: 'cerrar',
      resultado: 'Abonó en caja; se le dio su recibo.',
    });
    expect(cerrado.json()).toMatchObject({
      estado: 'atendido',
      resultado: 'Abonó en caja; se le dio su recibo.',
    });

    const dia = (await t.pedir('GET', '/api/turnos', { sesion: s.gestor })).json();
    expect(
      dia.turnos.map((x: { clave: string; estado: string }) => `${x.clave}:${x.estado}`),
    ).toEqual(['H-001:atendido', 'H-002:en_espera']);
  });

  it('solo quien atiende (o la coordinación) cierra; otra oficina no toca el turno', async () => {
    await entrarTodos();
    const id = (await registrar('Pedro Gámez')).json().id as number;
    await evento(id, { evento: 'tomar' }, 'coordinador');
    expect((await evento(id, { evento: 'cerrar', resultado: 'x' })).statusCode).toBe(403);
    expect((await evento(id, { evento: 'abandonar' }, 'gestor.nogales')).statusCode).toBe(403);
    expect((await evento(id, { evento: 'devolver' }, 'coordinador')).json()).toMatchObject({
      estado: 'en_espera',
      gestor: null,
    });
    expect((await evento(id, { evento: 'abandonar' })).json().estado).toBe('abandonado');
  });

  it('mide la atención: atendidos ÷ registrados por día y por gestor, con tiempos de espera y de atención', async () => {
    await entrarTodos();
    const r = (await t.pedir('GET', '/api/turnos/indicadores', { sesion: s.coordinador })).json();
    expect(r.porDia).toEqual([
      {
        fecha: '2026-03-10',
        registrados: 3,
        atendidos: 1,
        abandonados: 1,
        pendientes: 1,
        tasaAtencion: 0.333,
        esperaPromedioMin: 12,
        atencionPromedioMin: 20,
      },
    ]);
    expect(r.porGestor).toEqual([
      expect.objectContaining({
        gestor: 'Sofía Valenzuela Peña',
        registrados: 1,
        atendidos: 1,
        tasaAtencion: 1,
      }),
    ]);
    const todas = (await t.pedir('GET', '/api/turnos/indicadores', { sesion: s.admin })).json();
    expect(todas.porDia[0].registrados).toBe(4);
  });

  it('contabilidad no registra turnos; un motivo desconocido es un 400 con el campo', async () => {
    await entrarTodos();
    expect((await registrar('X', 'abono', 'contabilidad')).statusCode).toBe(403);
    const r = await registrar('Luis', 'queja');
    expect(r.statusCode).toBe(400);
    expect(r.json().error.campo).toBe('motivo');
  });

  it('cada gestor de la oficina ve la cola cambiar en vivo (eventos del servidor)', async () => {
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const direccion = t.app.server.address();
    const puerto = typeof direccion === 'object' && direccion ? direccion.port : 0;
    const recibidos: string[] = [];
    const flujo = await fetch(`http://127.0.0.1:${puerto}/api/turnos/avisos`, {
      headers: { cookie: s.coordinador?.cookie ?? '' },
    });
    expect(flujo.headers.get('content-type')).toBe('text/event-stream');
    const lector = flujo.body?.getReader();
    const leer = async () => {
      const decodificador = new TextDecoder();
      for (;;) {
        const trozo = await lector?.read();
        if (!trozo || trozo.done) return;
        recibidos.push(decodificador.decode(trozo.value));
        if (recibidos.join('').includes('event: turnos')) return;
      }
    };
    const lectura = leer();
    await registrar('Marta Leyva', 'abono', 'gestor.nogales'); // another office: no notice here
    await registrar('Carlos Ruiz', 'convenio', 'gestor');
    await lectura;
    expect(recibidos.join('')).toContain('event: listo');
    expect(recibidos.join('').match(/event: turnos/g)).toHaveLength(1);
    await lector?.cancel();
  });
});
