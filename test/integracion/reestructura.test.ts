import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Fecha } from '../../src/domain/fecha.ts';
import { calcularAntiguedad } from '../../src/modules/cartera/calcular-antiguedad.ts';
import { importarCartera } from '../../src/modules/importacion/importar-cartera.ts';
import { leerLibro } from '../../src/modules/importacion/leer-libro.ts';
import { type AppDePrueba, crearAppDePrueba, type Sesion } from '../soporte/app-de-prueba.ts';
import { casoPublicado, guardarCaso } from '../soporte/fabricas.ts';

// 121 days late on 30/06/2024 (117.95 of moratorium). The reestructura forgives half the
// moratorium and turns the rest of the debt into a new credit at 6 % a year.
const caso = casoPublicado('01-pago-parcial-con-atraso.json');
const HOY = '2024-06-30';

let t: AppDePrueba;
const s: Record<string, Sesion> = {};
const versiones = new Map<string, number>();
let clave = 0;

async function fijar(fecha: string, usuarios = ['gestor', 'coordinador']) {
  t.reloj.fijar(`${fecha}T18:00:00Z`);
  for (const u of usuarios) s[u] = await t.entrar(u);
}
const llave = () => `prueba-${++clave}-reestructura`;

beforeAll(async () => {
  t = await crearAppDePrueba();
  await fijar(HOY, ['admin', 'gestor', 'coordinador', 'contabilidad']);
  const alternativas = [
    {
      clave: 'reestructura-con-descuento',
      tipo: 'reestructura',
      nombre: 'Reestructura con descuento',
      vigenteDesde: HOY,
      parametros: {
        plazoMaximoMeses: 12,
        tasaOrdinariaAnual: '0.06',
        descuentoMoratorio: '0.50',
        descuentoInteres: '0',
      },
      elegibilidad: { diasAtrasoMinimo: 90 },
    },
    {
      clave: 'pagos-sin-atraso',
      tipo: 'convenio_de_pagos',
      nombre: 'Convenio de pagos sin atraso mínimo',
      vigenteDesde: HOY,
      parametros: {
        pagosMaximos: 3,
        congelaMoratorio: false,
        descuentoMoratorio: '0',
        descuentoInteres: '0',
      },
    },
  ];
  for (const cuerpo of alternativas) {
    const r = await t.pedir('POST', '/api/alternativas', { sesion: s.admin, cuerpo });
    expect(r.statusCode).toBe(201);
  }
  const c = await guardarCaso(t.base.db, caso, { oficina: 'HMO' });
  const r = await t.pedir('POST', '/api/simulaciones', {
    sesion: s.gestor,
    cuerpo: { creditoId: c.id },
  });
  for (const o of r.json().ofertas as Array<{ clave: string; versionId: number }>)
    versiones.set(o.clave, o.versionId);
});
afterAll(() => t.cerrar());

async function credito() {
  const c = await guardarCaso(t.base.db, caso, { oficina: 'HMO' });
  const p = await t.base.db
    .selectFrom('participantes_credito')
    .select('persona_id')
    .where('credito_id', '=', c.id)
    .executeTakeFirstOrThrow();
  return { id: c.id, numero: c.numero, acreditado: p.persona_id };
}

interface Promesa {
  creditoId: number;
  numero: number;
  fecha: string;
  monto: string;
}
interface ConvenioFirmado {
  id: number;
  promesas: Promesa[];
  creditosNuevos: Array<{ id: number; numero: string; reestructuraDe: number }>;
}
interface OfertaGuardada {
  creditos: Array<{
    creditoId: number;
    pagos: Array<{ numero: number; fecha: string; monto: string }>;
    reestructura: {
      principal: string;
      amortizaciones: Array<{ numero: number; fecha: string; capital: string }>;
    };
  }>;
}

