import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTRASENA_DEMO } from '../../src/modules/demo/cargar-demo.ts';
import { escalarRecados } from '../../src/modules/recados/escalar-recados.ts';
import { crearUsuario } from '../../src/modules/usuarios/crear-usuario.ts';
import { type Avisos, iniciarAvisos } from '../../src/plataforma/avisos.ts';
import { type AppDePrueba, crearAppDePrueba, type Sesion } from '../soporte/app-de-prueba.ts';
import { crearBaseDePrueba } from '../soporte/base-de-prueba.ts';
import { casoPublicado, guardarCaso } from '../soporte/fabricas.ts';

let t: AppDePrueba;
let avisos: Avisos;
const s: Record<string, Sesion> = {};
const id: Record<string, number> = {};
let conGestor: { id: number; numero: string };
let sinGestor: { id: number; numero: string };
let enJuridico: { id: number; numero: string };

const USUARIOS = ['gestor', 'coordinador', 'gestor.nogales', 'contabilidad', 'admin', 'suplente'];

async function entrarTodos() {
  for (const u of USUARIOS) s[u] = await t.entrar(u);
}

/** A credit of Hermosillo held (or not) by a user, as the assignment would leave it. */
async function credito(gestor: string | null) {
  const c = await guardarCaso(t.base.db, casoPublicado('01-pago-parcial-con-atraso.json'));
  if (gestor !== null) {
    const gestorId = id[gestor] ?? 0;
    await t.base.db
      .updateTable('creditos')
      .set({ gestor_id: gestorId })
      .where('id', '=', c.id)
      .execute();
    await t.base.db
      .insertInto('asignaciones')
      .values({ credito_id: c.id, gestor_id: gestorId, desde: '2026-01-01T00:00:00Z' })
      .execute();
  }
  return c;
}

beforeAll(async () => {
  // The notices listen on the same database the app writes to, as `npm start` does.
  const base = await crearBaseDePrueba();
  avisos = await iniciarAvisos(base.url, ['turnos', 'recados']);
  t = await crearAppDePrueba({ avisos }, base);
  const hermosillo = await t.base.db
    .selectFrom('oficinas')
    .select('id')
    .where('clave', '=', 'HMO')
    .executeTakeFirstOrThrow();
  await t.base.db.transaction().execute((trx) =>
    crearUsuario(
      trx,
      {
        usuario: 'suplente',
        nombre: 'Karla Duarte Moreno',
        rol: 'gestor',
        oficinaId: hermosillo.id,
        contrasena: CONTRASENA_DEMO,
      },
      { reloj: t.reloj, ip: null, actor: null },
    ),
  );
  for (const u of await t.base.db.selectFrom('usuarios').select(['id', 'usuario']).execute())
    id[u.usuario] = u.id;
  conGestor = await credito('gestor');
  sinGestor = await credito(null);
  enJuridico = await credito('gestor');
  await entrarTodos();
});
afterAll(async () => {
  await avisos.cerrar();
  await t.cerrar();
});

const tomar = (quien: string, cuerpo: Record<string, unknown>) =>
  t.pedir('POST', '/api/recados', {
    sesion: s[quien],
    cuerpo: {
      llamanteNombre: 'Rosa Elvia Moreno',
      mensaje: 'Quiere saber cuánto debe.',
      ...cuerpo,
    },
  });
const listar = async (quien: string, estado?: string) => {
  const r = await t.pedir('GET', `/api/recados${estado ? `?estado=${estado}` : ''}`, {
    sesion: s[quien],
  });
  expect(r.statusCode).toBe(200);
  return r.json() as {
    recados: Array<{ id: number; estado: string; escalado: string | null }>;
    nuevos: number;
  };
};
const ids = (l: { recados: Array<{ id: number }> }) => l.recados.map((r) => r.id);
const leer = (quien: string, recado: number) =>
  t.pedir('POST', `/api/recados/${recado}/lectura`, { sesion: s[quien] });

