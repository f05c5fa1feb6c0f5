import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppDePrueba, crearAppDePrueba, type Sesion } from '../soporte/app-de-prueba.ts';
import { casoPublicado, guardarCaso } from '../soporte/fabricas.ts';

// 121 days late on 30/06/2024. The campaign forgives all the moratorium and half the interest
// and freezes the moratorium while the three promises are kept.
const caso = casoPublicado('01-pago-parcial-con-atraso.json');

let t: AppDePrueba;
const s: Record<string, Sesion> = {};
let versionCampana = 0;
let clave = 0;

beforeAll(async () => {
  t = await crearAppDePrueba();
  t.reloj.fijar('2024-06-30T18:00:00Z');
  for (const u of ['admin', 'gestor', 'coordinador']) s[u] = await t.entrar(u);
  const r = await t.pedir('POST', '/api/campanas', {
    sesion: s.admin,
    cuerpo: {
      clave: 'arrancar-de-cero-2024',
      nombre: 'Oportunidad… es arrancar de cero',
      acuerdo: 'Acuerdo JD-2024-05-03 de la Junta Directiva',
      inicio: '2024-06-01',
      fin: '2024-12-31',
      descuentoMoratorio: '1',
      descuentoInteres: '0.50',
      pagosMaximos: 3,
      elegibilidad: { diasAtrasoMinimo: 60 },
    },
  });
  expect(r.statusCode).toBe(201);
  versionCampana = r.json().campana.versiones.at(-1).id ?? r.json().campana.versionId;
});
afterAll(() => t.cerrar());

/** Moves the business date; sessions expire with the jump, so everyone signs in again. */
async function fijar(fecha: string) {
  t.reloj.fijar(`${fecha}T18:00:00Z`);
  for (const u of ['admin', 'gestor', 'coordinador']) s[u] = await t.entrar(u);
}
const llave = () => `prueba-${++clave}-convenios`;

async function credito() {
  const c = await guardarCaso(t.base.db, caso, { oficina: 'HMO' });
  const p = await t.base.db
    .selectFrom('participantes_credito')
    .select('persona_id')
    .where('credito_id', '=', c.id)
    .executeTakeFirstOrThrow();
  return { id: c.id, acreditado: p.persona_id };
}

async function convenioFirmado(
  c: { id: number; acreditado: number },
  primerPago = '2024-07-10',
  plazo = 3,
) {
  await fijar('2024-06-30');
  const r = await t.pedir('POST', '/api/convenios', {
    sesion: s.coordinador,
    cuerpo: {
      creditoId: c.id,
      origen: 'campana',
      versionId: versionCampana,
      primerPago,
      plazo,
      condiciones: 'Pagos mensuales; el descuento se pierde si se incumple un pago.',
      firmantes: [c.acreditado],
    },
  });
  expect(r.statusCode).toBe(201);
  const conv = r.json().convenio;
  expect(conv.estado).toBe('autorizado');
  const f = await t.pedir('POST', `/api/convenios/${conv.id}/firma`, {
    sesion: s.gestor,
    cuerpo: {},
    encabezados: { 'idempotency-key': llave() },
  });
  expect(f.statusCode).toBe(200);
  return f.json().convenio as {
    id: number;
    promesas: Array<{ fecha: string; monto: string }>;
    periodosSinMoratorio: unknown[];
    total: string;
  };
}

const revisar = () =>
  t.pedir('POST', '/api/convenios/revision', {
    sesion: s.coordinador,
    cuerpo: {},
    encabezados: { 'idempotency-key': llave() },
  });

const estado = async (id: number, fecha: string) => {
  const r = await t.pedir('GET', `/api/creditos/${id}/estado-de-cuenta?fecha=${fecha}`, {
    sesion: s.gestor,
  });
  expect(r.statusCode).toBe(200);
  return r.json();
};

/** The statement's figures, without the ledger ids and the credit's number (they differ). */
function cifras(e: unknown): unknown {
  if (Array.isArray(e)) return e.map(cifras);
  if (e === null || typeof e !== 'object') return e;
  return Object.fromEntries(
    Object.entries(e)
      .filter(([k]) => k !== 'id' && k !== 'credito')
      .map(([k, v]) => [k, cifras(v)]),
  );
}