/** Proposed by the coordinador (within the matrix: authorized at once), signed by the gestor. */
async function reestructuraFirmada(
  c: { id: number; acreditado: number },
  primerPago = '2024-07-30',
  plazo = 6,
) {
  await fijar(HOY);
  const r = await t.pedir('POST', '/api/convenios', {
    sesion: s.coordinador,
    cuerpo: {
      creditoId: c.id,
      origen: 'alternativa',
      versionId: versiones.get('reestructura-con-descuento'),
      primerPago,
      plazo,
      condiciones: 'El saldo se documenta en un pagaré nuevo.',
      firmantes: [c.acreditado],
    },
  });
  expect(r.statusCode).toBe(201);
  const id = r.json().convenio.id as number;
  expect(r.json().convenio.estado).toBe('autorizado');
  const f = await t.pedir('POST', `/api/convenios/${id}/firma`, {
    sesion: s.gestor,
    cuerpo: {},
    encabezados: { 'idempotency-key': llave() },
  });
  expect(f.statusCode, f.body).toBe(200);
  const fila = await t.base.db
    .selectFrom('convenios')
    .select('oferta')
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  const oferta = (fila.oferta as OfertaGuardada).creditos.find((o) => o.creditoId === c.id);
  if (!oferta) throw new Error('la oferta no trae el crédito');
  return { convenio: f.json().convenio as ConvenioFirmado, oferta };
}

const estado = async (id: number, fecha: string) => {
  const r = await t.pedir('GET', `/api/creditos/${id}/estado-de-cuenta?fecha=${fecha}`, {
    sesion: s.gestor,
  });
  expect(r.statusCode).toBe(200);
  return r.json();
};

const revisar = () =>
  t.pedir('POST', '/api/convenios/revision', {
    sesion: s.coordinador,
    cuerpo: {},
    encabezados: { 'idempotency-key': llave() },
  });

const movimientos = (creditoId: number) =>
  t.base.db
    .selectFrom('movimientos')
    .select(['id', 'tipo', 'fecha', 'monto_centavos', 'concepto', 'canal', 'referencia'])
    .where('credito_id', '=', creditoId)
    .orderBy('id')
    .execute();

const centavos = (pesos: string) => Math.round(Number(pesos) * 100);

