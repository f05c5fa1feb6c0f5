import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProximaAccion } from '../../src/db/esquema.ts';
import { CONTRASENA_DEMO } from '../../src/modules/demo/cargar-demo.ts';
import { crearUsuario } from '../../src/modules/usuarios/crear-usuario.ts';
import { type AppDePrueba, crearAppDePrueba, type Sesion } from '../soporte/app-de-prueba.ts';
import { casoPublicado, guardarCaso } from '../soporte/fabricas.ts';

// "Mi cartera hoy" end to end (GET /api/cola, docs/gestion.md): a gestor of his own whose
// accounts each carry one motive, read from the real facts (gestiones, recados, convenios,
// the queue rows of a broken convenio, pagarés, the aging snapshot). Today is Tuesday
// 2026-03-10, 09:00 in Hermosillo; parameters are the defaults (30 days without contact,
// prescription alerts at 180, 90 and 30 days, a high balance from 50,000.00).

const HOY = '2026-03-10';
let t: AppDePrueba;
const s: Record<string, Sesion> = {};
const id: Record<string, number> = {};
let oficinaHmo = 0;
let versionAlternativa = 0;

interface Cuenta {
  id: number;
  numero: string;
  acreditado: string;
}
const c: Record<string, Cuenta> = {};

interface FilaCola {
  creditoId: number;
  numero: string;
  acreditado: string;
  motivos: Array<{ clave: string; texto: string }>;
  puntaje: number;
  proximaAccion: { tipo: string; fecha: string } | null;
  saldoExigible: string | null;
  bucket: string | null;
  tomadaPor: unknown;
}

async function resultado(clave: string): Promise<number> {
  const r = await t.base.db
    .selectFrom('resultados_gestion')
    .select('id')
    .where('clave', '=', clave)
    .executeTakeFirstOrThrow();
  return r.id;
}

/**
 * A Hermosillo credit held by the gestor `cartera`, its acreditado named `nombres`, with an
 * aging snapshot of today. Its pagaré falls due 2025-06-01 (prescribes in 2028) unless told.
 */
async function cuenta(
  nombres: string,
  saldoCentavos: number,
  bucket: 'al_corriente' | '1-30' | '31-60' | '61-90' | '91-180' | '181-365' | 'mas_de_365',
  pagareVence = '2025-06-01',
): Promise<Cuenta> {
  const r = await guardarCaso(t.base.db, casoPublicado('01-pago-parcial-con-atraso.json'), {
    oficina: 'HMO',
    nombres,
    primerApellido: 'Cola',
  });
  await t.base.db
    .updateTable('creditos')
    .set({ gestor_id: id.cartera ?? 0 })
    .where('id', '=', r.id)
    .execute();
  await t.base.db
    .updateTable('ministraciones')
    .set({ pagare_vencimiento: pagareVence })
    .where('credito_id', '=', r.id)
    .execute();
  await t.base.db
    .insertInto('antiguedad_saldos')
    .values({
      credito_id: r.id,
      fecha: HOY,
      situacion: bucket === 'al_corriente' ? 'al_corriente' : 'vencido',
      dias_atraso: bucket === 'al_corriente' ? 0 : 45,
      bucket,
      capital_insoluto_centavos: saldoCentavos,
      saldo_exigible_centavos: saldoCentavos,
      saldo_para_liquidar_centavos: saldoCentavos,
      interes_moratorio_centavos: 0,
      calculado: '2026-03-10T09:00:00Z',
    })
    .execute();
  return { id: r.id, numero: r.numero, acreditado: `${nombres} Cola Ibáñez` };
}