describe('seguimiento de convenios', () => {
  it('un convenio incumplido restituye exactamente el moratorio congelado y el descuento', async () => {
    const conConvenio = await credito();
    const sinConvenio = await credito();
    const conv = await convenioFirmado(conConvenio);
    expect(conv.periodosSinMoratorio).toHaveLength(1);
    // Signed: the discount and the window change the statement.
    expect(cifras(await estado(conConvenio.id, '2024-07-05'))).not.toEqual(
      cifras(await estado(sinConvenio.id, '2024-07-05')),
    );

    // 10/07 + 5 days of tolerance: on the 15th it is still pending.
    await fijar('2024-07-15');
    expect((await revisar()).json()).toMatchObject({ incumplidos: [] });
    await fijar('2024-07-16');
    const r = await revisar();
    expect(r.statusCode).toBe(200);
    expect(r.json().incumplidos).toEqual([conv.id]);
    const despues = await t.pedir('GET', `/api/convenios/${conv.id}`, { sesion: s.gestor });
    expect(despues.json().convenio).toMatchObject({
      estado: 'incumplido',
      cerradoEl: '2024-07-16',
    });
    expect(despues.json().convenio.promesas[0].estado).toBe('incumplida');

    for (const fecha of ['2024-07-16', '2024-08-31', '2025-01-15']) {
      expect(cifras(await estado(conConvenio.id, fecha))).toEqual(
        cifras(await estado(sinConvenio.id, fecha)),
      );
    }
    const cola = await t.base.db
      .selectFrom('cola_gestor')
      .select(['credito_id', 'convenio_id', 'fecha'])
      .where('convenio_id', '=', conv.id)
      .execute();
    expect(cola).toEqual([
      { credito_id: conConvenio.id, convenio_id: conv.id, fecha: '2024-07-16' },
    ]);
    const bitacora = await t.base.db
      .selectFrom('bitacora')
      .select('accion')
      .where('objeto_tipo', '=', 'convenio')
      .where('objeto_id', '=', String(conv.id))
      .orderBy('id')
      .execute();
    expect(bitacora.map((b) => b.accion)).toEqual([
      'convenio.proponer',
      'convenio.firmar',
      'convenio.incumplir',
    ]);
  });

  it('un convenio sin firmar cuya primera promesa ya pasó se cancela solo', async () => {
    const c = await credito();
    await fijar('2024-06-30');
    const r = await t.pedir('POST', '/api/convenios', {
      sesion: s.coordinador,
      cuerpo: {
        creditoId: c.id,
        origen: 'campana',
        versionId: versionCampana,
        primerPago: '2024-07-10',
        plazo: 2,
        condiciones: 'Pagos mensuales.',
        firmantes: [c.acreditado],
      },
    });
    const id = r.json().convenio.id;
    await fijar('2024-07-15');
    expect((await revisar()).json().vencidos).toEqual([]);
    await fijar('2024-07-16');
    expect((await revisar()).json().vencidos).toEqual([id]);
    const despues = await t.pedir('GET', `/api/convenios/${id}`, { sesion: s.gestor });
    expect(despues.json().convenio).toMatchObject({
      estado: 'cancelado',
      motivoCancelacion: 'Venció sin firmarse: la fecha del primer pago ya pasó.',
    });
  });

  it('pagar lo prometido en sus fechas lo cumple y liquida el crédito, como anunció el simulador', async () => {
    const c = await credito();
    const conv = await convenioFirmado(c);
    for (const p of conv.promesas) {
      await fijar(p.fecha);
      const pago = await t.pedir('POST', `/api/creditos/${c.id}/pagos`, {
        sesion: s.gestor,
        cuerpo: { monto: p.monto, canal: 'banco', referencia: `conv-${conv.id}` },
        encabezados: { 'idempotency-key': llave() },
      });
      expect(pago.statusCode).toBe(201);
      expect((await revisar()).json().incumplidos).toEqual([]);
    }
    const ultima = conv.promesas.at(-1)?.fecha ?? '';
    expect((await revisar()).json()).toMatchObject({ incumplidos: [] });
    const r = await t.pedir('GET', `/api/convenios/${conv.id}`, { sesion: s.gestor });
    expect(r.json().convenio.estado).toBe('cumplido');
    expect((await estado(c.id, ultima)).saldo_para_liquidar).toBe('0.00');
  });
});

