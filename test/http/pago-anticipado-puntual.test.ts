import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calcularCaso, puntualidadAJson } from '../../src/domain/estado-de-cuenta/index.ts';
import type { Fecha } from '../../src/domain/fecha.ts';
import { generarReferencia } from '../../src/domain/referencia.ts';
import { calcularEstado } from '../../src/modules/cartera/calcular-estado.ts';
import { cargarCredito } from '../../src/modules/cartera/cargar-credito.ts';
import { type AppDePrueba, crearAppDePrueba, type Sesion } from '../soporte/app-de-prueba.ts';
import { type CasoEntrada, casoPublicado, guardarCaso } from '../soporte/fabricas.ts';
import { textoDePdf } from '../soporte/pdf.ts';

/**
 * Issue 3: paying a few days early with the default excedente keeps the punctual rate. Case 16's
 * credit (6% ordinary, 3% punctual, $1,000.00 a month) with only its first, punctual payment:
 * amortización 2 falls due on 2025-03-01 and will require $1,000.00 + $11.67 of interest at 3%.
 */
const publicado = casoPublicado('puntualidad/16-pierde-y-recupera-la-tasa-puntual.json');
const caso: CasoEntrada = {
  ...publicado,
  movimientos: (publicado.movimientos ?? []).filter((m) => m.id === 'P1'),
};
const PAGO_ANTICIPADO = '2025-02-26';
const MENSAJE =
  'Se guardan $1,011.67 como pago adelantado para la amortización 2 del 01/03/2025, para conservar la tasa puntual; el resto, $488.33, reduce el plazo.';

let t: AppDePrueba;
let gestor: Sesion;
let contabilidad: Sesion;
let n = 0;
const clave = () => `anticipado-${Date.now()}-${n++}`;

beforeAll(async () => {
  t = await crearAppDePrueba();
  gestor = await t.entrar('gestor');
  contabilidad = await t.entrar('contabilidad');
});
afterAll(() => t.cerrar());

const hoy = (fecha: string) => t.reloj.fijar(`${fecha}T18:00:00Z`);
const pagar = (creditoId: number, cuerpo: unknown, llave = clave()) =>
  t.pedir('POST', `/api/creditos/${creditoId}/pagos`, {
    sesion: gestor,
    cuerpo,
    encabezados: { 'idempotency-key': llave },
  });
const filas = (creditoId: number) =>
  t.base.db
    .selectFrom('movimientos')
    .select([
      'id',
      'tipo',
      'monto_centavos',
      'excedente',
      'parte_de',
      'cancela_id',
      'clave_externa',
    ])
    .where('credito_id', '=', creditoId)
    .orderBy('id')
    .execute();
/** R9 as the engine states it on a date, from the stored rows. */
const puntualidadAl = async (creditoId: number, fecha: string) =>
  puntualidadAJson(calcularEstado(await cargarCredito(t.base.db, creditoId), fecha as Fecha));