describe('recados', () => {
  let primero: number;

  it('el coordinador toma un recado de la cuenta del gestor: le llega a él, con el crédito y quién lo tomó', async () => {
    const r = await tomar('coordinador', {
      creditoId: conGestor.id,
      llamanteTelefono: '662 123 4567',
      volverALlamar: '2026-03-10T17:30:00-07:00',
    });
    expect(r.statusCode).toBe(201);
    expect(r.json()).toMatchObject({
      estado: 'nuevo',
      creditoId: conGestor.id,
      numero: conGestor.numero,
      acreditado: 'José Ángel Núñez Ibáñez',
      llamanteNombre: 'Rosa Elvia Moreno',
      // Masked even to whoever typed it: the whole number is a logged reveal.
      llamanteTelefono: '•••• 4567',
      para: { id: id.gestor, nombre: 'Sofía Valenzuela Peña' },
      tomadoPor: { id: id.coordinador, nombre: 'Martín Ibarra Núñez' },
      mensaje: 'Quiere saber cuánto debe.',
      volverALlamar: '2026-03-11T00:30:00.000Z',
      creado: '2026-03-10T16:00:00.000Z',
      leido: null,
      atendido: null,
      escalado: null,
    });
    primero = r.json().id;

    const delGestor = await listar('gestor');
    expect(ids(delGestor)).toEqual([primero]);
    expect(delGestor.nuevos).toBe(1);
    // Not escalated: the coordinador who took it does not have it in his list.
    expect(ids(await listar('coordinador'))).toEqual([]);
    expect(ids(await listar('gestor.nogales'))).toEqual([]);
    const bitacora = await t.base.db
      .selectFrom('bitacora')
      .select(['accion', 'actor_usuario'])
      .where('objeto_tipo', '=', 'recado')
      .where('objeto_id', '=', String(primero))
      .execute();
    expect(bitacora).toEqual([{ accion: 'recado.registrar', actor_usuario: 'coordinador' }]);
  });

  it('nuevo → leído por su destinatario; otra oficina no lo toca; leerlo otra vez no cambia nada', async () => {
    expect((await leer('gestor.nogales', primero)).statusCode).toBe(403);
    const r = await leer('gestor', primero);
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ estado: 'leido', leido: '2026-03-10T16:00:00.000Z' });
    const otra = await leer('gestor', primero);
    expect(otra.json()).toMatchObject({ estado: 'leido', leido: '2026-03-10T16:00:00.000Z' });
    expect((await listar('gestor')).nuevos).toBe(0);
    expect(ids(await listar('gestor', 'leido'))).toEqual([primero]);
    expect(ids(await listar('gestor', 'nuevo'))).toEqual([]);
    expect((await leer('gestor', 999_999)).statusCode).toBe(404);
  });

  it('rechaza un crédito de otra oficina, un recado sin destinatario y un destinatario que no es del personal de la oficina', async () => {
    const otraOficina = await tomar('gestor.nogales', { creditoId: conGestor.id });
    expect(otraOficina.statusCode).toBe(403);
    expect(otraOficina.json().error.mensaje).toBe('Este crédito no está en tu cartera.');

    const sinPara = await tomar('coordinador', { creditoId: sinGestor.id });
    expect(sinPara.statusCode).toBe(400);
    expect(sinPara.json().error).toMatchObject({
      codigo: 'entrada_invalida',
      campo: 'paraId',
      mensaje: `El crédito ${sinGestor.numero} no tiene gestor asignado: indica para quién es el recado.`,
    });
    const nada = await tomar('gestor', {});
    expect(nada.statusCode).toBe(400);
    expect(nada.json().error.campo).toBe('paraId');

    for (const otro of ['gestor.nogales', 'contabilidad']) {
      const r = await tomar('coordinador', { creditoId: sinGestor.id, paraId: id[otro] });
      expect(r.statusCode).toBe(422);
      expect(r.json().error).toMatchObject({ codigo: 'gestor_invalido', campo: 'paraId' });
    }
    const sinMensaje = await tomar('gestor', { paraId: id.coordinador, mensaje: '  ' });
    expect(sinMensaje.statusCode).toBe(400);
    expect(sinMensaje.json().error.campo).toBe('mensaje');

    // The caller found with the search must take part in the credit named.
    const { persona_id: acreditado } = await t.base.db
      .selectFrom('participantes_credito')
      .select('persona_id')
      .where('credito_id', '=', conGestor.id)
      .executeTakeFirstOrThrow();
    const ajena = await tomar('coordinador', {
      creditoId: sinGestor.id,
      personaId: acreditado,
      paraId: id.gestor,
    });
    expect(ajena.statusCode).toBe(400);
    expect(ajena.json().error.campo).toBe('personaId');
    const deNogales = await tomar('gestor.nogales', {
      personaId: acreditado,
      paraId: id['gestor.nogales'],
    });
    expect(deNogales.statusCode).toBe(403);
    const conPersona = await tomar('coordinador', {
      personaId: acreditado,
      paraId: id.coordinador,
    });
    expect(conPersona.statusCode).toBe(201);
    expect(conPersona.json().persona).toEqual({
      id: acreditado,
      nombre: 'José Ángel Núñez Ibáñez',
    });

    // Contabilidad answers the phone too: without a credit, for someone of any office.
    const deContabilidad = await tomar('contabilidad', { paraId: id['gestor.nogales'] });
    expect(deContabilidad.statusCode).toBe(201);
    expect(deContabilidad.json()).toMatchObject({
      creditoId: null,
      numero: null,
      acreditado: null,
    });
    expect(ids(await listar('gestor.nogales'))).toEqual([deContabilidad.json().id]);
  });

  it('llega en vivo a su destinatario y a quien lo suple hoy, no a los demás', async () => {
    await t.base.db
      .insertInto('suplencias')
      .values({
        titular_id: id.gestor ?? 0,
        suplente_id: id.suplente ?? 0,
        desde: '2026-03-09',
        hasta: '2026-03-13',
        motivo: 'Vacaciones',
      })
      .execute();
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const direccion = t.app.server.address();
    const puerto = typeof direccion === 'object' && direccion ? direccion.port : 0;
    const abrir = async (quien: string) => {
      const flujo = await fetch(`http://127.0.0.1:${puerto}/api/recados/avisos`, {
        headers: { cookie: s[quien]?.cookie ?? '' },
      });
      expect(flujo.headers.get('content-type')).toBe('text/event-stream');
      const lector = flujo.body?.getReader();
      const recibido: string[] = [];
      const decodificador = new TextDecoder();
      const hasta = async (eventos: number) => {
        for (;;) {
          if ((recibido.join('').match(/event: recados/g) ?? []).length >= eventos) return;
          const trozo = await lector?.read();
          if (!trozo || trozo.done) return;
          recibido.push(decodificador.decode(trozo.value));
        }
      };
      await hasta(0);
      return { recibido, hasta, cerrar: () => lector?.cancel() };
    };
    const gestor = await abrir('gestor');
    const suplente = await abrir('suplente');
    const nogales = await abrir('gestor.nogales');

    // For someone else first: if it reached the gestor, the count below would be 2.
    expect((await tomar('coordinador', { paraId: id.coordinador })).statusCode).toBe(201);
    const r = await tomar('contabilidad', { creditoId: conGestor.id });
    expect(r.json().para.id).toBe(id.gestor);
    await Promise.all([gestor.hasta(1), suplente.hasta(1)]);
    expect(gestor.recibido.join('')).toContain('event: listo');
    expect(gestor.recibido.join('').match(/event: recados/g)).toHaveLength(1);
    expect(suplente.recibido.join('').match(/event: recados/g)).toHaveLength(1);
    expect(nogales.recibido.join('')).not.toContain('event: recados');
    await Promise.all([gestor.cerrar(), suplente.cerrar(), nogales.cerrar()]);

    // The suplente sees the titular's recados and may read them; a colleague without a
    // suplencia may not.
    const delSuplente = await listar('suplente');
    expect(ids(delSuplente)).toEqual([r.json().id, primero]);
    expect(delSuplente.nuevos).toBe(1);
    expect((await leer('suplente', r.json().id)).json().estado).toBe('leido');
    await t.base.db.updateTable('suplencias').set({ cancelada: t.reloj.ahora() }).execute();
    expect(ids(await listar('suplente'))).toEqual([]);
    expect((await leer('suplente', primero)).statusCode).toBe(403);
  });

  it('sin atender tras las horas hábiles (lunes a viernes de 8 a 16, Hermosillo, sin los días inhábiles) pasa al coordinador de la oficina', async () => {
    // Friday 14:00 in Hermosillo: 2 business hours on Friday; Monday 16 March is a día
    // inhábil of the calendar (LFT art. 74), so the 6 more run on Tuesday until 14:00.
    t.reloj.fijar('2026-03-13T21:00:00Z');
    await entrarTodos();
    const nuevo = (await tomar('gestor', { paraId: id.suplente })).json().id as number;
    const escalar = () =>
      t.base.db.transaction().execute((trx) => escalarRecados(trx, { reloj: t.reloj, ip: null }));

    // The recados of Tuesday are due already (the first was read, never attended).
    const antes = await escalar();
    expect(antes.escalados).toBeGreaterThan(0);
    const escalado = async (recado: number) =>
      (
        await t.base.db
          .selectFrom('recados')
          .select('escalado')
          .where('id', '=', recado)
          .executeTakeFirstOrThrow()
      ).escalado;
    expect(await escalado(primero)).toEqual(new Date('2026-03-13T21:00:00Z'));
    expect(await escalado(nuevo)).toBeNull();

    t.reloj.fijar('2026-03-16T21:00:00Z'); // Monday 14:00, a holiday: still 2 hours
    expect((await escalar()).escalados).toBe(0);
    t.reloj.fijar('2026-03-17T20:59:00Z'); // Tuesday 13:59: 7 h 59 min
    expect((await escalar()).escalados).toBe(0);
    expect(await escalado(nuevo)).toBeNull();
    await entrarTodos();
    expect(ids(await listar('coordinador'))).not.toContain(nuevo);

    t.reloj.fijar('2026-03-17T21:00:00Z'); // Tuesday 14:00: 8 business hours
    expect(await escalar()).toEqual({ escalados: 1 });
    expect(await escalado(nuevo)).toEqual(new Date('2026-03-17T21:00:00Z'));
    // Each recado escalates once.
    expect((await escalar()).escalados).toBe(0);

    await entrarTodos();
    const delCoordinador = await listar('coordinador');
    expect(ids(delCoordinador)).toContain(nuevo);
    expect(ids(delCoordinador)).toContain(primero);
    expect(delCoordinador.recados.every((r) => r.escalado !== null)).toBe(true);
    // The office's coordinador may read what escalated to him; another office's gestor may not.
    expect((await leer('coordinador', nuevo)).json().estado).toBe('leido');
    expect(ids(await listar('gestor.nogales'))).not.toContain(nuevo);

    const filas = await t.base.db
      .selectFrom('bitacora')
      .select(['detalle', 'actor_usuario'])
      .where('accion', '=', 'recados.escalar')
      .orderBy('id')
      .execute();
    expect(filas).toHaveLength(2);
    expect(filas[1]).toEqual({
      actor_usuario: null,
      detalle: { recados: [nuevo], oficinas: [expect.any(Number)], horasHabiles: 8 },
    });
  });

  it('se atiende con una gestión: queda atendido y ligado a ella; no se atiende dos veces', async () => {
    const recado = (await tomar('coordinador', { creditoId: conGestor.id })).json().id as number;
    const acreditado = await t.base.db
      .selectFrom('participantes_credito')
      .select('persona_id')
      .where('credito_id', '=', conGestor.id)
      .where('rol', '=', 'acreditado')
      .executeTakeFirstOrThrow();
    const gestion = {
      canal: 'llamada_entrante',
      personaId: acreditado.persona_id,
      resultado: 'pide_informacion',
      nota: 'Se le dio su saldo.',
      duracionSegundos: 180,
    };
    const atender = (quien: string, recadoId: number, cuerpo: Record<string, unknown> = gestion) =>
      t.pedir('POST', `/api/recados/${recadoId}/atencion`, { sesion: s[quien], cuerpo });

    expect((await atender('gestor.nogales', recado)).statusCode).toBe(403);
    const r = await atender('gestor', recado);
    expect(r.statusCode).toBe(201);
    const { gestion: registrada, recado: atendido } = r.json();
    expect(registrada).toMatchObject({
      creditoId: conGestor.id,
      recadoId: recado,
      canal: 'llamada_entrante',
    });
    expect(atendido).toMatchObject({
      id: recado,
      estado: 'atendido',
      gestionId: registrada.id,
      atendido: '2026-03-17T21:00:00.000Z',
    });
    const otraVez = await atender('gestor', recado);
    expect(otraVez.statusCode).toBe(409);
    expect(otraVez.json().error.mensaje).toBe('No se puede atender un recado atendido.');
    expect(ids(await listar('gestor', 'atendido'))).toEqual([recado]);

    // A recado about no credit: the gestión names one.
    const suelto = (await tomar('coordinador', { paraId: id.gestor })).json().id as number;
    const sinCredito = await atender('gestor', suelto);
    expect(sinCredito.statusCode).toBe(400);
    expect(sinCredito.json().error.campo).toBe('creditoId');
    const conCredito = await atender('gestor', suelto, { ...gestion, creditoId: conGestor.id });
    expect(conCredito.statusCode).toBe(201);
    expect(conCredito.json().recado).toMatchObject({ estado: 'atendido', creditoId: conGestor.id });
    // The body carries no recadoId of its own: the recado is the one in the path.
    const ajeno = await atender('gestor', suelto, { ...gestion, recadoId: primero });
    expect(ajeno.statusCode).toBe(400);
    expect(ajeno.json().error.campo).toBe('recadoId');
  });

  it('un contacto que las reglas rechazan deja el recado sin atender, con el rechazo en la bitácora', async () => {
    await t.base.db
      .updateTable('creditos')
      .set({ estado: 'en_juridico' })
      .where('id', '=', enJuridico.id)
      .execute();
    const acreditado = await t.base.db
      .selectFrom('participantes_credito')
      .select('persona_id')
      .where('credito_id', '=', enJuridico.id)
      .where('rol', '=', 'acreditado')
      .executeTakeFirstOrThrow();
    const telefono = await t.base.db
      .insertInto('telefonos')
      .values({ persona_id: acreditado.persona_id, numero: '6621234567', tipo: 'movil' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const recado = (await tomar('coordinador', { creditoId: enJuridico.id })).json().id as number;
    const r = await t.pedir('POST', `/api/recados/${recado}/atencion`, {
      sesion: s.gestor,
      cuerpo: {
        canal: 'llamada_saliente',
        personaId: acreditado.persona_id,
        telefonoId: telefono.id,
        resultado: 'no_contesta',
        duracionSegundos: 30,
      },
    });
    expect(r.statusCode).toBe(422);
    expect(r.json().error.codigo).toBe('en_juridico');
    const fila = await t.base.db
      .selectFrom('recados')
      .select(['estado', 'gestion_id'])
      .where('id', '=', recado)
      .executeTakeFirstOrThrow();
    expect(fila).toEqual({ estado: 'nuevo', gestion_id: null });
    const rechazo = await t.base.db
      .selectFrom('bitacora')
      .select('accion')
      .where('accion', '=', 'gestion.rechazada')
      .where('objeto_id', '=', String(enJuridico.id))
      .execute();
    expect(rechazo).toHaveLength(1);
  });
});