describe('firmar una reestructura', () => {
  it('cierra el crédito anterior con un pago de cierre y crea el nuevo con su tasa, calendario y pagaré', async () => {
    const c = await credito();
    const { convenio, oferta } = await reestructuraFirmada(c);
    const r = oferta.reestructura;
    expect(convenio.creditosNuevos).toHaveLength(1);
    const nuevo = convenio.creditosNuevos[0] ?? { id: 0, numero: '' };
    expect(nuevo).toEqual({ id: nuevo.id, numero: `${c.numero}-R`, reestructuraDe: c.id });
    // The promises follow the new credit: they are its amortizaciones' payments.
    expect(convenio.promesas.map((p) => p.creditoId)).toEqual(r.amortizaciones.map(() => nuevo.id));
    expect(convenio.promesas.map(({ numero, fecha, monto }) => ({ numero, fecha, monto }))).toEqual(
      oferta.pagos,
    );

    const anterior = (await t.pedir('GET', `/api/creditos/${c.id}`, { sesion: s.gestor })).json();
    expect(anterior).toMatchObject({
      estado: 'reestructurado',
      reestructuraDe: null,
      reestructuradoEn: { id: nuevo.id, numero: nuevo.numero },
      tasaOrdinariaPactada: null,
    });
    // Settled on the convenio's date by the closing payment, to the centavo, and still today.
    for (const fecha of [HOY, '2024-12-31']) {
      expect(await estado(c.id, fecha)).toMatchObject({
        situacion: 'liquidado',
        saldo_para_liquidar: '0.00',
        saldo_a_favor: '0.00',
        pagos_adelantados: '0.00',
      });
    }
    const libro = await movimientos(c.id);
    expect(libro.slice(-2)).toEqual([
      expect.objectContaining({ tipo: 'condonacion', concepto: 'moratorio', fecha: HOY }),
      expect.objectContaining({
        tipo: 'pago',
        fecha: HOY,
        monto_centavos: centavos(r.principal),
        canal: 'reestructura',
        referencia: nuevo.numero,
      }),
    ]);

    // The debtor's ficha links both ways too, with the agreed rate of the new one.
    const deudor = await t.pedir('GET', `/api/personas/${c.acreditado}/ficha`, {
      sesion: s.gestor,
    });
    expect(deudor.json().creditos).toHaveLength(2);
    expect(deudor.json().creditos).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          id: c.id,
          estado: 'reestructurado',
          tasaOrdinariaPactada: null,
          reestructuraDe: null,
          reestructuradoEn: { id: nuevo.id, numero: nuevo.numero },
        }),
        expect.objectContaining({
          id: nuevo.id,
          estado: 'activo',
          tasaOrdinariaPactada: '0.06000000',
          reestructuraDe: { id: c.id, numero: c.numero },
          reestructuradoEn: null,
        }),
      ]),
    );

    const ultima = r.amortizaciones.at(-1)?.fecha;
    const vista = (await t.pedir('GET', `/api/creditos/${nuevo.id}`, { sesion: s.gestor })).json();
    expect(vista).toMatchObject({
      numero: nuevo.numero,
      estado: 'activo',
      oficina: anterior.oficina,
      fechaInicioInteres: HOY,
      tasaOrdinariaPactada: '0.06000000',
      producto: {
        clave: anterior.producto.clave,
        tasaOrdinariaAnual: '0.06000000',
        tasaMoratoriaAnual: anterior.producto.tasaMoratoriaAnual,
      },
      reestructuraDe: { id: c.id, numero: c.numero },
      reestructuradoEn: null,
      participantes: [{ personaId: c.acreditado, rol: 'acreditado' }],
      ministraciones: [
        {
          numero: 1,
          fecha: HOY,
          monto: r.principal,
          periodoEscolar: 'Reestructura',
          pagare: nuevo.numero,
          vencimientoPagare: ultima,
        },
      ],
    });
    const amortizaciones = await t.base.db
      .selectFrom('amortizaciones')
      .select(['numero', 'fecha', 'capital_centavos'])
      .where('credito_id', '=', nuevo.id)
      .orderBy('numero')
      .execute();
    expect(amortizaciones).toEqual(
      r.amortizaciones.map((a) => ({
        numero: a.numero,
        fecha: a.fecha,
        capital_centavos: centavos(a.capital),
      })),
    );
    expect(await estado(nuevo.id, HOY)).toMatchObject({
      situacion: 'al_corriente',
      capital_insoluto: r.principal,
      saldo_para_liquidar: r.principal,
    });

    // The old credit takes no more money, and the novation is not undone.
    const pago = await t.pedir('POST', `/api/creditos/${c.id}/pagos`, {
      sesion: s.gestor,
      cuerpo: { monto: '100.00', canal: 'caja', referencia: 'R-1' },
      encabezados: { 'idempotency-key': llave() },
    });
    expect(pago.statusCode).toBe(422);
    expect(pago.json().error.mensaje).toMatch(/reestructurado/);
    const cierre = libro.at(-1)?.id;
    const cancelar = await t.pedir('POST', `/api/movimientos/${cierre}/cancelacion`, {
      sesion: s.coordinador,
      cuerpo: { motivo: 'error' },
      encabezados: { 'idempotency-key': llave() },
    });
    expect(cancelar.statusCode).toBe(409);
    const finiquito = await t.pedir('POST', `/api/creditos/${c.id}/carta-finiquito`, {
      sesion: s.coordinador,
      cuerpo: {},
    });
    expect(finiquito.statusCode).toBe(409);
    // Nor a ficha de pago: a deposit with its reference would be refused; it names the new one.
    const ficha = await t.pedir('GET', `/api/creditos/${c.id}/ficha-de-pago.pdf`, {
      sesion: s.gestor,
    });
    expect(ficha.statusCode).toBe(409);
    expect(ficha.json().error.mensaje).toBe(
      `El crédito fue reestructurado: su adeudo sigue en el crédito ${nuevo.numero}; emite la ficha de pago de ese crédito.`,
    );
    const fichaNueva = await t.pedir('GET', `/api/creditos/${nuevo.id}/ficha-de-pago.pdf`, {
      sesion: s.gestor,
    });
    expect(fichaNueva.statusCode).toBe(200);

    // No money was received: the day's cash leaves the closing payment out.
    const corte = await t.pedir('GET', `/api/caja/corte?fecha=${HOY}`, {
      sesion: s.contabilidad,
    });
    expect(corte.statusCode).toBe(200);
    expect(
      (corte.json().lineas as Array<{ creditoId: number; canal: string }>).filter(
        (p) => p.creditoId === c.id || p.canal === 'reestructura',
      ),
    ).toEqual([]);

    // The nightly aging does not reopen the closed credit.
    const antiguedad = await t.base.db
      .transaction()
      .execute((trx) => calcularAntiguedad(trx, HOY as Fecha, { reloj: t.reloj, ip: null }));
    expect(antiguedad.conError).toEqual([]);
    const estados = await t.base.db
      .selectFrom('creditos')
      .select(['id', 'estado'])
      .where('id', 'in', [c.id, nuevo.id])
      .orderBy('id')
      .execute();
    expect(estados).toEqual([
      { id: c.id, estado: 'reestructurado' },
      { id: nuevo.id, estado: 'activo' },
    ]);

    // The reestructura lives on in the new credit: no second convenio while it runs.
    const otro = await t.pedir('POST', '/api/convenios', {
      sesion: s.coordinador,
      cuerpo: {
        creditoId: nuevo.id,
        origen: 'alternativa',
        versionId: versiones.get('pagos-sin-atraso'),
        condiciones: 'Otro.',
        firmantes: [c.acreditado],
      },
    });
    expect(otro.statusCode).toBe(409);
    expect(otro.json().error.mensaje).toContain(`convenio ${convenio.id} en curso`);

    const bitacora = await t.base.db
      .selectFrom('bitacora')
      .select('detalle')
      .where('accion', '=', 'convenio.firmar')
      .where('objeto_id', '=', String(convenio.id))
      .executeTakeFirstOrThrow();
    expect(bitacora.detalle).toMatchObject({
      reestructura: [{ anterior: c.id, nuevo: nuevo.id, numero: nuevo.numero }],
    });
  });

  it('el número nuevo es el primero libre como crédito y como pagaré: -R, -R2, -R3…', async () => {
    const c = await credito();
    // «-R» is another credit's number, «-R2» another credit's pagaré.
    const ocupaNumero = await credito();
    await t.base.db
      .updateTable('creditos')
      .set({ numero: `${c.numero}-R` })
      .where('id', '=', ocupaNumero.id)
      .execute();
    const ocupaPagare = await credito();
    await t.base.db
      .updateTable('ministraciones')
      .set({ pagare_numero: `${c.numero}-R2` })
      .where('credito_id', '=', ocupaPagare.id)
      .execute();
    const { convenio } = await reestructuraFirmada(c);
    expect(convenio.creditosNuevos[0]?.numero).toBe(`${c.numero}-R3`);
  });

  it('incumplir una reestructura deja cerrado el crédito anterior; el crédito nuevo va a la cola', async () => {
    const c = await credito();
    const { convenio } = await reestructuraFirmada(c);
    const nuevo = convenio.creditosNuevos[0]?.id ?? 0;
    const antes = await movimientos(c.id);
    // 30/07 + 5 days of tolerance: broken on 4/08.
    await fijar('2024-08-05');
    const r = await revisar();
    expect(r.statusCode).toBe(200);
    // (The reestructuras of the tests above were not paid either.)
    expect(r.json().incumplidos).toContain(convenio.id);
    const despues = await t.pedir('GET', `/api/convenios/${convenio.id}`, { sesion: s.gestor });
    expect(despues.json().convenio.estado).toBe('incumplido');
    // The novation stands: nothing was cancelled on the old credit, which stays settled.
    expect(await movimientos(c.id)).toEqual(antes);
    expect(await estado(c.id, '2024-08-05')).toMatchObject({ situacion: 'liquidado' });
    const anterior = await t.base.db
      .selectFrom('creditos')
      .select('estado')
      .where('id', '=', c.id)
      .executeTakeFirstOrThrow();
    expect(anterior.estado).toBe('reestructurado');
    // The new pagaré governs: its unpaid amortización accrues moratorium by itself.
    const e = await estado(nuevo, '2024-08-05');
    expect(e.situacion).toBe('vencido');
    expect(Number(e.interes_moratorio)).toBeGreaterThan(0);
    const cola = await t.base.db
      .selectFrom('cola_gestor')
      .select(['credito_id', 'fecha'])
      .where('convenio_id', '=', convenio.id)
      .execute();
    expect(cola).toEqual([{ credito_id: nuevo, fecha: '2024-08-05' }]);
  });
});