describe('un pago 3 días antes de un vencimiento, con el excedente por omisión', () => {
  it('sin la regla, el mismo pago reduciendo el plazo perdería la tasa puntual del periodo siguiente', () => {
    const r = calcularCaso({
      ...caso,
      fecha_corte: '2025-03-10',
      movimientos: [
        ...(caso.movimientos ?? []),
        { id: 'P', tipo: 'pago', fecha: PAGO_ANTICIPADO, monto: '1500.00' },
      ],
    });
    if (!r.ok) throw new Error(r.error.mensaje);
    expect(puntualidadAJson(r.valor)?.periodo_abierto).toEqual({
      puntual: false,
      debia_la_amortizacion: 2,
    });
  });

  it('guarda lo que pide el vencimiento como adelanto, lo dice, y conserva la tasa puntual', async () => {
    const credito = await guardarCaso(t.base.db, caso);
    hoy(PAGO_ANTICIPADO);
    const previa = await t.pedir('POST', `/api/creditos/${credito.id}/pagos/vista-previa`, {
      sesion: gestor,
      cuerpo: { monto: '1500.00' },
    });
    expect(previa.statusCode).toBe(200);
    expect(previa.json().anticipoPuntual).toBe(MENSAJE);

    const llave = clave();
    const cuerpo = { monto: '1500.00', canal: 'caja', referencia: 'CAJA-2026' };
    const r = await pagar(credito.id, cuerpo, llave);
    expect(r.statusCode).toBe(201);
    const pago = r.json();
    expect(pago.anticipoPuntual).toBe(MENSAJE);
    expect(pago.movimiento).toMatchObject({ monto: '1500.00', excedente: 'reducir_plazo' });
    expect(pago.partes).toMatchObject([
      { id: pago.movimiento.id, monto: '488.33', excedente: 'reducir_plazo' },
      { monto: '1011.67', excedente: 'adelantar' },
    ]);
    // One payment for the person: the whole 1,500.00, applied as the preview said.
    expect(pago.aplicacion.monto).toBe('1500.00');
    expect({ ...pago.aplicacion, id: 'x' }).toEqual({ ...previa.json().aplicacion, id: 'x' });
    const guardadas = (await filas(credito.id)).slice(1);
    expect(guardadas).toMatchObject([
      { monto_centavos: 48_833, excedente: 'reducir_plazo', parte_de: null },
      { monto_centavos: 101_167, excedente: 'adelantar', parte_de: pago.movimiento.id },
    ]);

    // The replay answers the same, posting nothing.
    const otra = await pagar(credito.id, cuerpo, llave);
    expect(otra.statusCode).toBe(201);
    expect(otra.headers['idempotent-replayed']).toBe('true');
    expect(otra.body).toBe(r.body);
    expect(await filas(credito.id)).toHaveLength(3);

    // After the due date: amortización 2 paid on its date, the next period at 3%.
    const despues = await puntualidadAl(credito.id, '2025-03-10');
    expect(despues?.periodo_abierto).toEqual({ puntual: true, debia_la_amortizacion: null });
    const estado = calcularEstado(
      await cargarCredito(t.base.db, credito.id),
      '2025-03-10' as Fecha,
    );
    expect(estado.amortizaciones[1]?.estado).toBe('pagada');
    expect(estado.capitalInsoluto).toBe(500_000 - 100_000 - 48_833);

    // The receipt and the corte de caja show one payment with its total.
    hoy('2025-03-10');
    const recibo = await t.pedir('GET', `/api/movimientos/${pago.partes[1].id}/recibo.pdf`, {
      sesion: gestor,
    });
    expect(recibo.statusCode).toBe(200);
    const texto = textoDePdf(recibo.rawPayload);
    expect(texto).toContain(`Folio ${pago.movimiento.id}`);
    expect(texto).toContain('$1,500.00');
    const corte = await t.pedir('GET', `/api/caja/corte?fecha=${PAGO_ANTICIPADO}`, {
      sesion: contabilidad,
    });
    expect(corte.statusCode).toBe(200);
    const delCredito = corte
      .json()
      .lineas.filter((p: { creditoId: number }) => p.creditoId === credito.id);
    expect(delCredito).toMatchObject([{ folio: pago.movimiento.id, monto: '1500.00' }]);
  });

  it('cancelar el pago cancela todas sus partes', async () => {
    const credito = await guardarCaso(t.base.db, caso);
    hoy(PAGO_ANTICIPADO);
    const pago = (
      await pagar(credito.id, { monto: '1500.00', canal: 'banco', referencia: 'X-1' })
    ).json();
    hoy('2025-02-27');
    // Naming the kept part cancels the whole payment too.
    const r = await t.pedir('POST', `/api/movimientos/${pago.partes[1].id}/cancelacion`, {
      sesion: contabilidad,
      cuerpo: { motivo: 'Se capturó en el crédito equivocado' },
      encabezados: { 'idempotency-key': clave() },
    });
    expect(r.statusCode).toBe(201);
    expect(r.json().cancelacion.cancela).toBe(pago.movimiento.id);
    expect(r.json().partes).toMatchObject([{ cancela: pago.partes[1].id }]);
    const cancelaciones = (await filas(credito.id)).filter((f) => f.tipo === 'cancelacion');
    expect(cancelaciones.map((f) => f.cancela_id)).toEqual(
      pago.partes.map((p: { id: number }) => p.id),
    );
    expect(r.json().estado.aplicaciones.map((a: { id: string }) => a.id)).toEqual([
      String((await filas(credito.id))[0]?.id),
    ]);
  });

  it('un pago que no excede lo que pide el vencimiento se guarda entero como adelanto, en un solo movimiento', async () => {
    const credito = await guardarCaso(t.base.db, caso);
    hoy(PAGO_ANTICIPADO);
    const r = await pagar(credito.id, { monto: '1011.67', canal: 'caja', referencia: 'C-2' });
    expect(r.statusCode).toBe(201);
    expect(r.json().partes).toMatchObject([{ monto: '1011.67', excedente: 'adelantar' }]);
    expect(r.json().anticipoPuntual).toBe(
      'Se guardan $1,011.67 como pago adelantado para la amortización 2 del 01/03/2025, para conservar la tasa puntual.',
    );
    expect((await puntualidadAl(credito.id, '2025-03-10'))?.periodo_abierto?.puntual).toBe(true);
  });

  it('con fondos retenidos que ya cubren el vencimiento, el pago no se los lleva a reducir el plazo', async () => {
    const retenido = {
      ...caso,
      movimientos: [
        ...(caso.movimientos ?? []),
        { id: 'A', tipo: 'pago', fecha: '2025-02-10', monto: '1011.67', excedente: 'adelantar' },
      ],
    };
    // Restar lo retenido y reducir el plazo con todo: el pago se lleva lo retenido (R7).
    const r = calcularCaso({
      ...retenido,
      fecha_corte: '2025-03-10',
      movimientos: [
        ...retenido.movimientos,
        { id: 'P', tipo: 'pago', fecha: PAGO_ANTICIPADO, monto: '500.00' },
      ],
    });
    if (!r.ok) throw new Error(r.error.mensaje);
    expect(puntualidadAJson(r.valor)?.periodo_abierto?.puntual).toBe(false);

    const credito = await guardarCaso(t.base.db, retenido);
    hoy(PAGO_ANTICIPADO);
    const pago = await pagar(credito.id, { monto: '500.00', canal: 'caja', referencia: 'C-5' });
    expect(pago.json().partes).toMatchObject([{ monto: '500.00', excedente: 'adelantar' }]);
    expect((await puntualidadAl(credito.id, '2025-03-10'))?.periodo_abierto?.puntual).toBe(true);
  });

  it('fuera de la ventana, o sin tasa puntual, el pago se registra como siempre', async () => {
    const lejos = await guardarCaso(t.base.db, caso);
    hoy('2025-02-15');
    const r = await pagar(lejos.id, { monto: '1500.00', canal: 'caja', referencia: 'C-3' });
    expect(r.json()).toMatchObject({ anticipoPuntual: null, partes: [{ monto: '1500.00' }] });

    const sinR9 = await guardarCaso(t.base.db, {
      ...caso,
      producto: { ...caso.producto, tasa_puntual_anual: undefined },
    } as CasoEntrada);
    hoy(PAGO_ANTICIPADO);
    const s = await pagar(sinR9.id, { monto: '1500.00', canal: 'caja', referencia: 'C-4' });
    expect(s.json()).toMatchObject({
      anticipoPuntual: null,
      partes: [{ monto: '1500.00', excedente: 'reducir_plazo' }],
    });
  });
});