describe('tolerancia de la versión', () => {
  it('un convenio guarda la tolerancia de la versión con que se propuso y la revisión la respeta', async () => {
    await fijar('2024-06-30');
    const alternativa = {
      tipo: 'convenio_de_pagos',
      nombre: 'Convenio de pagos con 10 días de gracia',
      parametros: {
        pagosMaximos: 3,
        congelaMoratorio: true,
        descuentoMoratorio: '0',
        descuentoInteres: '0',
      },
      toleranciaDias: 10,
    };
    const creada = await t.pedir('POST', '/api/alternativas', {
      sesion: s.admin,
      cuerpo: { ...alternativa, clave: 'convenio-gracia-10' },
    });
    expect(creada.statusCode).toBe(201);
    const { id: alternativaId, vigente } = creada.json().alternativa;
    expect(vigente.toleranciaDias).toBe(10);

    const c = await credito();
    const r = await t.pedir('POST', '/api/convenios', {
      sesion: s.coordinador,
      cuerpo: {
        creditoId: c.id,
        origen: 'alternativa',
        versionId: vigente.id,
        primerPago: '2024-07-10',
        plazo: 3,
        condiciones: 'Pagos mensuales.',
        firmantes: [c.acreditado],
      },
    });
    expect(r.statusCode).toBe(201);
    const conv = r.json().convenio;
    expect(conv).toMatchObject({ estado: 'autorizado', toleranciaDias: 10 });
    const f = await t.pedir('POST', `/api/convenios/${conv.id}/firma`, {
      sesion: s.gestor,
      cuerpo: {},
      encabezados: { 'idempotency-key': llave() },
    });
    expect(f.statusCode).toBe(200);
    // A later version with no tolerance does not touch the convenio already signed.
    const sinGracia = await t.pedir('PUT', `/api/alternativas/${alternativaId}`, {
      sesion: s.admin,
      cuerpo: { ...alternativa, toleranciaDias: 0 },
    });
    expect(sinGracia.statusCode).toBe(200);
    expect(sinGracia.json().alternativa.vigente.toleranciaDias).toBe(0);
    const fila = await t.base.db
      .selectFrom('convenios')
      .select('tolerancia_dias')
      .where('id', '=', conv.id)
      .executeTakeFirstOrThrow();
    expect(fila.tolerancia_dias).toBe(10);

    // 10/07 + 10 days: on the 20th the unpaid promise is still pending; on the 21st, broken.
    await fijar('2024-07-20');
    expect((await revisar()).json().incumplidos).not.toContain(conv.id);
    const pendiente = await t.pedir('GET', `/api/convenios/${conv.id}`, { sesion: s.gestor });
    expect(pendiente.json().convenio).toMatchObject({ estado: 'firmado' });
    expect(pendiente.json().convenio.promesas[0]).toMatchObject({
      fecha: '2024-07-10',
      estado: 'pendiente',
    });
    await fijar('2024-07-21');
    expect((await revisar()).json().incumplidos).toContain(conv.id);
    const despues = await t.pedir('GET', `/api/convenios/${conv.id}`, { sesion: s.gestor });
    expect(despues.json().convenio).toMatchObject({
      estado: 'incumplido',
      cerradoEl: '2024-07-21',
    });
    expect(despues.json().convenio.promesas[0].estado).toBe('incumplida');
  });
});

describe('propiedad: lo que firma el convenio es lo que registran los pagos', () => {
  it('pagar cada promesa en su fecha cumple el convenio y deja el crédito liquidado', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 25 }),
        fc.integer({ min: 1, max: 3 }),
        async (dias, plazo) => {
          const primerPago = new Date(Date.UTC(2024, 5, 30 + dias)).toISOString().slice(0, 10);
          const c = await credito();
          const conv = await convenioFirmado(c, primerPago, plazo);
          expect(conv.promesas).toHaveLength(plazo);
          for (const p of conv.promesas) {
            await fijar(p.fecha);
            const pago = await t.pedir('POST', `/api/creditos/${c.id}/pagos`, {
              sesion: s.gestor,
              cuerpo: { monto: p.monto, canal: 'banco', referencia: `conv-${conv.id}` },
              encabezados: { 'idempotency-key': llave() },
            });
            expect(pago.statusCode).toBe(201);
          }
          expect((await revisar()).json().cumplidos).toContain(conv.id);
          const ultima = conv.promesas.at(-1)?.fecha ?? '';
          const e = await estado(c.id, ultima);
          expect(e.situacion).toBe('liquidado');
          expect(e.saldo_a_favor).toBe('0.00');
        },
      ),
      { numRuns: Number(process.env.PROPIEDADES_CORRIDAS_BD ?? 6), examples: [[0, 1]] },
    );
  }, 120_000);
});