describe('importar movimientos', () => {
  const encabezado =
    'numero_credito,clave,tipo,fecha,monto,excedente,concepto,cancela_clave,canal,referencia,motivo\n';
  const importar = (filas: string) =>
    t.base.db.transaction().execute(async (trx) =>
      importarCartera(
        trx,
        await leerLibro([
          {
            nombre: 'movimientos.csv',
            contenido: new TextEncoder().encode(`${encabezado}${filas}`),
          },
        ]),
        { reloj: t.reloj, ip: null, actor: null },
      ),
    );

  it('un crédito reestructurado no recibe movimientos importados; el crédito nuevo sí', async () => {
    const c = await credito();
    const { convenio } = await reestructuraFirmada(c);
    const nuevo = convenio.creditosNuevos[0];
    if (!nuevo) throw new Error('la firma no creó el crédito nuevo');
    const antes = await movimientos(c.id);
    const r = await importar(
      `${c.numero},B-2024-0001,pago,${HOY},100.00,,,,banco,,\n${nuevo.numero},B-2024-0002,pago,${HOY},100.00,,,,banco,,\n`,
    );
    expect(r.importado).toBe(false);
    expect(r.errores).toEqual([
      {
        hoja: 'movimientos.csv',
        fila: 2,
        columna: 'numero_credito',
        mensaje: `el crédito ${c.numero} fue reestructurado y ya no recibe movimientos: su adeudo sigue en el crédito ${nuevo.numero}`,
      },
    ]);
    expect(await movimientos(c.id)).toEqual(antes);
    const soloNuevo = await importar(`${nuevo.numero},B-2024-0002,pago,${HOY},100.00,,,,banco,,\n`);
    expect(soloNuevo).toMatchObject({ importado: true, conteos: { movimientos: { nuevos: 1 } } });
  });
});

