import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProximaAccion } from '../../src/db/esquema.ts';
import { CONTRASENA_DEMO } from '../../src/modules/demo/cargar-demo.ts';
import { crearUsuario } from '../../src/modules/usuarios/crear-usuario.ts';
import { type AppDePrueba, crearAppDePrueba, type Sesion } from '../soporte/app-de-prueba.ts';
import { casoPublicado, guardarCaso } from '../soporte/fabricas.ts';

let t: AppDePrueba;
const s: Record<string, Sesion> = {};
const id: Record<string, number> = {};
const c: Record<string, { id: number; numero: string }> = {};
const ACREDITADO = 'José Ángel Núñez Ibáñez';

async function credito(gestor: string, oficina: 'HMO' | 'NOG' = 'HMO') {
  const r = await guardarCaso(t.base.db, casoPublicado('01-pago-parcial-con-atraso.json'), {
    oficina,
  });
  await t.base.db
    .updateTable('creditos')
    .set({ gestor_id: id[gestor] ?? 0 })
    .where('id', '=', r.id)
    .execute();
  return r;
}

async function gestion(
  creditoId: number,
  inicio: string,
  proxima: { tipo: ProximaAccion; fecha: string } | null = null,
): Promise<number> {
  const resultado = await t.base.db
    .selectFrom('resultados_gestion')
    .select('id')
    .where('clave', '=', 'contacto_efectivo')
    .executeTakeFirstOrThrow();
  const g = await t.base.db
    .insertInto('gestiones')
    .values({
      credito_id: creditoId,
      canal: 'llamada_saliente',
      resultado_id: resultado.id,
      inicio,
      registrado_por: id.gestor ?? 0,
      registrado: inicio,
      proxima_accion: proxima?.tipo ?? null,
      proxima_accion_fecha: proxima?.fecha ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return g.id;
}

async function promesa(creditoId: number, fecha: string, estado: 'pendiente' | 'cumplida') {
  await t.base.db
    .insertInto('promesas_pago')
    .values({
      credito_id: creditoId,
      gestion_id: await gestion(creditoId, '2026-03-02T17:00:00Z'),
      monto_centavos: 150_000,
      fecha,
      tolerancia_dias: 0,
      hecha_el: '2026-03-02',
      estado,
      resuelta_el: estado === 'pendiente' ? null : '2026-03-09',
    })
    .execute();
}

async function convenio(creditoId: number, estado: 'firmado' | 'propuesto', fechas: string[]) {
  const version = await t.base.db
    .selectFrom('versiones_alternativa')
    .select('id')
    .orderBy('id')
    .executeTakeFirstOrThrow();
  const cv = await t.base.db
    .insertInto('convenios')
    .values({
      estado,
      version_alternativa_id: version.id,
      version_campana_id: null,
      tipo: 'convenio_de_pagos',
      nombre: 'Convenio de pagos',
      fecha_simulacion: '2026-02-15',
      primer_pago: fechas[0] ?? '2026-03-15',
      plazo: fechas.length,
      liquida: false,
      descuento_moratorio_centavos: 0,
      descuento_interes_centavos: 0,
      total_centavos: 80_000 * fechas.length,
      liquidar_hoy_centavos: 80_000 * fechas.length,
      condiciones: 'Pagos mensuales',
      oferta: JSON.stringify({}),
      tolerancia_dias: 3,
      propuesto_por: id.gestor ?? 0,
      propuesto_el: '2026-02-15T17:00:00Z',
      requiere_rol: null,
      motivos_autorizacion: [],
      autorizado_por: null,
      autorizado_el: null,
      fecha_firma: estado === 'firmado' ? '2026-02-16' : null,
      cerrado_el: null,
      motivo_cancelacion: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await t.base.db
    .insertInto('convenio_promesas')
    .values(
      fechas.map((fecha, i) => ({
        convenio_id: cv.id,
        credito_id: creditoId,
        numero: i + 1,
        fecha,
        monto_centavos: 80_000,
      })),
    )
    .execute();
}

async function recado(
  creditoId: number | null,
  para: string,
  volverALlamar: string,
  estado: 'nuevo' | 'atendido' = 'nuevo',
) {
  const oficina = await t.base.db
    .selectFrom('usuarios')
    .select('oficina_id')
    .where('id', '=', id[para] ?? 0)
    .executeTakeFirstOrThrow();
  const gestionId =
    estado === 'atendido' ? await gestion(creditoId ?? 0, '2026-03-04T17:00:00Z') : null;
  await t.base.db
    .insertInto('recados')
    .values({
      oficina_id: oficina.oficina_id ?? 0,
      credito_id: creditoId,
      llamante_nombre: 'Rosa Elvia Moreno',
      para_id: id[para] ?? 0,
      mensaje: 'Pide que le llamen para hablar del convenio.',
      volver_a_llamar: volverALlamar,
      creado: '2026-03-09T17:00:00Z',
      creado_por: id.coordinador ?? 0,
      estado,
      atendido: estado === 'atendido' ? '2026-03-09T18:00:00Z' : null,
      gestion_id: gestionId,
    })
    .execute();
}

beforeAll(async () => {
  t = await crearAppDePrueba();
  const hmo = await t.base.db
    .selectFrom('oficinas')
    .select('id')
    .where('clave', '=', 'HMO')
    .executeTakeFirstOrThrow();
  await t.base.db.transaction().execute((trx) =>
    crearUsuario(
      trx,
      {
        usuario: 'titular',
        nombre: 'Karla Duarte Moreno',
        rol: 'gestor',
        oficinaId: hmo.id,
        contrasena: CONTRASENA_DEMO,
      },
      { reloj: t.reloj, ip: null, actor: null },
    ),
  );
  for (const u of await t.base.db.selectFrom('usuarios').select(['id', 'usuario']).execute())
    id[u.usuario] = u.id;

  // Today is Tuesday 2026-03-10; the default agenda runs to Monday 2026-03-16.
  c.a = await credito('gestor');
  await gestion(c.a.id, '2026-03-05T17:00:00Z', { tipo: 'llamar', fecha: '2026-03-11' });
  await gestion(c.a.id, '2026-03-09T17:00:00Z', { tipo: 'visitar', fecha: '2026-03-12' });
  await recado(c.a.id, 'gestor', '2026-03-11T17:30:00-07:00');
  await recado(c.a.id, 'gestor', '2026-03-12T10:00:00-07:00', 'atendido');
  c.b = await credito('gestor');
  await gestion(c.b.id, '2026-03-09T18:00:00Z', { tipo: 'cita', fecha: '2026-03-10' });
  c.c = await credito('gestor');
  await gestion(c.c.id, '2026-03-09T19:00:00Z', { tipo: 'revisar', fecha: '2026-03-14' });
  // 23:30 in Hermosillo is already the 17th in UTC: the agenda's day is the local one.
  await recado(c.c.id, 'gestor', '2026-03-16T23:30:00-07:00');
  await recado(null, 'gestor', '2026-03-17T08:00:00-07:00');
  c.d = await credito('gestor');
  await promesa(c.d.id, '2026-03-13', 'pendiente');
  await promesa(c.d.id, '2026-03-11', 'cumplida');
  await gestion(c.d.id, '2026-03-09T20:00:00Z', { tipo: 'esperar_pago', fecha: '2026-03-20' });
  c.e = await credito('gestor');
  await convenio(c.e.id, 'firmado', ['2026-03-15', '2026-04-15']);
  await convenio(c.e.id, 'propuesto', ['2026-03-12']);
  c.f = await credito('titular');
  await gestion(c.f.id, '2026-03-09T17:00:00Z', { tipo: 'llamar', fecha: '2026-03-11' });
  c.g = await credito('gestor.nogales', 'NOG');
  await gestion(c.g.id, '2026-03-09T17:00:00Z', { tipo: 'llamar', fecha: '2026-03-11' });
  await t.base.db
    .insertInto('suplencias')
    .values({
      titular_id: id.titular ?? 0,
      suplente_id: id.gestor ?? 0,
      desde: '2026-03-09',
      hasta: '2026-03-12',
      motivo: 'Incapacidad',
    })
    .execute();
  for (const u of ['gestor', 'coordinador', 'titular', 'gestor.nogales', 'admin'])
    s[u] = await t.entrar(u);
});
afterAll(() => t.cerrar());

const agenda = (quien: string, consulta = '') =>
  t.pedir('GET', `/api/agenda${consulta}`, { sesion: s[quien] });
const cuenta = (k: string) => ({
  creditoId: c[k]?.id,
  numero: c[k]?.numero,
  acreditado: ACREDITADO,
});

describe('GET /api/agenda', () => {
  it('la semana del gestor: próxima acción de la última gestión, promesas, pagos de convenio y llamadas por devolver, de sus cuentas y de quien suple', async () => {
    const r = await agenda('gestor');
    expect(r.statusCode).toBe(200);
    expect(r.json()).toEqual({
      gestor: { id: id.gestor, nombre: 'Sofía Valenzuela Peña' },
      desde: '2026-03-10',
      hasta: '2026-03-16',
      eventos: [
        { tipo: 'cita', fecha: '2026-03-10', ...cuenta('b'), descripcion: 'Cita en la oficina' },
        { tipo: 'llamada', fecha: '2026-03-11', ...cuenta('f'), descripcion: 'Llamar' },
        {
          tipo: 'recado',
          fecha: '2026-03-11',
          hora: '17:30',
          ...cuenta('a'),
          descripcion:
            'Devolver la llamada a Rosa Elvia Moreno: Pide que le llamen para hablar del convenio.',
          recadoId: expect.any(Number),
        },
        { tipo: 'visita', fecha: '2026-03-12', ...cuenta('a'), descripcion: 'Visita domiciliaria' },
        {
          tipo: 'promesa',
          fecha: '2026-03-13',
          ...cuenta('d'),
          descripcion: 'Promesa de pago por $1,500.00',
        },
        { tipo: 'llamada', fecha: '2026-03-14', ...cuenta('c'), descripcion: 'Revisar la cuenta' },
        {
          tipo: 'pago_convenio',
          fecha: '2026-03-15',
          ...cuenta('e'),
          descripcion: 'Pago 1 del convenio «Convenio de pagos» por $800.00',
        },
        {
          tipo: 'recado',
          fecha: '2026-03-16',
          hora: '23:30',
          ...cuenta('c'),
          descripcion:
            'Devolver la llamada a Rosa Elvia Moreno: Pide que le llamen para hablar del convenio.',
          recadoId: expect.any(Number),
        },
      ],
    });
    const bitacora = await t.base.db
      .selectFrom('bitacora')
      .select(['actor_usuario', 'detalle'])
      .where('accion', '=', 'agenda.consultar')
      .execute();
    expect(bitacora).toEqual([
      {
        actor_usuario: 'gestor',
        detalle: { gestorId: id.gestor, desde: '2026-03-10', hasta: '2026-03-16', eventos: 8 },
      },
    ]);
  });

  it('un rango a elección, de hasta 31 días; un recado sin crédito aparece sin cuenta', async () => {
    const r = await agenda('gestor', '?desde=2026-03-17&hasta=2026-04-16');
    expect(r.statusCode).toBe(200);
    expect(r.json().eventos).toEqual([
      {
        tipo: 'recado',
        fecha: '2026-03-17',
        hora: '08:00',
        creditoId: null,
        numero: null,
        acreditado: null,
        descripcion:
          'Devolver la llamada a Rosa Elvia Moreno: Pide que le llamen para hablar del convenio.',
        recadoId: expect.any(Number),
      },
      {
        tipo: 'llamada',
        fecha: '2026-03-20',
        ...cuenta('d'),
        descripcion: 'Verificar el pago esperado',
      },
      {
        tipo: 'pago_convenio',
        fecha: '2026-04-15',
        ...cuenta('e'),
        descripcion: 'Pago 2 del convenio «Convenio de pagos» por $800.00',
      },
    ]);
    const largo = await agenda('gestor', '?desde=2026-03-17&hasta=2026-04-17');
    expect(largo.statusCode).toBe(400);
    expect(largo.json().error).toMatchObject({
      campo: 'hasta',
      mensaje: 'La agenda abarca a lo más 31 días.',
    });
    const alReves = await agenda('gestor', '?desde=2026-03-17&hasta=2026-03-16');
    expect(alReves.statusCode).toBe(400);
    expect(alReves.json().error.campo).toBe('hasta');
    expect((await agenda('gestor', '?desde=2026-02-30')).json().error.campo).toBe('desde');
  });

  it('el coordinador consulta la de un gestor de su oficina; un gestor solo la suya', async () => {
    const delTitular = await agenda('coordinador', `?gestorId=${id.titular}`);
    expect(delTitular.statusCode).toBe(200);
    expect(delTitular.json().gestor).toEqual({ id: id.titular, nombre: 'Karla Duarte Moreno' });
    expect(delTitular.json().eventos).toEqual([
      { tipo: 'llamada', fecha: '2026-03-11', ...cuenta('f'), descripcion: 'Llamar' },
    ]);
    expect((await agenda('titular', `?gestorId=${id.gestor}`)).statusCode).toBe(403);
    expect((await agenda('coordinador', `?gestorId=${id['gestor.nogales']}`)).statusCode).toBe(403);
    expect((await agenda('coordinador', `?gestorId=${id.admin}`)).statusCode).toBe(400);
    expect((await agenda('admin')).statusCode).toBe(403);
    // Nogales' own agenda has only its account.
    const nogales = (await agenda('gestor.nogales')).json();
    expect(nogales.eventos.map((e: { creditoId: number }) => e.creditoId)).toEqual([c.g?.id]);
  });
});

describe('GET /api/indicadores/cobertura', () => {
  it('cada quien ve su alcance; el mes debe ser AAAA-MM', async () => {
    await t.base.db
      .insertInto('asignaciones')
      .values([
        { credito_id: c.a?.id ?? 0, gestor_id: id.gestor ?? 0, desde: '2026-02-01T07:00:00Z' },
        { credito_id: c.f?.id ?? 0, gestor_id: id.titular ?? 0, desde: '2026-02-01T07:00:00Z' },
        {
          credito_id: c.g?.id ?? 0,
          gestor_id: id['gestor.nogales'] ?? 0,
          desde: '2026-02-01T07:00:00Z',
        },
      ])
      .execute();
    const cobertura = async (quien: string) => {
      const r = await t.pedir('GET', '/api/indicadores/cobertura?mes=2026-03', {
        sesion: s[quien],
      });
      expect(r.statusCode).toBe(200);
      return r.json() as {
        mes: string;
        oficinas: Array<{
          oficina: { nombre: string };
          asignadas: number;
          gestores: Array<{ gestor: { id: number }; asignadas: number; gestionadas: number }>;
        }>;
      };
    };
    const delGestor = await cobertura('gestor');
    expect(delGestor.mes).toBe('2026-03');
    expect(delGestor.oficinas).toHaveLength(1);
    expect(delGestor.oficinas[0]?.asignadas).toBe(1);
    expect(delGestor.oficinas[0]?.gestores.map((g) => g.gestor.id)).toEqual([id.gestor]);
    const delCoordinador = await cobertura('coordinador');
    expect(delCoordinador.oficinas).toHaveLength(1);
    expect(delCoordinador.oficinas[0]?.asignadas).toBe(2);
    // Every active gestor of the office is listed, those with nothing assigned at zero.
    expect(
      Object.fromEntries(
        (delCoordinador.oficinas[0]?.gestores ?? []).map((g) => [g.gestor.id, g.asignadas]),
      ),
    ).toEqual({
      [id.gestor ?? 0]: 1,
      [id.titular ?? 0]: 1,
      [id['gestor.ruiz'] ?? 0]: 0,
      [id['gestor.leyva'] ?? 0]: 0,
    });
    const deTodas = await cobertura('admin');
    expect(deTodas.oficinas.map((o) => o.asignadas).reduce((a, b) => a + b, 0)).toBe(3);
    const mal = await t.pedir('GET', '/api/indicadores/cobertura?mes=2026-13', {
      sesion: s.gestor,
    });
    expect(mal.statusCode).toBe(400);
    expect(mal.json().error.campo).toBe('mes');
    // Without a month: the current one.
    expect(
      (await t.pedir('GET', '/api/indicadores/cobertura', { sesion: s.gestor })).json().mes,
    ).toBe('2026-03');
  });
});
