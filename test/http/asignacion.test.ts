import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Rol } from '../../src/db/esquema.ts';
import type { Fecha } from '../../src/domain/fecha.ts';
import { creditosACargo, titularesSuplidos } from '../../src/modules/asignacion/cuentas-a-cargo.ts';
import { CONTRASENA_DEMO } from '../../src/modules/demo/cargar-demo.ts';
import { crearUsuario } from '../../src/modules/usuarios/crear-usuario.ts';
import { type AppDePrueba, crearAppDePrueba, type Sesion } from '../soporte/app-de-prueba.ts';
import { casoPublicado, guardarCaso } from '../soporte/fabricas.ts';

const caso = casoPublicado('01-pago-parcial-con-atraso.json');
const HOY = '2026-03-10';

let t: AppDePrueba;
const s: Record<string, Sesion> = {};
const oficina: Record<'HMO' | 'NOG' | 'OBR', number> = { HMO: 0, NOG: 0, OBR: 0 };
/** Users by login. */
const u: Record<string, number> = {};
/** h1…h8: Hermosillo accounts with balances 9,000 down to 3,000 and one without a snapshot. */
const h: number[] = [];
let liquidado: number;
let turnado: number;
let nogales: number;

async function usuario(
  login: string,
  nombre: string,
  rol: Rol,
  clave: 'HMO' | 'NOG' | 'OBR',
  activo = true,
) {
  const { id } = await t.base.db
    .insertInto('usuarios')
    .values({
      usuario: login,
      nombre,
      rol,
      oficina_id: oficina[clave],
      hash_contrasena: 'sin-acceso',
      activo,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  u[login] = id;
}

async function credito(
  clave: 'HMO' | 'NOG',
  datos: { saldo?: number; bucket?: string; municipio?: string; despachoId?: number } = {},
): Promise<number> {
  const { id } = await guardarCaso(t.base.db, caso, {
    oficina: clave,
    ...(datos.despachoId === undefined ? {} : { despachoId: datos.despachoId }),
  });
  if (datos.saldo !== undefined) await fijarSaldo(id, datos.saldo, datos.bucket ?? '1-30');
  if (datos.municipio !== undefined) {
    const { persona_id } = await t.base.db
      .selectFrom('participantes_credito')
      .select('persona_id')
      .where('credito_id', '=', id)
      .where('rol', '=', 'acreditado')
      .executeTakeFirstOrThrow();
    await t.base.db
      .insertInto('domicilios')
      .values({ persona_id, calle: 'Calle Reforma 12', municipio: datos.municipio })
      .execute();
  }
  return id;
}

async function fijarSaldo(id: number, pesos: number, bucket = '1-30', fecha = HOY) {
  await sql`
    INSERT INTO antiguedad_saldos (credito_id, fecha, situacion, dias_atraso, bucket,
      capital_insoluto_centavos, saldo_exigible_centavos, saldo_para_liquidar_centavos,
      interes_moratorio_centavos, calculado)
    VALUES (${id}, ${fecha}, 'vencido', 10, ${bucket}, 0, ${pesos * 100}, 0, 0, now())
    ON CONFLICT (credito_id, fecha) DO UPDATE SET saldo_exigible_centavos = excluded.saldo_exigible_centavos
  `.execute(t.base.db);
}

beforeAll(async () => {
  t = await crearAppDePrueba();
  const db = t.base.db;
  for (const o of await db.selectFrom('oficinas').select(['id', 'clave']).execute()) {
    if (o.clave === 'HMO' || o.clave === 'NOG' || o.clave === 'OBR') oficina[o.clave] = o.id;
  }
  await usuario('carmen', 'Carmen Leyva Soto', 'gestor', 'HMO');
  await usuario('luis', 'Luis Moreno Ochoa', 'gestor', 'HMO');
  await usuario('baja', 'Rosa Baja Inactiva', 'gestor', 'HMO', false);
  await db.transaction().execute((trx) =>
    crearUsuario(
      trx,
      {
        usuario: 'coordinador.nogales',
        nombre: 'Irma Castro Leal',
        rol: 'coordinador',
        oficinaId: oficina.NOG,
        contrasena: CONTRASENA_DEMO,
      },
      { reloj: t.reloj, ip: null, actor: null },
    ),
  );
  for (const f of await db.selectFrom('usuarios').select(['id', 'usuario']).execute())
    u[f.usuario] = f.id;
  const despacho = await db
    .insertInto('despachos')
    .values({ nombre: 'Quijada y Asociados, S.C.' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const pesos = [9000, 8000, 7000, 6000, 5000, 4000, 3000];
  for (const [i, saldo] of pesos.entries()) {
    h.push(
      await credito('HMO', {
        saldo,
        bucket: i < 2 ? '91-180' : '1-30',
        municipio: i < 4 ? 'Álamos' : 'Hermosillo',
      }),
    );
  }
  h.push(await credito('HMO', { municipio: 'Hermosillo' }));
  liquidado = await credito('HMO', { saldo: 20000 });
  await db
    .updateTable('creditos')
    .set({ estado: 'liquidado' })
    .where('id', '=', liquidado)
    .execute();
  turnado = await credito('HMO', { saldo: 20000, despachoId: despacho.id });
  nogales = await credito('NOG', { saldo: 1000 });
  // h7 was called once: it is not "nunca contactado".
  const resultado = await db
    .selectFrom('resultados_gestion')
    .select('id')
    .where('clave', '=', 'no_contesta')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('gestiones')
    .values({
      credito_id: h[6] as number,
      canal: 'llamada_saliente',
      resultado_id: resultado.id,
      inicio: '2026-03-09T17:00:00Z',
      registrado_por: u.gestor as number,
      registrado: '2026-03-09T17:05:00Z',
    })
    .execute();
  for (const login of ['coordinador', 'gestor', 'admin', 'coordinador.nogales', 'contabilidad'])
    s[login] = await t.entrar(login);
});
afterAll(() => t.cerrar());

const H = (i: number) => h[i - 1] as number;
const asignar = (sesion: Sesion | undefined, creditoId: number, cuerpo: unknown) =>
  t.pedir('PUT', `/api/creditos/${creditoId}/gestor`, { sesion, cuerpo });
const cuentas = (sesion: Sesion | undefined, consulta = '') =>
  t.pedir('GET', `/api/asignacion/cuentas${consulta}`, { sesion });
const bitacora = (accion: string) =>
  t.base.db
    .selectFrom('bitacora')
    .select(['actor_usuario', 'objeto_tipo', 'objeto_id', 'detalle'])
    .where('accion', '=', accion)
    .orderBy('id')
    .execute();
const gestorDe = async (id: number) =>
  (
    await t.base.db
      .selectFrom('creditos')
      .select('gestor_id')
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
  ).gestor_id;

describe('GET /api/asignacion/cuentas', () => {
  it('lista las cuentas asignables de la oficina del coordinador, del mayor saldo al menor', async () => {
    const r = await cuentas(s.coordinador);
    expect(r.statusCode).toBe(200);
    const lista = r.json();
    // The settled credit and the one with a law firm are nobody's work: not listed.
    expect(lista).toMatchObject({ total: 8, pagina: 1, porPagina: 50 });
    expect(lista.cuentas.map((c: { creditoId: number }) => c.creditoId)).toEqual(h);
    expect(lista.cuentas[0]).toMatchObject({
      creditoId: H(1),
      acreditado: 'José Ángel Núñez Ibáñez',
      municipio: 'Álamos',
      bucket: '91-180',
      saldoExigible: '9000.00',
      gestor: null,
      ultimaGestion: null,
    });
    expect(lista.cuentas[6]).toMatchObject({ ultimaGestion: '2026-03-09T17:00:00.000Z' });
    // Without an aging snapshot: balance 0, bucket unknown.
    expect(lista.cuentas[7]).toMatchObject({ bucket: null, saldoExigible: '0.00' });
    const [leida] = await bitacora('asignacion.cuentas');
    expect(leida).toMatchObject({
      actor_usuario: 'coordinador',
      objeto_tipo: 'oficina',
      objeto_id: String(oficina.HMO),
    });
  });

  it('filtra por tramo, saldo, municipio (sin acentos) y nunca contactadas', async () => {
    const ids = async (consulta: string) =>
      (await cuentas(s.coordinador, consulta))
        .json()
        .cuentas.map((c: { creditoId: number }) => c.creditoId);
    expect(await ids('?bucket=91-180')).toEqual([H(1), H(2)]);
    expect(await ids('?saldoMin=5000&saldoMax=7000.00')).toEqual([H(3), H(4), H(5)]);
    expect(await ids('?municipio=alamos')).toEqual([H(1), H(2), H(3), H(4)]);
    expect(await ids('?nuncaContactado=true')).not.toContain(H(7));
    expect((await cuentas(s.coordinador, '?nuncaContactado=true')).json().total).toBe(7);
  });

  it('el coordinador solo ve su oficina; el administrador debe nombrar una', async () => {
    const forzada = await cuentas(s.coordinador, `?oficinaId=${oficina.NOG}`);
    expect(forzada.json().total).toBe(8);
    const sinOficina = await cuentas(s.admin);
    expect(sinOficina.statusCode).toBe(400);
    expect(sinOficina.json().error).toMatchObject({
      codigo: 'entrada_invalida',
      campo: 'oficinaId',
    });
    const nog = await cuentas(s.admin, `?oficinaId=${oficina.NOG}`);
    expect(nog.json()).toMatchObject({ total: 1, cuentas: [{ creditoId: nogales }] });
  });

  it('un filtro mal escrito es un 400 que nombra el campo', async () => {
    const r = await cuentas(s.coordinador, '?saldoMin=mil');
    expect(r.statusCode).toBe(400);
    expect(r.json().error.campo).toBe('saldoMin');
    expect((await cuentas(s.coordinador, '?sinAsignar=si')).json().error.campo).toBe('sinAsignar');
  });
});

describe('PUT /api/creditos/:id/gestor y su historial', () => {
  it('dos reasignaciones dejan tres filas contiguas, la más nueva primero, y tres filas de bitácora', async () => {
    const inicio = t.reloj.ahora();
    const r1 = await asignar(s.coordinador, H(8), { gestorId: u.gestor });
    expect(r1.statusCode).toBe(200);
    expect(r1.json()).toEqual({
      creditoId: H(8),
      gestor: { id: u.gestor, nombre: 'Sofía Valenzuela Peña' },
      desde: inicio.toISOString(),
    });
    t.reloj.avanzarMinutos(5);
    expect((await asignar(s.coordinador, H(8), { gestorId: u.carmen })).statusCode).toBe(200);
    t.reloj.avanzarMinutos(5);
    const r3 = await asignar(s.admin, H(8), {
      gestorId: u.luis,
      motivo: 'Carmen pasa a ventanilla',
    });
    expect(r3.statusCode).toBe(200);
    expect(await gestorDe(H(8))).toBe(u.luis);

    const historial = await t.pedir('GET', `/api/creditos/${H(8)}/asignaciones`, {
      sesion: s.gestor,
    });
    expect(historial.statusCode).toBe(200);
    const filas = historial.json().asignaciones;
    expect(filas).toHaveLength(3);
    expect(filas.map((f: { gestor: { id: number } }) => f.gestor.id)).toEqual([
      u.luis,
      u.carmen,
      u.gestor,
    ]);
    expect(filas[0]).toMatchObject({
      hasta: null,
      asignadoPor: { id: u.admin, nombre: 'Ana Lucía Robles Félix' },
      motivo: 'Carmen pasa a ventanilla',
    });
    expect(filas[2].desde).toBe(inicio.toISOString());
    expect(filas[2].hasta).toBe(filas[1].desde);
    expect(filas[1].hasta).toBe(filas[0].desde);
    expect(filas[2].asignadoPor).toEqual({ id: u.coordinador, nombre: 'Martín Ibarra Núñez' });

    const registros = (await bitacora('asignacion.asignar')).filter(
      (b) => b.objeto_id === String(H(8)),
    );
    expect(registros.map((b) => b.detalle)).toEqual([
      { antes: { gestorId: null }, despues: { gestorId: u.gestor }, motivo: null },
      { antes: { gestorId: u.gestor }, despues: { gestorId: u.carmen }, motivo: null },
      {
        antes: { gestorId: u.carmen },
        despues: { gestorId: u.luis },
        motivo: 'Carmen pasa a ventanilla',
      },
    ]);
  });

  it('el mismo gestor otra vez no cambia nada', async () => {
    const antes = (
      await t.pedir('GET', `/api/creditos/${H(8)}/asignaciones`, { sesion: s.admin })
    ).json();
    t.reloj.avanzarMinutos(5);
    const r = await asignar(s.coordinador, H(8), { gestorId: u.luis });
    expect(r.statusCode).toBe(200);
    expect(r.json().desde).toBe(antes.asignaciones[0].desde);
    const despues = (
      await t.pedir('GET', `/api/creditos/${H(8)}/asignaciones`, { sesion: s.admin })
    ).json();
    expect(despues).toEqual(antes);
    expect(
      (await bitacora('asignacion.asignar')).filter((b) => b.objeto_id === String(H(8))),
    ).toHaveLength(3);
  });

  it('la lista ve la asignación: sin asignar y por gestor', async () => {
    expect((await cuentas(s.coordinador, '?sinAsignar=true')).json().total).toBe(7);
    const deLuis = (await cuentas(s.coordinador, `?gestorId=${u.luis}`)).json();
    expect(deLuis.cuentas).toMatchObject([
      { creditoId: H(8), gestor: { id: u.luis, nombre: 'Luis Moreno Ochoa' } },
    ]);
  });

  it('el coordinador de otra oficina no asigna (403)', async () => {
    const r = await asignar(s['coordinador.nogales'], H(1), { gestorId: u['gestor.nogales'] });
    expect(r.statusCode).toBe(403);
    expect(r.json().error.mensaje).toBe('Este crédito no está en tu cartera.');
    expect((await asignar(s.coordinador, nogales, { gestorId: u.gestor })).statusCode).toBe(403);
  });

  it('el gestor destino debe ser gestor o coordinador activo de la oficina del crédito (422, gestorId)', async () => {
    const otraOficina = await asignar(s.coordinador, H(1), { gestorId: u['gestor.nogales'] });
    expect(otraOficina.statusCode).toBe(422);
    expect(otraOficina.json().error).toEqual({
      codigo: 'gestor_invalido',
      campo: 'gestorId',
      mensaje: 'Jesús Ramírez Acuña no es gestor ni coordinador activo de la oficina Hermosillo.',
    });
    for (const gestorId of [u.baja, u.contabilidad, 999_999]) {
      const r = await asignar(s.coordinador, H(1), { gestorId });
      expect(r.statusCode).toBe(422);
      expect(r.json().error.campo).toBe('gestorId');
    }
    expect(await gestorDe(H(1))).toBeNull();
    // The coordinador himself may hold accounts.
    expect(
      (await asignar(s.admin, nogales, { gestorId: u['coordinador.nogales'] })).statusCode,
    ).toBe(200);
  });

  it('un crédito liquidado o turnado a un despacho no se asigna (409)', async () => {
    const liq = await asignar(s.coordinador, liquidado, { gestorId: u.gestor });
    expect(liq.statusCode).toBe(409);
    expect(liq.json().error.codigo).toBe('conflicto');
    expect(liq.json().error.mensaje).toMatch(/está liquidado: solo se asignan créditos activos/);
    const desp = await asignar(s.coordinador, turnado, { gestorId: u.gestor });
    expect(desp.statusCode).toBe(409);
    expect(desp.json().error.mensaje).toMatch(/turnado a un despacho externo/);
    expect((await asignar(s.coordinador, 999_999, { gestorId: u.gestor })).statusCode).toBe(404);
    const sinGestor = await asignar(s.coordinador, H(1), {});
    expect(sinGestor.statusCode).toBe(400);
    expect(sinGestor.json().error.campo).toBe('gestorId');
  });
});

describe('GET /api/gestores', () => {
  it('los gestores y coordinadores activos de la oficina, con cuántas cuentas llevan', async () => {
    const r = await t.pedir('GET', '/api/gestores', { sesion: s.gestor });
    expect(r.statusCode).toBe(200);
    const gestores: Array<{ id: number; nombre: string }> = r.json().gestores;
    const activosDeHermosillo = await t.base.db
      .selectFrom('usuarios')
      .select('id')
      .where('oficina_id', '=', oficina.HMO)
      .where('rol', 'in', ['gestor', 'coordinador'])
      .where('activo', '=', true)
      .execute();
    expect(gestores.map((g) => g.id).sort((a, b) => a - b)).toEqual(
      activosDeHermosillo.map((f) => f.id).sort((a, b) => a - b),
    );
    expect(gestores.map((g) => g.id)).not.toContain(u.baja);
    // By name.
    expect(gestores.map((g) => g.nombre)).toEqual(
      [...gestores.map((g) => g.nombre)].sort((a, b) => a.localeCompare(b, 'es')),
    );
    expect(gestores).toEqual(
      expect.arrayContaining([
        { id: u.luis, nombre: 'Luis Moreno Ochoa', rol: 'gestor', cuentas: 1 },
        { id: u.carmen, nombre: 'Carmen Leyva Soto', rol: 'gestor', cuentas: 0 },
        { id: u.coordinador, nombre: 'Martín Ibarra Núñez', rol: 'coordinador', cuentas: 0 },
      ]),
    );
    expect((await t.pedir('GET', '/api/gestores', { sesion: s.contabilidad })).statusCode).toBe(
      400,
    );
    const nog = await t.pedir('GET', `/api/gestores?oficinaId=${oficina.NOG}`, { sesion: s.admin });
    expect(nog.json().gestores.map((g: { id: number }) => g.id)).toEqual([
      u['coordinador.nogales'],
      u['gestor.nogales'],
    ]);
  });
});

describe('distribución: vista previa y aplicación', () => {
  const previa = (sesion: Sesion | undefined, cuerpo: unknown) =>
    t.pedir('POST', '/api/asignacion/vista-previa', { sesion, cuerpo });
  const aplicar = (sesion: Sesion | undefined, cuerpo: unknown) =>
    t.pedir('POST', '/api/asignacion/distribucion', { sesion, cuerpo });

  it('por filtro y por número de cuentas: la vista previa no cambia nada; aplicarla asigna y deja una fila de bitácora', async () => {
    const pedido = {
      filtro: { municipio: 'Álamos', sinAsignar: true },
      gestorIds: [u.gestor, u.carmen],
      regla: 'cuentas',
    };
    const r = await previa(s.coordinador, pedido);
    expect(r.statusCode).toBe(200);
    const vista = r.json();
    expect(vista).toEqual({
      firma: expect.stringMatching(/^[0-9a-f]{64}$/),
      cuentas: 4,
      porGestor: [
        {
          gestor: { id: u.gestor, nombre: 'Sofía Valenzuela Peña' },
          cuentas: 2,
          saldo: '16000.00',
        },
        { gestor: { id: u.carmen, nombre: 'Carmen Leyva Soto' }, cuentas: 2, saldo: '14000.00' },
      ],
    });
    expect(await gestorDe(H(1))).toBeNull();

    t.reloj.avanzarMinutos(5);
    const a = await aplicar(s.coordinador, { ...pedido, firma: vista.firma });
    expect(a.statusCode).toBe(200);
    expect(a.json()).toEqual({ asignadas: 4, porGestor: vista.porGestor });
    expect([
      await gestorDe(H(1)),
      await gestorDe(H(2)),
      await gestorDe(H(3)),
      await gestorDe(H(4)),
    ]).toEqual([u.gestor, u.carmen, u.gestor, u.carmen]);
    const abierta = await t.base.db
      .selectFrom('asignaciones')
      .selectAll()
      .where('credito_id', '=', H(3))
      .executeTakeFirstOrThrow();
    expect(abierta).toMatchObject({
      gestor_id: u.gestor,
      hasta: null,
      asignado_por: u.coordinador,
      motivo: 'Distribución por número de cuentas',
      desde: t.reloj.ahora(),
    });
    const registros = await bitacora('asignacion.distribuir');
    expect(registros).toHaveLength(1);
    expect(registros[0]).toMatchObject({
      actor_usuario: 'coordinador',
      objeto_tipo: 'oficina',
      objeto_id: String(oficina.HMO),
      detalle: {
        regla: 'cuentas',
        cuentas: 4,
        cambiadas: 4,
        firma: vista.firma,
        porGestor: [
          { gestorId: u.gestor, cuentas: 2, saldo: '16000.00' },
          { gestorId: u.carmen, cuentas: 2, saldo: '14000.00' },
        ],
      },
    });
  });

  it('por créditos y por saldo; si un saldo cambió desde la vista previa, 409 plan_cambiado y nada cambia', async () => {
    const pedido = {
      creditoIds: [H(5), H(6), H(7)],
      gestorIds: [u.carmen, u.luis],
      regla: 'saldo',
    };
    const vieja = (await previa(s.coordinador, pedido)).json();
    // 5,000 → Carmen; 4,000 → Luis; 3,000 → Luis (4,000 < 5,000).
    expect(
      vieja.porGestor.map((g: { cuentas: number; saldo: string }) => [g.cuentas, g.saldo]),
    ).toEqual([
      [1, '5000.00'],
      [2, '7000.00'],
    ]);
    await fijarSaldo(H(6), 6000);
    const r = await aplicar(s.coordinador, { ...pedido, firma: vieja.firma });
    expect(r.statusCode).toBe(409);
    expect(r.json().error.codigo).toBe('plan_cambiado');
    expect(await gestorDe(H(5))).toBeNull();
    expect(await bitacora('asignacion.distribuir')).toHaveLength(1);

    const nueva = (await previa(s.coordinador, pedido)).json();
    expect(nueva.firma).not.toBe(vieja.firma);
    const a = await aplicar(s.coordinador, { ...pedido, firma: nueva.firma });
    expect(a.statusCode).toBe(200);
    // 6,000 → Carmen; 5,000 → Luis; 3,000 → Luis (5,000 < 6,000).
    expect([await gestorDe(H(5)), await gestorDe(H(6)), await gestorDe(H(7))]).toEqual([
      u.luis,
      u.carmen,
      u.luis,
    ]);
  });

  it('redistribuir cierra la fila abierta y abre otra; quien ya la llevaba la conserva sin fila nueva', async () => {
    t.reloj.avanzarMinutos(5);
    const pedido = { creditoIds: [H(1), H(2)], gestorIds: [u.gestor], regla: 'cuentas' };
    const vista = (await previa(s.admin, pedido)).json();
    const r = await aplicar(s.admin, { ...pedido, firma: vista.firma });
    expect(r.statusCode).toBe(200);
    const filas = await t.base.db
      .selectFrom('asignaciones')
      .select(['credito_id', 'gestor_id', 'hasta'])
      .where('credito_id', 'in', [H(1), H(2)])
      .orderBy('credito_id')
      .orderBy('id')
      .execute();
    expect(filas).toEqual([
      { credito_id: H(1), gestor_id: u.gestor, hasta: null },
      { credito_id: H(2), gestor_id: u.carmen, hasta: t.reloj.ahora() },
      { credito_id: H(2), gestor_id: u.gestor, hasta: null },
    ]);
    expect((await bitacora('asignacion.distribuir')).at(-1)?.detalle).toMatchObject({
      cuentas: 2,
      cambiadas: 1,
    });
  });

  it('rechaza gestores de otra oficina (422, gestorIds), créditos no asignables (409) o ajenos (403), y una selección ambigua (400)', async () => {
    const otro = await previa(s.coordinador, {
      creditoIds: [H(1)],
      gestorIds: [u.gestor, u['gestor.nogales']],
      regla: 'cuentas',
    });
    expect(otro.statusCode).toBe(422);
    expect(otro.json().error).toMatchObject({ codigo: 'gestor_invalido', campo: 'gestorIds' });
    const liq = await previa(s.coordinador, {
      creditoIds: [H(1), liquidado],
      gestorIds: [u.gestor],
      regla: 'cuentas',
    });
    expect(liq.statusCode).toBe(409);
    expect(liq.json().error.mensaje).toMatch(/Solo se asignan créditos activos/);
    const ajeno = await previa(s.coordinador, {
      creditoIds: [nogales],
      gestorIds: [u.gestor],
      regla: 'cuentas',
    });
    expect(ajeno.statusCode).toBe(403);
    const ambos = await previa(s.coordinador, {
      filtro: {},
      creditoIds: [H(1)],
      gestorIds: [u.gestor],
      regla: 'cuentas',
    });
    expect(ambos.statusCode).toBe(400);
    expect(ambos.json().error.campo).toBe('filtro');
    const repetidos = await previa(s.coordinador, {
      creditoIds: [H(1)],
      gestorIds: [u.gestor, u.gestor],
      regla: 'cuentas',
    });
    expect(repetidos.json().error.campo).toBe('gestorIds');
    const sinOficina = await previa(s.admin, { filtro: {}, gestorIds: [u.gestor], regla: 'saldo' });
    expect(sinOficina.json().error.campo).toBe('oficinaId');
    const sinFirma = await aplicar(s.coordinador, {
      creditoIds: [H(1)],
      gestorIds: [u.gestor],
      regla: 'cuentas',
    });
    expect(sinFirma.statusCode).toBe(400);
    expect(sinFirma.json().error.campo).toBe('firma');
  });
});

describe('suplencias', () => {
  const crear = (sesion: Sesion | undefined, cuerpo: unknown) =>
    t.pedir('POST', '/api/suplencias', { sesion, cuerpo });
  let id: number;

  it('el coordinador crea una suplencia entre gestores de su oficina (201) y queda en la bitácora', async () => {
    const r = await crear(s.coordinador, {
      titularId: u.gestor,
      suplenteId: u.carmen,
      desde: HOY,
      hasta: '2026-03-17',
      motivo: 'Vacaciones',
    });
    expect(r.statusCode).toBe(201);
    id = r.json().id;
    expect(r.json()).toMatchObject({
      titular: { id: u.gestor, nombre: 'Sofía Valenzuela Peña' },
      suplente: { id: u.carmen, nombre: 'Carmen Leyva Soto' },
      desde: HOY,
      hasta: '2026-03-17',
      motivo: 'Vacaciones',
      creadaPor: { id: u.coordinador, nombre: 'Martín Ibarra Núñez' },
      cancelada: null,
      vigente: true,
    });
    expect(await bitacora('suplencia.crear')).toMatchObject([
      { actor_usuario: 'coordinador', objeto_id: String(id), detalle: { titularId: u.gestor } },
    ]);
  });

  it('la cartera del suplente incluye las cuentas del titular mientras está en vigor', async () => {
    const db = t.base.db;
    const aCargo = async (usuarioId: number, hoy: string) =>
      (
        await db
          .selectFrom('creditos as c')
          .select('c.id')
          .where('c.id', 'in', creditosACargo(db, usuarioId, hoy as Fecha))
          .orderBy('c.id')
          .execute()
      ).map((f) => f.id);
    const deSofia = await aCargo(u.gestor as number, HOY);
    expect(deSofia).toEqual([H(1), H(2), H(3)]);
    expect(await aCargo(u.carmen as number, HOY)).toEqual([H(1), H(2), H(3), H(4), H(6)]);
    expect(await aCargo(u.carmen as number, '2026-03-18')).toEqual([H(4), H(6)]);
    expect(await titularesSuplidos(db, u.carmen as number, HOY as Fecha)).toEqual([u.gestor]);
    expect(await titularesSuplidos(db, u.carmen as number, '2026-03-09' as Fecha)).toEqual([]);
  });

  it('otra suplencia del mismo titular que se traslapa es un 409', async () => {
    const r = await crear(s.coordinador, {
      titularId: u.gestor,
      suplenteId: u.luis,
      desde: '2026-03-17',
      hasta: '2026-03-20',
      motivo: 'Incapacidad',
    });
    expect(r.statusCode).toBe(409);
    expect(r.json().error).toMatchObject({
      codigo: 'conflicto',
      mensaje:
        'Sofía Valenzuela Peña ya tiene una suplencia del 10/03/2026 al 17/03/2026: cancélala o elige otras fechas.',
    });
    const despues = await crear(s.coordinador, {
      titularId: u.gestor,
      suplenteId: u.luis,
      desde: '2026-03-18',
      hasta: '2026-03-20',
      motivo: 'Incapacidad',
    });
    expect(despues.statusCode).toBe(201);
  });

  it('titular y suplente: gestores activos de la oficina del coordinador, distintos, con fechas válidas', async () => {
    const base = {
      titularId: u.luis,
      suplenteId: u.carmen,
      desde: '2026-04-01',
      hasta: '2026-04-03',
      motivo: 'Curso',
    };
    const deOtra = await crear(s.coordinador, { ...base, suplenteId: u['gestor.nogales'] });
    expect(deOtra.statusCode).toBe(422);
    expect(deOtra.json().error).toMatchObject({ codigo: 'gestor_invalido', campo: 'suplenteId' });
    const titularAjeno = await crear(s.coordinador, { ...base, titularId: u['gestor.nogales'] });
    expect(titularAjeno.json().error).toMatchObject({
      codigo: 'gestor_invalido',
      campo: 'titularId',
    });
    const mismo = await crear(s.coordinador, { ...base, suplenteId: u.luis });
    expect(mismo.json().error).toMatchObject({ codigo: 'gestor_invalido', campo: 'suplenteId' });
    const alReves = await crear(s.coordinador, { ...base, hasta: '2026-03-31' });
    expect(alReves.statusCode).toBe(400);
    expect(alReves.json().error.campo).toBe('hasta');
    const pasada = await crear(s.coordinador, {
      ...base,
      desde: '2026-03-01',
      hasta: '2026-03-05',
    });
    expect(pasada.json().error.campo).toBe('hasta');
    const irreal = await crear(s.coordinador, { ...base, desde: '2026-02-30' });
    expect(irreal.json().error.campo).toBe('desde');
    // Nogales' coordinador cannot cover Hermosillo's gestores.
    const ajena = await crear(s['coordinador.nogales'], base);
    expect(ajena.json().error).toMatchObject({ codigo: 'gestor_invalido', campo: 'titularId' });
    // Covers do not chain: Carmen covers Sofía on 10–17 March, so she cannot be away then,
    // and Sofía, away, cannot cover anyone.
    const cubre = await crear(s.coordinador, {
      ...base,
      titularId: u.carmen,
      suplenteId: u.luis,
      desde: '2026-03-12',
      hasta: '2026-03-13',
    });
    expect(cubre.statusCode).toBe(409);
    expect(cubre.json().error).toMatchObject({
      campo: 'titularId',
      mensaje:
        'Carmen Leyva Soto cubre a Sofía Valenzuela Peña del 10/03/2026 al 17/03/2026: ajusta primero esa suplencia.',
    });
    const ausente = await crear(s.coordinador, {
      ...base,
      suplenteId: u.gestor,
      desde: '2026-03-12',
      hasta: '2026-03-13',
    });
    expect(ausente.statusCode).toBe(409);
    expect(ausente.json().error.campo).toBe('suplenteId');
  });

  it('la lista de vigentes; cancelar (200) la saca de la cartera del suplente; cancelar dos veces es un 409', async () => {
    const vigentes = await t.pedir('GET', '/api/suplencias?vigentes=true', { sesion: s.gestor });
    expect(vigentes.statusCode).toBe(200);
    expect(vigentes.json().suplencias.map((x: { id: number }) => x.id)).toEqual([id]);
    const todas = (await t.pedir('GET', '/api/suplencias', { sesion: s.coordinador })).json();
    expect(todas.suplencias).toHaveLength(2);
    const deNogales = (
      await t.pedir('GET', '/api/suplencias', { sesion: s['coordinador.nogales'] })
    ).json();
    expect(deNogales.suplencias).toEqual([]);

    const ajena = await t.pedir('POST', `/api/suplencias/${id}/cancelacion`, {
      sesion: s['coordinador.nogales'],
      cuerpo: {},
    });
    expect(ajena.statusCode).toBe(403);
    t.reloj.avanzarMinutos(5);
    const r = await t.pedir('POST', `/api/suplencias/${id}/cancelacion`, {
      sesion: s.coordinador,
      cuerpo: { motivo: 'Regresó antes' },
    });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({
      id,
      cancelada: t.reloj.ahora().toISOString(),
      vigente: false,
    });
    expect(await titularesSuplidos(t.base.db, u.carmen as number, HOY as Fecha)).toEqual([]);
    const otraVez = await t.pedir('POST', `/api/suplencias/${id}/cancelacion`, {
      sesion: s.coordinador,
      cuerpo: {},
    });
    expect(otraVez.statusCode).toBe(409);
    expect(
      (await t.pedir('GET', '/api/suplencias?vigentes=true', { sesion: s.gestor })).json()
        .suplencias,
    ).toEqual([]);
    expect(await bitacora('suplencia.cancelar')).toMatchObject([
      { actor_usuario: 'coordinador', objeto_id: String(id), detalle: { motivo: 'Regresó antes' } },
    ]);
    // Once cancelled, the same days can be covered again.
    const denuevo = await t.pedir('POST', '/api/suplencias', {
      sesion: s.coordinador,
      cuerpo: {
        titularId: u.gestor,
        suplenteId: u.luis,
        desde: HOY,
        hasta: '2026-03-11',
        motivo: 'Curso',
      },
    });
    expect(denuevo.statusCode).toBe(201);
  });
});

describe('escala', () => {
  it('distribuye 30,000 cuentas por saldo entre tres gestores en mucho menos de 10 s, y las redistribuye', async () => {
    const db = t.base.db;
    await usuario('obregon.dos', 'Abril Soto Valenzuela', 'gestor', 'OBR');
    await usuario('obregon.tres', 'Bruno Félix Acosta', 'gestor', 'OBR');
    const { version_producto_id } = await db
      .selectFrom('creditos')
      .select('version_producto_id')
      .where('id', '=', H(1))
      .executeTakeFirstOrThrow();
    await sql`
      INSERT INTO creditos (numero, version_producto_id, oficina_id, fecha_inicio_interes)
      SELECT 'MASIVO-' || g, ${version_producto_id}::int, ${oficina.OBR}::int, '2024-01-01'
      FROM generate_series(1, 30000) g
    `.execute(db);
    await sql`
      INSERT INTO antiguedad_saldos (credito_id, fecha, situacion, dias_atraso, bucket,
        capital_insoluto_centavos, saldo_exigible_centavos, saldo_para_liquidar_centavos,
        interes_moratorio_centavos, calculado)
      SELECT id, ${HOY}::date, 'vencido', 40, '31-60', 0, (id * 7919) % 5000000, 0, 0, now()
      FROM creditos WHERE oficina_id = ${oficina.OBR}::int
    `.execute(db);
    const gestorIds = [u['gestor.obregon'], u['obregon.dos'], u['obregon.tres']];
    const distribuir = async (orden: unknown[]) => {
      const pedido = { filtro: { oficinaId: oficina.OBR }, gestorIds: orden, regla: 'saldo' };
      const inicio = performance.now();
      const vista = await t.pedir('POST', '/api/asignacion/vista-previa', {
        sesion: s.admin,
        cuerpo: pedido,
      });
      expect(vista.statusCode).toBe(200);
      const r = await t.pedir('POST', '/api/asignacion/distribucion', {
        sesion: s.admin,
        cuerpo: { ...pedido, firma: vista.json().firma },
      });
      const ms = performance.now() - inicio;
      expect(r.statusCode).toBe(200);
      expect(r.json().asignadas).toBe(30_000);
      return { ms, porGestor: r.json().porGestor };
    };
    const primera = await distribuir(gestorIds);
    expect(primera.ms).toBeLessThan(10_000);
    const cuentasPorGestor = primera.porGestor.map((g: { cuentas: number }) => g.cuentas);
    expect(cuentasPorGestor.reduce((a: number, b: number) => a + b, 0)).toBe(30_000);
    t.reloj.avanzarMinutos(5);
    const segunda = await distribuir([...gestorIds].reverse());
    expect(segunda.ms).toBeLessThan(10_000);
    const { abiertas, cerradas } = await db
      .selectFrom('asignaciones as a')
      .innerJoin('creditos as c', 'c.id', 'a.credito_id')
      .select((eb) => [
        eb.fn.count<number>('a.id').filterWhere('a.hasta', 'is', null).as('abiertas'),
        eb.fn.count<number>('a.id').filterWhere('a.hasta', 'is not', null).as('cerradas'),
      ])
      .where('c.oficina_id', '=', oficina.OBR)
      .executeTakeFirstOrThrow();
    expect(abiertas).toBe(30_000);
    expect(cerradas).toBeGreaterThan(0);
    const desacuerdo = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM creditos c
      JOIN asignaciones a ON a.credito_id = c.id AND a.hasta IS NULL
      WHERE c.oficina_id = ${oficina.OBR}::int AND a.gestor_id IS DISTINCT FROM c.gestor_id
    `.execute(db);
    expect(desacuerdo.rows[0]?.n).toBe(0);
    console.info(
      `30,000 cuentas: ${Math.round(primera.ms)} ms la primera vez, ${Math.round(segunda.ms)} ms al redistribuir`,
    );
  });
});