describe('asignación a través de la reestructura', () => {
  it('el gestor del crédito anterior sigue con el nuevo: el historial cierra uno y abre el otro', async () => {
    const c = await credito();
    const gestor = await t.base.db
      .selectFrom('usuarios')
      .select(['id', 'nombre'])
      .where('usuario', '=', 'gestor')
      .executeTakeFirstOrThrow();
    const asignar = await t.pedir('PUT', `/api/creditos/${c.id}/gestor`, {
      sesion: s.coordinador,
      cuerpo: { gestorId: gestor.id },
    });
    expect(asignar.statusCode).toBe(200);
    const { convenio } = await reestructuraFirmada(c);
    const nuevo = convenio.creditosNuevos[0] ?? { id: 0 };
    const historial = async (id: number) =>
      (await t.pedir('GET', `/api/creditos/${id}/asignaciones`, { sesion: s.coordinador })).json()
        .asignaciones as Array<{ gestor: { id: number }; hasta: string | null }>;
    const delNuevo = await historial(nuevo.id);
    expect(delNuevo).toHaveLength(1);
    expect(delNuevo[0]).toMatchObject({ gestor: { id: gestor.id }, hasta: null });
    const delAnterior = await historial(c.id);
    expect(delAnterior.every((a) => a.hasta !== null)).toBe(true);
  });
});

describe('propiedad: el crédito nuevo es el plan del simulador', () => {
  it('en cada fecha se debe lo prometido; pagarlo cumple el convenio y liquida el crédito nuevo', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 31 }),
        fc.integer({ min: 1, max: 6 }),
        async (dias, plazo) => {
          const primerPago = new Date(Date.UTC(2024, 5, 30 + dias)).toISOString().slice(0, 10);
          const c = await credito();
          const { convenio, oferta } = await reestructuraFirmada(c, primerPago, plazo);
          const nuevo = convenio.creditosNuevos[0]?.id ?? 0;
          expect(convenio.promesas).toHaveLength(oferta.reestructura.amortizaciones.length);
          for (const p of convenio.promesas) {
            await fijar(p.fecha, ['gestor']);
            // What the stored credit owes on the date is exactly the simulator's payment.
            const e = await estado(nuevo, p.fecha);
            expect(e.saldo_exigible).toBe(p.monto);
            const pago = await t.pedir('POST', `/api/creditos/${nuevo}/pagos`, {
              sesion: s.gestor,
              cuerpo: { monto: p.monto, canal: 'banco', referencia: `conv-${convenio.id}` },
              encabezados: { 'idempotency-key': llave() },
            });
            expect(pago.statusCode).toBe(201);
            expect(pago.json().estado.saldo_exigible).toBe('0.00');
          }
          const ultima = convenio.promesas.at(-1)?.fecha ?? '';
          await fijar(ultima);
          expect((await revisar()).json().cumplidos).toContain(convenio.id);
          expect(await estado(nuevo, ultima)).toMatchObject({
            situacion: 'liquidado',
            saldo_a_favor: '0.00',
          });
        },
      ),
      { numRuns: Number(process.env.PROPIEDADES_CORRIDAS_BD ?? 4), examples: [[30, 1]] },
    );
  }, 180_000);
});