describe('un depósito del estado de cuenta bancario 3 días antes del vencimiento', () => {
  it('se asienta en dos partes con la clave del banco en la primera; importarlo otra vez no lo repite', async () => {
    const credito = await guardarCaso(t.base.db, caso);
    hoy('2025-03-02');
    const csv = [
      'fecha,referencia,importe,folio_banco,concepto',
      `26/02/2025,${generarReferencia(credito.id)},"1,500.00",F-PUNTUAL-${credito.id},DEPOSITO`,
    ].join('\r\n');
    const importar = () =>
      t.pedir('POST', '/api/conciliacion/estados-bancarios', {
        sesion: contabilidad,
        cuerpo: csv,
        encabezados: {
          'content-type': 'text/csv; charset=utf-8',
          'x-nombre-archivo': 'estado-febrero.csv',
          'idempotency-key': clave(),
        },
      });
    const r = await importar();
    expect(r.statusCode).toBe(201);
    expect(r.json().importacion).toMatchObject({ registrados: 1, totalRegistrado: '1500.00' });
    const [, resto, adelanto] = await filas(credito.id);
    expect(resto).toMatchObject({
      monto_centavos: 48_833,
      excedente: 'reducir_plazo',
      clave_externa: `banco:F-PUNTUAL-${credito.id}`,
      parte_de: null,
    });
    expect(adelanto).toMatchObject({
      monto_centavos: 101_167,
      excedente: 'adelantar',
      clave_externa: null,
      parte_de: resto?.id,
    });
    expect(r.json().registrados[0].movimientoId).toBe(resto?.id);
    expect((await puntualidadAl(credito.id, '2025-03-02'))?.periodo_abierto?.puntual).toBe(true);

    const otra = await importar();
    expect(otra.json().importacion).toMatchObject({ registrados: 0, yaRegistrados: 1 });
    expect(await filas(credito.id)).toHaveLength(3);
  });
});
