import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Bucket } from '../../src/domain/antiguedad.ts';
import type { Fecha } from '../../src/domain/fecha.ts';
import type { Mes } from '../../src/domain/metas/mes.ts';
import { calcularAntiguedad } from '../../src/modules/cartera/calcular-antiguedad.ts';
import { cargarDemo } from '../../src/modules/demo/cargar-demo.ts';
import {
  type ConsultaIndicadores,
  consultarIndicadores,
} from '../../src/modules/indicadores/consultar-indicadores.ts';
import { materializarMes } from '../../src/modules/indicadores/materializar-hechos.ts';
import type { FilaIndicadores, Indicadores } from '../../src/modules/indicadores/tipos.ts';
import type { Actor } from '../../src/modules/seguridad/actor.ts';
import { RelojManual } from '../../src/plataforma/reloj-sistema.ts';
import { type BaseDePrueba, crearBaseDePrueba } from '../soporte/base-de-prueba.ts';
import { casoPublicado, guardarCaso } from '../soporte/fabricas.ts';

/**
 * The indicators on a fixture computed by hand (docs/metas-e-indicadores.md, «Indicadores»).
 * Hermosillo is UTC−7. Gestores: G = `gestor` (Sofía), R = `gestor.ruiz`. All credits in HMO.
 *
 *  credit  holder                                    agings (bucket, saldo para liquidar)
 *                                                    Feb 28          Mar 20          Mar 31
 *  a       G until 03-15T19:00Z (noon), then R       31-60 10,000    31-60 9,000     31-60 8,000
 *  b       G                                         31-60  5,000    31-60 5,100     61-90 5,200  (roll)
 *  c       R                                         1-30   2,000    1-30  2,000     al_corr 1,000 (cure)
 *  d       nobody                                    91-180 3,000    91-180 3,050    91-180 3,100
 *  e       G                                         1-30   1,500    liquidado       liquidado
 *
 *  payments: P1 a 03-10 1,000 caja (G, 31-60)      P2 a 03-20 500 banco (R: held at the close)
 *            P3 a 03-15 300 + part 200 banco (R: reassigned at noon; 31-60)
 *            P4 b 03-25 700 nómina (G, bucket of the Mar 20 aging 31-60), cancelled 04-05
 *            P5 d 03-12 250 caja (Sin asignar, 91-180)   P6 e 03-18 1,500 caja (G, 1-30)
 *            P7 c 03-05 400 reestructura (no money: nowhere)   P8 c 02-27 100 banco (February)
 *  March as of 31: G 1,000 + 700 + 1,500 = 3,200; R 500 + 500 = 1,000; Sin asignar 250;
 *                  HMO 4,450 (31-60 2,700; 1-30 1,500; 91-180 250 | caja 2,750, banco 1,000, nómina 700)
 *  March as of 20: G 2,500; R 1,000; Sin asignar 250; HMO 3,750.
 *  April as of 10: G −700 (31-60, nómina), one cancellation.
 *
 *  promises: PR1 b made 03-05 (G) kept 03-26 (G); PR2 a made 03-08 (G) broken 03-22 (R);
 *            as of Mar 20 both pending: PR1 G's, PR2 R's (the holder at the cut-off).
 *  convenio: CV1 c signed 03-12 (R), discount 150 + 50 = 200, current at the cut-off.
 *  gestiones: PR1's and PR2's (promesa_de_pago: effective contact), c 03-03 no_contesta (R).
 *  coverage March: G asignadas a b e = 3, gestionadas a b = 2, contacto 2 → 66.7 / 66.7;
 *                  R asignadas a c = 2, gestionadas c = 1, contacto 0 → 50.0 / 0.0;
 *                  HMO asignadas a b c e = 4, gestionadas 3, contacto 2 → 75.0 / 50.0.
 *  walk-ins (HMO): Mar 10 G attended (waits 10 min, 20 min attention), Mar 10 abandoned,
 *                  Mar 18 R attended (5 min, 15 min): 3 / 2 / 1, 7.5 and 17.5 min.
 *  transitions Feb 28 → Mar 31 (holder on Feb 28): a G 31-60→31-60, b G 31-60→61-90,
 *                  c R 1-30→al_corriente, d nobody 91-180→91-180, e G 1-30→liquidado.
 *  prescription (pagaré + 3 years): d 2026-05-15 (45 days after Mar 31), b 2026-08-20 (142).
 *  goals of G: v1 (03-01) recuperación 4,000 w50, contactos 4 w50; v2 (03-25) recuperación 3,200.
 *    as of Mar 31 (v2): 3,200/3,200 = 100.0, 2/4 = 50.0, index (50·1 + 50·0.5)/100 = 75.0
 *    as of Mar 20 (v1): 2,500/4,000 = 62.5, 2/4 = 50.0, index 56.25 → 56.3
 */