/** An effective contact logged by the gestor at `inicio`, with its next action. */
async function contacto(
  creditoId: number,
  inicio: string,
  proxima: { tipo: ProximaAccion; fecha: string } | null = null,
) {
  const g = await t.base.db
    .insertInto('gestiones')
    .values({
      credito_id: creditoId,
      canal: 'llamada_saliente',
      resultado_id: await resultado('contacto_efectivo'),
      inicio,
      registrado_por: id.cartera ?? 0,
      registrado: inicio,
      proxima_accion: proxima?.tipo ?? null,
      proxima_accion_fecha: proxima?.fecha ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return g.id;
}

async function convenio(
  creditoId: number,
  estado: 'firmado' | 'incumplido',
  pagos: string[],
): Promise<number> {
  const cv = await t.base.db
    .insertInto('convenios')
    .values({
      estado,
      version_alternativa_id: versionAlternativa,
      version_campana_id: null,
      tipo: 'convenio_de_pagos',
      nombre: 'Pagos mensuales',
      fecha_simulacion: '2026-01-05',
      primer_pago: pagos[0] ?? HOY,
      plazo: pagos.length,
      liquida: false,
      descuento_moratorio_centavos: 0,
      descuento_interes_centavos: 0,
      total_centavos: 50_000 * pagos.length,
      liquidar_hoy_centavos: 50_000 * pagos.length,
      condiciones: 'Pagos mensuales',
      oferta: JSON.stringify({}),
      tolerancia_dias: 3,
      propuesto_por: id.cartera ?? 0,
      propuesto_el: '2026-01-05T17:00:00Z',
      requiere_rol: null,
      motivos_autorizacion: [],
      autorizado_por: null,
      autorizado_el: null,
      fecha_firma: '2026-01-06',
      cerrado_el: estado === 'incumplido' ? '2026-03-08' : null,
      motivo_cancelacion: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await t.base.db
    .insertInto('convenio_creditos')
    .values({ convenio_id: cv.id, credito_id: creditoId })
    .execute();
  await t.base.db
    .insertInto('convenio_promesas')
    .values(
      pagos.map((fecha, i) => ({
        convenio_id: cv.id,
        credito_id: creditoId,
        numero: i + 1,
        fecha,
        monto_centavos: 50_000,
      })),
    )
    .execute();
  return cv.id;
}

beforeAll(async () => {
  t = await crearAppDePrueba();
  t.reloj.fijar('2026-03-10T16:00:00Z');
  oficinaHmo = (
    await t.base.db
      .selectFrom('oficinas')
      .select('id')
      .where('clave', '=', 'HMO')
      .executeTakeFirstOrThrow()
  ).id;
  versionAlternativa = (
    await t.base.db
      .selectFrom('versiones_alternativa')
      .select('id')
      .orderBy('id')
      .executeTakeFirstOrThrow()
  ).id;
  // A gestor of his own: the demo's accounts stay out of his queue.
  await t.base.db.transaction().execute((trx) =>
    crearUsuario(
      trx,
      {
        usuario: 'cartera',
        nombre: 'Ramón Leyva Soto',
        rol: 'gestor',
        oficinaId: oficinaHmo,
        contrasena: CONTRASENA_DEMO,
      },
      { reloj: t.reloj, ip: null, actor: null },
    ),
  );
  for (const u of await t.base.db.selectFrom('usuarios').select(['id', 'usuario']).execute())
    id[u.usuario] = u.id;

  // Broken convenio: the nightly review left a queue row, not attended since.
  c.convenioRoto = await cuenta('Alma', 2_000_000, '91-180');
  await contacto(c.convenioRoto.id, '2026-03-05T17:00:00Z');
  const roto = await convenio(c.convenioRoto.id, 'incumplido', ['2026-02-05', '2026-03-05']);
  await t.base.db
    .insertInto('cola_gestor')
    .values({
      credito_id: c.convenioRoto.id,
      convenio_id: roto,
      motivo: `Convenio ${roto} incumplido: llamar al acreditado.`,
      fecha: '2026-03-08',
    })
    .execute();

  // A signed convenio's payment falls due today.
  c.pagoConvenio = await cuenta('Beatriz', 800_000, '1-30');
  await contacto(c.pagoConvenio.id, '2026-03-05T17:00:00Z');
  await convenio(c.pagoConvenio.id, 'firmado', [HOY, '2026-04-10']);

  // A recado waiting for the gestor.
  c.recado = await cuenta('Carmen', 300_000, '31-60');
  await contacto(c.recado.id, '2026-03-05T17:00:00Z');
  await t.base.db
    .insertInto('recados')
    .values({
      oficina_id: oficinaHmo,
      credito_id: c.recado.id,
      llamante_nombre: 'Rosa Elvia Moreno',
      para_id: id.cartera ?? 0,
      mensaje: 'Pide que le llamen por su saldo.',
      creado: '2026-03-09T17:00:00Z',
      creado_por: id.coordinador ?? 0,
    })
    .execute();

  // The latest gestión scheduled a call for today.
  c.llamada = await cuenta('Dolores', 500_000, '61-90');
  await contacto(c.llamada.id, '2026-03-05T17:00:00Z', { tipo: 'llamar', fecha: HOY });

  // Its pagaré fell due 2023-06-10: it prescribes 2026-06-10, in 92 days.
  c.prescripcion = await cuenta('Elena', 100_000, '181-365', '2023-06-10');
  await contacto(c.prescripcion.id, '2026-03-05T17:00:00Z');

  // Never contacted: no gestión at all.
  c.nunca = await cuenta('Fernanda', 200_000, 'mas_de_365');

  // A high balance (60,000.00), recently contacted.
  c.saldoAlto = await cuenta('Gloria', 6_000_000, 'al_corriente');
  await contacto(c.saldoAlto.id, '2026-03-05T17:00:00Z');

  // The last effective contact 40 days ago (10:00 of January 29 in Hermosillo).
  c.sinContacto = await cuenta('Hilda', 50_000, 'mas_de_365');
  await contacto(c.sinContacto.id, '2026-01-29T17:00:00Z');

  // Nothing to do today: next action later this month.
  c.tranquila = await cuenta('Irma', 100_000, '1-30');
  await contacto(c.tranquila.id, '2026-03-05T17:00:00Z', { tipo: 'visitar', fecha: '2026-03-20' });

  for (const u of ['cartera', 'coordinador', 'gestor']) s[u] = await t.entrar(u);
});
afterAll(() => t.cerrar());

const cola = async (sesion: Sesion | undefined, consulta = '') => {
  const r = await t.pedir('GET', `/api/cola${consulta}`, { sesion });
  expect(r.statusCode).toBe(200);
  return r.json() as { total: number; cuentas: FilaCola[] };
};

const fila = (
  k: string,
  resto: Omit<FilaCola, 'creditoId' | 'numero' | 'acreditado' | 'tomadaPor'>,
) => ({
  creditoId: c[k]?.id,
  numero: c[k]?.numero,
  acreditado: c[k]?.acreditado,
  tomadaPor: null,
  ...resto,
});

describe('GET /api/cola: cada motivo desde los hechos reales', () => {
  it('cada cuenta trae su motivo, su frase, acreditado, puntaje y próxima acción, en el orden del puntaje documentado', async () => {
    const r = await cola(s.cartera);
    expect(r.total).toBe(9);
    // puntaje = urgencia × (1 + log10(1 + saldo × probabilidad del rango, en pesos)), one
    // decimal; urgencia: the motive's weight (1 without motive). Worked by hand:
    expect(r.cuentas).toEqual([
      fila('convenioRoto', {
        // 90 × (1 + log10(1 + 20,000 × 0.35))
        motivos: [{ clave: 'convenio_incumplido', texto: 'Convenio incumplido' }],
        puntaje: 436.1,
        proximaAccion: null,
        saldoExigible: '20000.00',
        bucket: '91-180',
      }),
      fila('pagoConvenio', {
        // 70 × (1 + log10(1 + 8,000 × 0.8))
        motivos: [{ clave: 'pago_de_convenio', texto: 'Pago de convenio vence hoy' }],
        puntaje: 336.4,
        proximaAccion: null,
        saldoExigible: '8000.00',
        bucket: '1-30',
      }),
      fila('recado', {
        // 60 × (1 + log10(1 + 3,000 × 0.65))
        motivos: [{ clave: 'recado', texto: 'Recado por atender' }],
        puntaje: 257.4,
        proximaAccion: null,
        saldoExigible: '3000.00',
        bucket: '31-60',
      }),
      fila('llamada', {
        // 50 × (1 + log10(1 + 5,000 × 0.5))
        motivos: [{ clave: 'llamada_programada', texto: 'Acción programada para hoy' }],
        puntaje: 219.9,
        proximaAccion: { tipo: 'llamar', fecha: HOY },
        saldoExigible: '5000.00',
        bucket: '61-90',
      }),
      fila('prescripcion', {
        // 40 × (1 + log10(1 + 1,000 × 0.2)): within the 180-day alert, not yet the 90-day one.
        motivos: [{ clave: 'prescripcion_cercana', texto: 'Un pagaré prescribe en 92 días' }],
        puntaje: 132.1,
        proximaAccion: null,
        saldoExigible: '1000.00',
        bucket: '181-365',
      }),
      fila('nunca', {
        // 30 × (1 + log10(1 + 2,000 × 0.1))
        motivos: [{ clave: 'nunca_contactado', texto: 'Nunca contactado' }],
        puntaje: 99.1,
        proximaAccion: null,
        saldoExigible: '2000.00',
        bucket: 'mas_de_365',
      }),
      // Money orders accounts whose work weighs alike: the high balance (weight 10) comes
      // before 40 days without contact (weight 20) on a small, old account.
      fila('saldoAlto', {
        // 10 × (1 + log10(1 + 60,000 × 0.9))
        motivos: [{ clave: 'saldo_alto', texto: 'Saldo exigible alto: $60,000.00' }],
        puntaje: 57.3,
        proximaAccion: null,
        saldoExigible: '60000.00',
        bucket: 'al_corriente',
      }),
      fila('sinContacto', {
        // 20 × (1 + log10(1 + 500 × 0.1))
        motivos: [{ clave: 'sin_contacto', texto: 'Sin contacto efectivo hace 40 días' }],
        puntaje: 54.2,
        proximaAccion: null,
        saldoExigible: '500.00',
        bucket: 'mas_de_365',
      }),
      fila('tranquila', {
        // 1 × (1 + log10(1 + 1,000 × 0.8))
        motivos: [],
        puntaje: 3.9,
        proximaAccion: { tipo: 'visitar', fecha: '2026-03-20' },
        saldoExigible: '1000.00',
        bucket: '1-30',
      }),
    ]);
    const puntajes = r.cuentas.map((x) => x.puntaje);
    expect(puntajes).toEqual([...puntajes].sort((a, b) => b - a));
  });

  it('el coordinador ve la misma cola del gestor; otro gestor de la oficina no ve estas cuentas en la suya', async () => {
    const propia = await cola(s.cartera);
    const vista = await cola(s.coordinador, `?gestorId=${id.cartera}`);
    expect(vista).toMatchObject({ total: propia.total, cuentas: propia.cuentas });
    const otra = await cola(s.gestor, '?limite=5000');
    const mias = new Set(Object.values(c).map((x) => x.id));
    expect(otra.cuentas.some((x) => mias.has(x.creditoId))).toBe(false);
  });

  it('atender las cuentas quita su motivo: una gestión atiende el recado y la cola del convenio roto; el pago de convenio sale pasada su tolerancia', async () => {
    const recado = await t.base.db
      .selectFrom('recados')
      .select('id')
      .where('credito_id', '=', c.recado?.id ?? 0)
      .executeTakeFirstOrThrow();
    const entrante = (creditoId: number, extra: Record<string, unknown> = {}) =>
      t.pedir('POST', `/api/creditos/${creditoId}/gestiones`, {
        sesion: s.cartera,
        cuerpo: {
          canal: 'llamada_entrante',
          contactoNombre: 'El acreditado',
          resultado: 'contacto_efectivo',
          duracionSegundos: 60,
          ...extra,
        },
      });
    expect((await entrante(c.recado?.id ?? 0, { recadoId: recado.id })).statusCode).toBe(201);
    expect((await entrante(c.convenioRoto?.id ?? 0)).statusCode).toBe(201);
    try {
      // The convenio's payment of the 10th has 3 days of tolerance: the 13th is its last day.
      t.reloj.fijar('2026-03-13T16:00:00Z');
      const ultimoDia = await cola(await t.entrar('cartera'));
      expect(ultimoDia.cuentas.find((x) => x.creditoId === c.pagoConvenio?.id)?.motivos).toEqual([
        { clave: 'pago_de_convenio', texto: 'Pago de convenio vence hoy' },
      ]);
      t.reloj.fijar('2026-03-14T16:00:00Z');
      const sesion = await t.entrar('cartera');
      const r = await cola(sesion);
      const claves = (k: string) =>
        r.cuentas.find((x) => x.creditoId === c[k]?.id)?.motivos.map((m) => m.clave);
      expect(claves('recado')).toEqual([]);
      expect(claves('convenioRoto')).toEqual([]);
      expect(claves('pagoConvenio')).toEqual([]);
      // The call scheduled for the 10th is now late, and still shown.
      expect(r.cuentas.find((x) => x.creditoId === c.llamada?.id)?.motivos).toEqual([
        { clave: 'llamada_programada', texto: 'Acción programada atrasada' },
      ]);
    } finally {
      t.reloj.fijar('2026-03-10T16:00:00Z');
    }
  });
});

describe('GET /api/cola: el motivo de prescripción sigue las alertas de prescripción', () => {
  const FUNDAMENTO = 'Criterio de la Dirección Jurídica para las alertas de la cola de trabajo.';
  const alertas = async (alertasDias: number[]) => {
    const r = await t.pedir('PUT', '/api/parametros/prescripcion', {
      sesion: await t.entrar('admin'),
      cuerpo: { pagoInterrumpe: false, alertasDias, fundamento: FUNDAMENTO },
    });
    expect(r.statusCode).toBe(200);
  };
  const prescripcion = async () => {
    const r = await cola(await t.entrar('cartera'));
    return r.cuentas.find((x) => x.creditoId === c.prescripcion?.id);
  };

  it('92 días: con alertas a 120 y 95 alcanza las dos y pesa 60; con una sola a 60 no entra; los avisos por omisión la dejan como estaba', async () => {
    try {
      await alertas([95, 120]);
      expect(await prescripcion()).toMatchObject({
        motivos: [{ clave: 'prescripcion_cercana', texto: 'Un pagaré prescribe en 92 días' }],
        // (40 + 20) × (1 + log10(1 + 1,000 × 0.2))
        puntaje: 198.2,
      });
      await alertas([60]);
      expect(await prescripcion()).toMatchObject({ motivos: [], puntaje: 3.3 });
    } finally {
      await alertas([180, 90, 30]);
    }
    expect(await prescripcion()).toMatchObject({ puntaje: 132.1 });
  });

  it('a 30 días alcanza las tres alertas por omisión: el motivo pesa 80', async () => {
    // 30 days before its prescription on 2026-06-10: 2026-05-11.
    t.reloj.fijar('2026-05-11T16:00:00Z');
    try {
      const r = await cola(await t.entrar('cartera'));
      const fila = r.cuentas.find((x) => x.creditoId === c.prescripcion?.id);
      expect(fila?.motivos).toEqual([
        { clave: 'prescripcion_cercana', texto: 'Un pagaré prescribe en 30 días' },
        { clave: 'sin_contacto', texto: 'Sin contacto efectivo hace 67 días' },
      ]);
      // (80 + 20) × (1 + log10(1 + 1,000 × 0.2)), with the snapshot of March 10 (the latest).
      expect(fila?.puntaje).toBe(330.3);
    } finally {
      t.reloj.fijar('2026-03-10T16:00:00Z');
    }
  });

  it('los parámetros de gestión ya no tienen su propio umbral de prescripción', async () => {
    const admin = await t.entrar('admin');
    const actuales = (await t.pedir('GET', '/api/gestion/parametros', { sesion: admin })).json();
    expect(actuales).not.toHaveProperty('diasParaPrescripcion');
    const r = await t.pedir('PUT', '/api/gestion/parametros', {
      sesion: admin,
      cuerpo: { ...actuales, diasParaPrescripcion: 365 },
    });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.mensaje).toContain('diasParaPrescripcion');
  });
});