let base: BaseDePrueba;
const reloj = new RelojManual('2026-04-01T18:00:00Z');
const u: Record<string, Actor> = {};
const c: Record<string, number> = {};
const uid = (usuario: string) => u[usuario]?.id ?? 0;

async function aging(credito: string, fecha: string, bucket: Bucket | 'liquidado', pesos: number) {
  const saldo = pesos * 100;
  await base.db
    .insertInto('antiguedad_saldos')
    .values({
      credito_id: c[credito] ?? 0,
      fecha,
      situacion:
        bucket === 'liquidado'
          ? 'liquidado'
          : bucket === 'al_corriente'
            ? 'al_corriente'
            : 'vencido',
      dias_atraso: 0,
      bucket: bucket === 'liquidado' ? 'al_corriente' : bucket,
      capital_insoluto_centavos: saldo,
      saldo_exigible_centavos: saldo,
      saldo_para_liquidar_centavos: saldo,
      interes_moratorio_centavos: 0,
      calculado: `${fecha}T12:00:00Z`,
    })
    .execute();
}

async function pago(
  credito: string,
  fecha: string,
  pesos: number,
  canal: 'banco' | 'caja' | 'nomina' | 'reestructura',
  parteDe: number | null = null,
): Promise<number> {
  const m = await base.db
    .insertInto('movimientos')
    .values({
      credito_id: c[credito] ?? 0,
      tipo: 'pago',
      fecha,
      monto_centavos: pesos * 100,
      excedente: 'reducir_plazo',
      concepto: null,
      cancela_id: null,
      canal,
      referencia: null,
      motivo: null,
      clave_externa: null,
      parte_de: parteDe,
      registrado_por: uid('admin'),
      registrado: `${fecha}T18:00:00Z`,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return m.id;
}

async function cancelar(credito: string, movimiento: number, fecha: string) {
  await base.db
    .insertInto('movimientos')
    .values({
      credito_id: c[credito] ?? 0,
      tipo: 'cancelacion',
      fecha,
      monto_centavos: null,
      excedente: null,
      concepto: null,
      cancela_id: movimiento,
      canal: null,
      referencia: null,
      motivo: 'Cheque devuelto',
      clave_externa: null,
      registrado_por: uid('admin'),
      registrado: `${fecha}T18:00:00Z`,
    })
    .execute();
}

async function asignar(credito: string, gestor: string, desde: string, hasta: string | null) {
  await base.db
    .insertInto('asignaciones')
    .values({ credito_id: c[credito] ?? 0, gestor_id: uid(gestor), desde, hasta })
    .execute();
}

async function gestion(credito: string, inicio: string, resultado: string): Promise<number> {
  const r = await base.db
    .selectFrom('resultados_gestion')
    .select('id')
    .where('clave', '=', resultado)
    .executeTakeFirstOrThrow();
  const g = await base.db
    .insertInto('gestiones')
    .values({
      credito_id: c[credito] ?? 0,
      canal: 'llamada_saliente',
      resultado_id: r.id,
      inicio,
      registrado_por: uid('gestor'),
      registrado: inicio,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return g.id;
}

async function promesa(
  credito: string,
  inicio: string,
  estado: 'cumplida' | 'incumplida',
  resuelta: string,
) {
  await base.db
    .insertInto('promesas_pago')
    .values({
      credito_id: c[credito] ?? 0,
      gestion_id: await gestion(credito, inicio, 'promesa_de_pago'),
      monto_centavos: 50_000,
      fecha: '2026-03-20',
      tolerancia_dias: 0,
      hecha_el: inicio.slice(0, 10),
      estado,
      resuelta_el: resuelta,
    })
    .execute();
}

async function turno(
  numero: number,
  fecha: string,
  estado: 'atendido' | 'abandonado',
  gestor: string | null,
  llegada: string,
  inicio: string | null,
  fin: string | null,
) {
  await base.db
    .insertInto('turnos')
    .values({
      oficina_id: u.gestor?.oficinaId ?? 0,
      fecha,
      numero,
      nombre: 'Visitante',
      motivo: 'informes',
      estado,
      llegada,
      inicio_atencion: inicio,
      fin_atencion: fin,
      gestor_id: gestor === null ? null : uid(gestor),
      resultado: estado === 'atendido' ? 'Informado' : null,
      registrado_por: uid('coordinador'),
    })
    .execute();
}

async function meta(version: number, recuperacionPesos: number, registrada: string) {
  await base.db
    .insertInto('metas')
    .values({
      mes: '2026-03-01',
      oficina_id: u.gestor?.oficinaId ?? 0,
      gestor_id: uid('gestor'),
      version,
      recuperacion_centavos: recuperacionPesos * 100,
      recuperacion_peso: '50',
      contactos_efectivos: 4,
      contactos_efectivos_peso: '50',
      convenios: null,
      convenios_peso: null,
      turnos_atendidos: null,
      turnos_atendidos_peso: null,
      motivo: null,
      registrada_por: uid('coordinador'),
      registrada,
    })
    .execute();
}

let p4 = 0;

beforeAll(async () => {
  base = await crearBaseDePrueba();
  await base.db.transaction().execute((trx) => cargarDemo(trx, { reloj, ip: null }));
  for (const f of await base.db
    .selectFrom('usuarios')
    .select(['id', 'usuario', 'nombre', 'rol', 'oficina_id', 'despacho_id'])
    .execute()) {
    u[f.usuario] = {
      id: f.id,
      usuario: f.usuario,
      nombre: f.nombre,
      rol: f.rol,
      oficinaId: f.oficina_id,
      despachoId: f.despacho_id,
    };
  }
  const caso = { ...casoPublicado('01-pago-parcial-con-atraso.json'), movimientos: [] };
  for (const k of ['a', 'b', 'c', 'd', 'e']) {
    c[k] = (await guardarCaso(base.db, caso, { oficina: 'HMO' })).id;
    const pagare = k === 'd' ? '2023-05-15' : k === 'b' ? '2023-08-20' : '2025-01-01';
    await base.db
      .updateTable('ministraciones')
      .set({ pagare_vencimiento: pagare })
      .where('credito_id', '=', c[k] ?? 0)
      .execute();
  }
  await asignar('a', 'gestor', '2026-01-01T17:00:00Z', '2026-03-15T19:00:00Z');
  await asignar('a', 'gestor.ruiz', '2026-03-15T19:00:00Z', null);
  await asignar('b', 'gestor', '2026-01-01T17:00:00Z', null);
  await asignar('c', 'gestor.ruiz', '2026-01-01T17:00:00Z', null);
  await asignar('e', 'gestor', '2026-01-01T17:00:00Z', null);

  const agings: Array<
    [
      string,
      Bucket | 'liquidado',
      number,
      Bucket | 'liquidado',
      number,
      Bucket | 'liquidado',
      number,
    ]
  > = [
    ['a', '31-60', 10_000, '31-60', 9_000, '31-60', 8_000],
    ['b', '31-60', 5_000, '31-60', 5_100, '61-90', 5_200],
    ['c', '1-30', 2_000, '1-30', 2_000, 'al_corriente', 1_000],
    ['d', '91-180', 3_000, '91-180', 3_050, '91-180', 3_100],
    ['e', '1-30', 1_500, 'liquidado', 0, 'liquidado', 0],
  ];
  for (const [k, b1, s1, b2, s2, b3, s3] of agings) {
    await aging(k, '2026-02-28', b1, s1);
    await aging(k, '2026-03-20', b2, s2);
    await aging(k, '2026-03-31', b3, s3);
  }

  await pago('a', '2026-03-10', 1_000, 'caja');
  await pago('a', '2026-03-20', 500, 'banco');
  const p3 = await pago('a', '2026-03-15', 300, 'banco');
  await pago('a', '2026-03-15', 200, 'banco', p3);
  p4 = await pago('b', '2026-03-25', 700, 'nomina');
  await pago('d', '2026-03-12', 250, 'caja');
  await pago('e', '2026-03-18', 1_500, 'caja');
  await pago('c', '2026-03-05', 400, 'reestructura');
  await pago('c', '2026-02-27', 100, 'banco');

  await promesa('b', '2026-03-05T17:00:00Z', 'cumplida', '2026-03-26');
  await promesa('a', '2026-03-08T17:00:00Z', 'incumplida', '2026-03-22');
  await gestion('c', '2026-03-03T17:00:00Z', 'no_contesta');

  const version = await base.db
    .selectFrom('versiones_alternativa')
    .select('id')
    .orderBy('id')
    .executeTakeFirstOrThrow();
  const cv = await base.db
    .insertInto('convenios')
    .values({
      estado: 'firmado',
      version_alternativa_id: version.id,
      version_campana_id: null,
      tipo: 'convenio_de_pagos',
      nombre: 'Convenio de pagos',
      fecha_simulacion: '2026-03-10',
      primer_pago: '2026-04-15',
      plazo: 3,
      liquida: false,
      descuento_moratorio_centavos: 15_000,
      descuento_interes_centavos: 5_000,
      total_centavos: 150_000,
      liquidar_hoy_centavos: 150_000,
      condiciones: 'Pagos mensuales',
      oferta: JSON.stringify({}),
      tolerancia_dias: 3,
      propuesto_por: uid('gestor.ruiz'),
      propuesto_el: '2026-03-10T17:00:00Z',
      requiere_rol: null,
      motivos_autorizacion: [],
      autorizado_por: null,
      autorizado_el: null,
      fecha_firma: '2026-03-12',
      cerrado_el: null,
      motivo_cancelacion: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await base.db
    .insertInto('convenio_creditos')
    .values({ convenio_id: cv.id, credito_id: c.c ?? 0 })
    .execute();

  await turno(
    1,
    '2026-03-10',
    'atendido',
    'gestor',
    '2026-03-10T17:00:00Z',
    '2026-03-10T17:10:00Z',
    '2026-03-10T17:30:00Z',
  );
  await turno(2, '2026-03-10', 'abandonado', null, '2026-03-10T17:05:00Z', null, null);
  await turno(
    1,
    '2026-03-18',
    'atendido',
    'gestor.ruiz',
    '2026-03-18T18:00:00Z',
    '2026-03-18T18:05:00Z',
    '2026-03-18T18:20:00Z',
  );

  await meta(1, 4_000, '2026-03-01T17:00:00Z');
  await meta(2, 3_200, '2026-03-25T17:00:00Z');
});
afterAll(() => base.cerrar());

function consultar(
  quien: string,
  consulta: Omit<ConsultaIndicadores, 'mes'> & { mes?: string },
): Promise<Indicadores> {
  const actor = u[quien];
  if (!actor) throw new Error(`sin usuario ${quien}`);
  return base.db
    .transaction()
    .execute((trx) =>
      consultarIndicadores(trx, { mes: '2026-03', ...consulta }, { reloj, ip: null, actor }),
    );
}

const fila = (r: Indicadores, nombre: string): FilaIndicadores => {
  const f = r.filas.find((x) => x.sujeto.nombre === nombre);
  if (!f) throw new Error(`sin fila ${nombre}: ${r.filas.map((x) => x.sujeto.nombre).join(', ')}`);
  return f;
};
const nombre = (usuario: string) => u[usuario]?.nombre ?? '';
const porBucket = (f: FilaIndicadores) =>
  Object.fromEntries((f.recuperacion?.porBucket ?? []).map((b) => [b.bucket, b.monto]));
const porCanal = (f: FilaIndicadores) =>
  Object.fromEntries((f.recuperacion?.porCanal ?? []).map((b) => [b.canal, b.monto]));
const cartera = (f: FilaIndicadores) =>
  Object.fromEntries(
    (f.cartera?.porBucket ?? [])
      .filter((b) => b.cuentas > 0)
      .map((b) => [b.bucket, [b.cuentas, b.saldo]]),
  );
const matriz = (f: FilaIndicadores) =>
  (f.cartera?.matriz ?? [])
    .filter((m) => m.cuentas > 0)
    .map((m) => `${m.de}→${m.a} ${m.cuentas} ${m.saldo}`);

async function hechosDeMarzo() {
  const tablas = [
    'hechos_recuperacion',
    'hechos_cobertura',
    'hechos_compromisos',
    'hechos_cartera',
    'hechos_transiciones',
    'hechos_prescripcion',
  ] as const;
  const todo: Record<string, unknown[]> = {};
  for (const t of tablas) {
    const filas = await base.db
      .selectFrom(t)
      .selectAll()
      .where('fecha', '>=', '2026-03-01')
      .where('fecha', '<=', '2026-03-31')
      .execute();
    todo[t] = filas.map((f) => JSON.stringify(f)).sort();
  }
  return todo;
}

describe('indicadores de marzo al 31 (un hecho por cifra, calculado a mano)', () => {
  let gestor: Indicadores;
  let oficina: Indicadores;
  beforeAll(async () => {
    gestor = await consultar('admin', { nivel: 'gestor' });
    oficina = await consultar('admin', { nivel: 'oficina' });
  });

  it('el corte de un mes pasado es su último día; los hechos quedaron materializados', () => {
    expect(gestor.alCorte).toBe('2026-03-31');
    expect(gestor.hechosAl).toBe('2026-04-01T18:00:00.000Z');
  });

  it('recuperación: cada pago al titular al cierre de su día, con sus partes, sin la reestructura', () => {
    const g = fila(gestor, nombre('gestor'));
    const r = fila(gestor, nombre('gestor.ruiz'));
    const s = fila(gestor, 'Sin asignar');
    expect(g.recuperacion).toMatchObject({
      neto: '3200.00',
      cobrado: '3200.00',
      cancelado: '0.00',
      pagos: 3,
    });
    expect(r.recuperacion).toMatchObject({ neto: '1000.00', pagos: 2 });
    expect(s.sujeto).toEqual({
      tipo: 'gestor',
      id: null,
      nombre: 'Sin asignar',
      oficinaId: u.gestor?.oficinaId,
    });
    expect(s.recuperacion?.neto).toBe('250.00');
    expect(fila(gestor, nombre('gestor.leyva')).recuperacion?.neto).toBe('0.00');
    const hmo = fila(oficina, 'Hermosillo');
    expect(hmo.recuperacion).toMatchObject({ neto: '4450.00', pagos: 6, cancelaciones: 0 });
    expect(porBucket(hmo)).toEqual({
      al_corriente: '0.00',
      '1-30': '1500.00',
      '31-60': '2700.00',
      '61-90': '0.00',
      '91-180': '250.00',
      '181-365': '0.00',
      mas_de_365: '0.00',
      sin_dato: '0.00',
    });
    expect(porCanal(hmo)).toEqual({
      banco: '1000.00',
      caja: '2750.00',
      nomina: '700.00',
      importacion: '0.00',
    });
    expect(porBucket(r)['31-60']).toBe('1000.00');
    const dias = hmo.recuperacion?.porDia ?? [];
    expect(dias).toHaveLength(31);
    expect(dias.filter((d) => d.monto !== '0.00')).toEqual([
      { fecha: '2026-03-10', monto: '1000.00' },
      { fecha: '2026-03-12', monto: '250.00' },
      { fecha: '2026-03-15', monto: '500.00' },
      { fecha: '2026-03-18', monto: '1500.00' },
      { fecha: '2026-03-20', monto: '500.00' },
      { fecha: '2026-03-25', monto: '700.00' },
    ]);
    expect(fila(oficina, 'Nogales').recuperacion?.neto).toBe('0.00');
  });

  it('cobertura, promesas, convenios y turnos', () => {
    const g = fila(gestor, nombre('gestor'));
    const r = fila(gestor, nombre('gestor.ruiz'));
    const hmo = fila(oficina, 'Hermosillo');
    expect(g.cobertura).toEqual({
      asignadas: 3,
      gestionadas: 2,
      conContactoEfectivo: 2,
      porcentajeGestionado: '66.7',
      porcentajeContactoEfectivo: '66.7',
    });
    expect(r.cobertura).toEqual({
      asignadas: 2,
      gestionadas: 1,
      conContactoEfectivo: 0,
      porcentajeGestionado: '50.0',
      porcentajeContactoEfectivo: '0.0',
    });
    expect(hmo.cobertura).toEqual({
      asignadas: 4,
      gestionadas: 3,
      conContactoEfectivo: 2,
      porcentajeGestionado: '75.0',
      porcentajeContactoEfectivo: '50.0',
    });
    expect(fila(gestor, 'Sin asignar').cobertura).toBeNull();
    expect(g.promesas).toEqual({ hechas: 2, cumplidas: 1, incumplidas: 0, pendientes: 0 });
    expect(r.promesas).toEqual({ hechas: 0, cumplidas: 0, incumplidas: 1, pendientes: 0 });
    expect(hmo.promesas).toEqual({ hechas: 2, cumplidas: 1, incumplidas: 1, pendientes: 0 });
    expect(r.convenios).toEqual({
      firmados: 1,
      vigentes: 1,
      cumplidos: 0,
      incumplidos: 0,
      montoDescontado: '200.00',
    });
    expect(g.convenios?.firmados).toBe(0);
    expect(hmo.turnos).toEqual({
      registrados: 3,
      atendidos: 2,
      abandonados: 1,
      enEspera: 0,
      esperaPromedioMin: '7.5',
      atencionPromedioMin: '17.5',
    });
    expect(g.turnos).toEqual({
      registrados: 1,
      atendidos: 1,
      abandonados: 0,
      enEspera: 0,
      esperaPromedioMin: '10.0',
      atencionPromedioMin: '20.0',
    });
  });

  it('salud de cartera: rodamiento de 31-60 a 61-90, cura, liquidación', () => {
    const hmo = fila(oficina, 'Hermosillo');
    expect(cartera(hmo)).toEqual({
      al_corriente: [1, '1000.00'],
      '31-60': [1, '8000.00'],
      '61-90': [1, '5200.00'],
      '91-180': [1, '3100.00'],
    });
    expect(hmo.cartera?.liquidadas).toBe(1);
    expect(matriz(hmo)).toEqual([
      '1-30→al_corriente 1 2000.00',
      '1-30→liquidado 1 1500.00',
      '31-60→31-60 1 10000.00',
      '31-60→61-90 1 5000.00',
      '91-180→91-180 1 3000.00',
    ]);
    const rod = Object.fromEntries((hmo.cartera?.rodamiento ?? []).map((x) => [x.de, x]));
    expect(rod['31-60']).toEqual({
      de: '31-60',
      cuentas: 2,
      saldo: '15000.00',
      rodamientoCuentas: '50.0',
      rodamientoSaldo: '33.3',
      curaCuentas: '0.0',
      curaSaldo: '0.0',
    });
    expect(rod['1-30']).toMatchObject({
      cuentas: 2,
      saldo: '3500.00',
      rodamientoCuentas: '0.0',
      curaCuentas: '50.0',
      curaSaldo: '57.1',
    });
    expect(rod.al_corriente).toMatchObject({
      cuentas: 0,
      rodamientoCuentas: null,
      curaCuentas: null,
    });
    // Transitions belong to who held the account at the start; the portfolio to who holds it now.
    const g = fila(gestor, nombre('gestor'));
    expect(matriz(g)).toEqual([
      '1-30→liquidado 1 1500.00',
      '31-60→31-60 1 10000.00',
      '31-60→61-90 1 5000.00',
    ]);
    expect(g.cartera?.liquidadas).toBe(1);
    expect(cartera(g)).toEqual({ '61-90': [1, '5200.00'] });
    expect(cartera(fila(gestor, nombre('gestor.ruiz')))).toEqual({
      al_corriente: [1, '1000.00'],
      '31-60': [1, '8000.00'],
    });
  });

  it('prescripción a 90 y 180 días del corte', () => {
    const hmo = fila(oficina, 'Hermosillo');
    expect(hmo.prescripcion).toEqual({
      en90Dias: { cuentas: 1, saldo: '3100.00' },
      en180Dias: { cuentas: 2, saldo: '8300.00' },
    });
    expect(fila(gestor, 'Sin asignar').prescripcion?.en90Dias).toEqual({
      cuentas: 1,
      saldo: '3100.00',
    });
    expect(fila(gestor, nombre('gestor')).prescripcion).toEqual({
      en90Dias: { cuentas: 0, saldo: '0.00' },
      en180Dias: { cuentas: 1, saldo: '5200.00' },
    });
  });

  it('metas: la versión vigente al corte y el índice ponderado', () => {
    expect(fila(gestor, nombre('gestor')).metas).toEqual({
      items: {
        recuperacion: { meta: '3200.00', logrado: '3200.00', peso: '50.00', cumplimiento: '100.0' },
        contactosEfectivos: { meta: '4', logrado: '2', peso: '50.00', cumplimiento: '50.0' },
      },
      indice: '75.0',
      version: 2,
    });
    expect(fila(gestor, nombre('gestor.ruiz')).metas).toEqual({
      items: {},
      indice: null,
      version: null,
    });
    expect(fila(gestor, 'Sin asignar').metas).toBeNull();
  });

  it('las filas de gestores suman la oficina; el instituto, las oficinas', async () => {
    const instituto = await consultar('admin', { nivel: 'instituto' });
    expect(instituto.filas).toHaveLength(1);
    const i = instituto.filas[0];
    expect(i?.sujeto).toEqual({
      tipo: 'instituto',
      id: null,
      nombre: 'Instituto',
      oficinaId: null,
    });
    expect(i?.recuperacion?.neto).toBe('4450.00');
    expect(i?.cobertura?.asignadas).toBe(4);
    expect(i?.metas).toBeNull();
    expect(i?.turnos?.registrados).toBe(3);
  });
});

describe('al corte de una fecha pasada', () => {
  it('marzo al 20 difiere de marzo al 31', async () => {
    const gestor = await consultar('admin', { nivel: 'gestor', alCorte: '2026-03-20' });
    const oficina = await consultar('admin', { nivel: 'oficina', alCorte: '2026-03-20' });
    expect(gestor.alCorte).toBe('2026-03-20');
    const g = fila(gestor, nombre('gestor'));
    const hmo = fila(oficina, 'Hermosillo');
    expect(g.recuperacion?.neto).toBe('2500.00');
    expect(fila(gestor, nombre('gestor.ruiz')).recuperacion?.neto).toBe('1000.00');
    expect(hmo.recuperacion?.neto).toBe('3750.00');
    expect(hmo.recuperacion?.porDia).toHaveLength(20);
    // Pending at the cut-off: the holder on Mar 20, so a's (reassigned on the 15th) is R's.
    expect(g.promesas).toEqual({ hechas: 2, cumplidas: 0, incumplidas: 0, pendientes: 1 });
    expect(fila(gestor, nombre('gestor.ruiz')).promesas?.pendientes).toBe(1);
    expect(hmo.promesas).toEqual({ hechas: 2, cumplidas: 0, incumplidas: 0, pendientes: 2 });
    expect(cartera(hmo)).toEqual({
      '1-30': [1, '2000.00'],
      '31-60': [2, '14100.00'],
      '91-180': [1, '3050.00'],
    });
    const rod = Object.fromEntries((hmo.cartera?.rodamiento ?? []).map((x) => [x.de, x]));
    expect(rod['31-60']?.rodamientoCuentas).toBe('0.0');
    expect(hmo.cartera?.liquidadas).toBe(1);
    expect(hmo.prescripcion).toEqual({
      en90Dias: { cuentas: 1, saldo: '3050.00' },
      en180Dias: { cuentas: 2, saldo: '8150.00' },
    });
    expect(g.metas).toEqual({
      items: {
        recuperacion: { meta: '4000.00', logrado: '2500.00', peso: '50.00', cumplimiento: '62.5' },
        contactosEfectivos: { meta: '4', logrado: '2', peso: '50.00', cumplimiento: '50.0' },
      },
      indice: '56.3',
      version: 1,
    });
    expect(hmo.turnos?.registrados).toBe(3);
  });
});

describe('un pago cancelado el mes siguiente', () => {
  it('marzo no cambia; abril resta la cancelación con el gestor, bucket y canal del pago', async () => {
    const antes = await consultar('admin', { nivel: 'gestor' });
    await cancelar('b', p4, '2026-04-05');
    reloj.fijar('2026-04-10T18:00:00Z');
    const despues = await consultar('admin', { nivel: 'gestor' });
    expect(fila(despues, nombre('gestor')).recuperacion).toEqual(
      fila(antes, nombre('gestor')).recuperacion,
    );
    const abril = await consultar('admin', { mes: '2026-04', nivel: 'gestor' });
    expect(abril.alCorte).toBe('2026-04-10');
    const g = fila(abril, nombre('gestor'));
    expect(g.recuperacion).toMatchObject({
      neto: '-700.00',
      cobrado: '0.00',
      cancelado: '700.00',
      pagos: 0,
      cancelaciones: 1,
    });
    expect(porBucket(g)['31-60']).toBe('-700.00');
    expect(porCanal(g).nomina).toBe('-700.00');
    expect(g.recuperacion?.porDia.find((d) => d.fecha === '2026-04-05')?.monto).toBe('-700.00');
  });
});

describe('el trabajo de hechos', () => {
  it('corrido dos veces deja las mismas filas', async () => {
    const ctx = { reloj, ip: null };
    await materializarMes(base.db, '2026-03' as Mes, ctx);
    const primera = await hechosDeMarzo();
    await materializarMes(base.db, '2026-03' as Mes, ctx);
    expect(await hechosDeMarzo()).toEqual(primera);
    expect(primera.hechos_recuperacion?.length).toBeGreaterThan(0);
    const dias = await base.db
      .selectFrom('hechos_materializados')
      .select('fecha')
      .where('fecha', '<=', '2026-03-31')
      .where('fecha', '>=', '2026-03-01')
      .execute();
    expect(dias).toHaveLength(31);
  });

  it('un corte fuera del mes o en el futuro es un error con el campo', async () => {
    await expect(
      consultar('admin', { nivel: 'oficina', alCorte: '2026-04-02' }),
    ).rejects.toMatchObject({
      codigo: 'entrada_invalida',
      campo: 'alCorte',
    });
    await expect(
      consultar('admin', { mes: '2026-04', nivel: 'oficina', alCorte: '2026-04-20' }),
    ).rejects.toMatchObject({ codigo: 'entrada_invalida', campo: 'alCorte' });
    await expect(consultar('admin', { mes: '2026-05', nivel: 'oficina' })).rejects.toMatchObject({
      codigo: 'entrada_invalida',
      campo: 'mes',
    });
  });
});

describe('con la antigüedad que calcula el motor', () => {
  it('el caso publicado 01 rueda de 31-60 a 61-90 y de 61-90 a 91-180 (saldo publicado)', async () => {
    // Case 01: the installment due 2024-03-01 is partly unpaid: 60 days late on Apr 30 (31-60),
    // 89 on May 29 (61-90), 121 on Jun 30 (91-180, saldo para liquidar 4,862.42 published).
    const { id } = await guardarCaso(base.db, casoPublicado('01-pago-parcial-con-atraso.json'), {
      oficina: 'OBR',
    });
    await base.db
      .insertInto('asignaciones')
      .values({ credito_id: id, gestor_id: uid('gestor.obregon'), desde: '2024-01-01T17:00:00Z' })
      .execute();
    for (const fecha of ['2024-04-30', '2024-05-29', '2024-06-30'] as const) {
      await base.db
        .transaction()
        .execute((trx) => calcularAntiguedad(trx, fecha as Fecha, { reloj, ip: null }));
    }
    const obr = u['gestor.obregon']?.oficinaId ?? 0;
    const mayo = await consultar('admin', {
      mes: '2024-05',
      nivel: 'gestor',
      alCorte: '2024-05-29',
      oficinaId: obr,
    });
    const g = fila(mayo, nombre('gestor.obregon'));
    expect(g.cartera?.porBucket.find((b) => b.bucket === '61-90')?.cuentas).toBe(1);
    expect(
      (g.cartera?.matriz ?? []).filter((m) => m.cuentas > 0).map((m) => `${m.de}→${m.a}`),
    ).toEqual(['31-60→61-90']);
    expect(g.cartera?.rodamiento.find((r) => r.de === '31-60')?.rodamientoCuentas).toBe('100.0');
    const junio = await consultar('admin', { mes: '2024-06', nivel: 'oficina', oficinaId: obr });
    const o = fila(junio, 'Cd. Obregón');
    expect(o.cartera?.porBucket.find((b) => b.bucket === '91-180')).toEqual({
      bucket: '91-180',
      cuentas: 1,
      saldo: '4862.42',
    });
    expect(o.cartera?.rodamiento.find((r) => r.de === '61-90')?.rodamientoCuentas).toBe('100.0');
  });
});

describe('la prescripción de los indicadores es la del expediente', () => {
  const prescripcion = async (alCorte: string) =>
    fila(await consultar('admin', { nivel: 'oficina', alCorte }), 'Hermosillo').prescripcion;
  const recalcularMarzo = () => materializarMes(base.db, '2026-03' as Mes, { reloj, ip: null });

  it('una demanda presentada reinicia el plazo desde su fecha, al corte de ese mismo día también', async () => {
    const despacho = await base.db
      .insertInto('despachos')
      .values({ nombre: 'Despacho de los Indicadores' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const turnado = await base.db
      .insertInto('turnados')
      .values({
        credito_id: c.b ?? 0,
        despacho_id: despacho.id,
        motivo: 'Por prescribir',
        desde: '2026-03-16',
        hasta: '2026-12-31',
        turnado_por: uid('coordinador'),
        turnado_en: '2026-03-16T17:00:00Z',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    // b's pagaré (due 2023-08-20) would prescribe on 2026-08-20; the lawsuit of March 20 moves
    // it to 2029-03-20.
    await base.db
      .insertInto('actuaciones_juridicas')
      .values({
        turnado_id: turnado.id,
        credito_id: c.b ?? 0,
        estado: 'demanda_presentada',
        fecha: '2026-03-20',
        juzgado: 'Juzgado Primero Civil de Hermosillo',
        expediente_judicial: '311/2026',
        registrado_por: uid('admin'),
        registrado_en: '2026-03-20T18:00:00Z',
      })
      .execute();
    await recalcularMarzo();
    // Only d is left (2026-05-15), with the balance of each cut-off's aging.
    expect(await prescripcion('2026-03-31')).toEqual({
      en90Dias: { cuentas: 1, saldo: '3100.00' },
      en180Dias: { cuentas: 1, saldo: '3100.00' },
    });
    expect(await prescripcion('2026-03-20')).toEqual({
      en90Dias: { cuentas: 1, saldo: '3050.00' },
      en180Dias: { cuentas: 1, saldo: '3050.00' },
    });
  });

  it('un pago la reinicia desde el día en que el parámetro lo dice: los días anteriores conservan la regla de entonces', async () => {
    // d paid 250.00 on March 12 (P5); from March 25 a documented payment restarts the term.
    await base.db
      .insertInto('parametros_prescripcion')
      .values({
        pago_interrumpe: true,
        alertas_dias: [180, 90, 30],
        fundamento: 'Criterio de la Dirección Jurídica sobre el pago parcial documentado.',
        definido_por: uid('admin'),
        definido_en: '2026-03-25T17:00:00Z',
      })
      .execute();
    await recalcularMarzo();
    const nada = { cuentas: 0, saldo: '0.00' };
    expect(await prescripcion('2026-03-31')).toEqual({ en90Dias: nada, en180Dias: nada });
    expect(await prescripcion('2026-03-20')).toEqual({
      en90Dias: { cuentas: 1, saldo: '3050.00' },
      en180Dias: { cuentas: 1, saldo: '3050.00' },
    });
  });
});
