import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type AppDePrueba, crearAppDePrueba, type Sesion } from '../soporte/app-de-prueba.ts';
import { casoPublicado, guardarCaso } from '../soporte/fabricas.ts';

const caso = casoPublicado('01-pago-parcial-con-atraso.json');

let t: AppDePrueba;
let credito: { id: number; numero: string };
const s: Record<string, Sesion> = {};
let n = 0;
const clave = () => `prueba-${Date.now()}-${n++}`;

beforeAll(async () => {
  t = await crearAppDePrueba();
  t.reloj.fijar('2024-06-30T18:00:00Z');
  for (const u of ['gestor', 'gestor.nogales', 'coordinador', 'contabilidad', 'abogado'])
    s[u] = await t.entrar(u);
});
beforeEach(async () => {
  credito = await guardarCaso(t.base.db, caso, { oficina: 'HMO' });
});
afterAll(() => t.cerrar());

const pagar = (
  cuerpo: unknown,
  opciones: { sesion?: Sesion; llave?: string | null; id?: number } = {},
) =>
  t.pedir('POST', `/api/creditos/${opciones.id ?? credito.id}/pagos`, {
    sesion: opciones.sesion ?? s.gestor,
    cuerpo,
    encabezados: opciones.llave === null ? {} : { 'idempotency-key': opciones.llave ?? clave() },
  });
const movimientos = async () =>
  t.base.db
    .selectFrom('movimientos')
    .select(['id', 'tipo', 'monto_centavos', 'cancela_id'])
    .where('credito_id', '=', credito.id)
    .orderBy('id')
    .execute();
const estado = async () =>
  (
    await t.pedir('GET', `/api/creditos/${credito.id}/estado-de-cuenta`, { sesion: s.gestor })
  ).json();

const pagoValido = { monto: '1500.00', canal: 'banco', referencia: 'BBVA-778812' };

describe('registrar un pago', () => {
  it('la vista previa dice cómo se aplicará, y el pago registrado se aplica igual', async () => {
    const previa = await t.pedir('POST', `/api/creditos/${credito.id}/pagos/vista-previa`, {
      sesion: s.gestor,
      cuerpo: { monto: '1500.00' },
    });
    expect(previa.statusCode).toBe(200);
    expect(await movimientos()).toHaveLength(2);
    const r = await pagar(pagoValido);
    expect(r.statusCode).toBe(201);
    const { aplicacion, movimiento } = r.json();
    expect(movimiento).toMatchObject({
      fecha: '2024-06-30',
      monto: '1500.00',
      canal: 'banco',
      referencia: 'BBVA-778812',
      excedente: 'reducir_plazo',
    });
    expect({ ...aplicacion, id: 'x' }).toEqual({ ...previa.json().aplicacion, id: 'x' });
    const partes = ['moratorio', 'interes', 'capital', 'adelantado', 'a_favor'].reduce(
      (suma, k) => suma + Math.round(Number(aplicacion[k]) * 100),
      0,
    );
    expect(partes).toBe(150_000);
    expect(await movimientos()).toHaveLength(3);
    expect((await estado()).aplicaciones.at(-1)).toMatchObject({
      id: String(movimiento.id),
      monto: '1500.00',
    });
  });

  it('la vista previa avisa de un pago vigente con la misma fecha y monto; uno cancelado no cuenta', async () => {
    const previa = (monto: string) =>
      t.pedir('POST', `/api/creditos/${credito.id}/pagos/vista-previa`, {
        sesion: s.gestor,
        cuerpo: { monto },
      });
    expect((await previa('1500.00')).json().pagosParecidos).toEqual([]);
    const { movimiento } = (await pagar(pagoValido)).json();
    expect((await previa('1500.00')).json().pagosParecidos).toEqual([
      {
        movimientoId: movimiento.id,
        fecha: '2024-06-30',
        monto: '1500.00',
        canal: 'banco',
        referencia: 'BBVA-778812',
      },
    ]);
    expect((await previa('1500.01')).json().pagosParecidos).toEqual([]);
    const cancelacion = await t.pedir('POST', `/api/movimientos/${movimiento.id}/cancelacion`, {
      sesion: s.coordinador,
      cuerpo: { motivo: 'Se capturó dos veces.' },
      encabezados: { 'idempotency-key': clave() },
    });
    expect(cancelacion.statusCode).toBe(201);
    expect((await previa('1500.00')).json().pagosParecidos).toEqual([]);
  });

  it('la misma Idempotency-Key devuelve la primera respuesta y no registra otra vez', async () => {
    const llave = clave();
    const primera = await pagar(pagoValido, { llave });
    const segunda = await pagar(pagoValido, { llave });
    expect(segunda.statusCode).toBe(201);
    expect(segunda.headers['idempotent-replayed']).toBe('true');
    expect(segunda.json()).toEqual(primera.json());
    expect((await movimientos()).filter((m) => m.tipo === 'pago')).toHaveLength(3);
  });

  it('la misma clave con otro cuerpo es un 409 y no registra nada', async () => {
    const llave = clave();
    await pagar(pagoValido, { llave });
    const otra = await pagar({ ...pagoValido, monto: '99.00' }, { llave });
    expect(otra.statusCode).toBe(409);
    expect(otra.json().error).toMatchObject({
      codigo: 'idempotencia_conflicto',
      campo: 'Idempotency-Key',
    });
    expect(await movimientos()).toHaveLength(3);
  });

  it('20 envíos simultáneos idénticos registran exactamente un pago', async () => {
    const llave = clave();
    const respuestas = await Promise.all(
      Array.from({ length: 20 }, () => pagar(pagoValido, { llave })),
    );
    expect(respuestas.map((r) => r.statusCode)).toEqual(Array(20).fill(201));
    const cuerpos = new Set(respuestas.map((r) => r.body));
    expect(cuerpos.size).toBe(1);
    expect((await movimientos()).filter((m) => m.tipo === 'pago')).toHaveLength(3);
  });

  it('pagos simultáneos con claves distintas al mismo crédito se serializan y todos cuentan', async () => {
    const respuestas = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        pagar({ ...pagoValido, monto: '100.00', referencia: `R-${i}` }),
      ),
    );
    expect(respuestas.every((r) => r.statusCode === 201)).toBe(true);
    const e = await estado();
    const nuevas = e.aplicaciones.filter((a: { monto: string }) => a.monto === '100.00');
    expect(nuevas).toHaveLength(10);
    for (const a of nuevas) {
      const total = ['moratorio', 'interes', 'capital', 'adelantado', 'a_favor'].reduce(
        (suma, k) => suma + Math.round(Number(a[k]) * 100),
        0,
      );
      expect(total).toBeGreaterThanOrEqual(10_000);
    }
  });
});

describe('entrada inválida: nada se registra', () => {
  const casos: Array<[string, unknown, Record<string, string> | null, number, string]> = [
    ['sin Idempotency-Key', pagoValido, null, 400, 'Idempotency-Key'],
    ['monto como número JSON', { ...pagoValido, monto: 1500 }, {}, 400, 'monto'],
    ['monto cero', { ...pagoValido, monto: '0' }, {}, 400, 'monto'],
    ['monto con tres decimales', { ...pagoValido, monto: '10.005' }, {}, 400, 'monto'],
    ['canal desconocido', { ...pagoValido, canal: 'efectivo' }, {}, 400, 'canal'],
    ['sin referencia', { monto: '10.00', canal: 'caja' }, {}, 400, 'referencia'],
    ['campo desconocido', { ...pagoValido, recibidoPor: 'yo' }, {}, 400, 'recibidoPor'],
    ['fecha futura', { ...pagoValido, fecha: '2024-07-01' }, {}, 422, 'fecha'],
  ];
  for (const [nombre, cuerpo, encabezados, estadoHttp, campo] of casos) {
    it(nombre, async () => {
      const r = await pagar(cuerpo, { llave: encabezados === null ? null : undefined });
      expect(r.statusCode).toBe(estadoHttp);
      expect(r.json().error.campo).toBe(campo);
      expect(r.json().error.mensaje).toMatch(/[a-záéíóúñ]/);
      expect(await movimientos()).toHaveLength(2);
    });
  }

  it('un pago anterior a la última ministración lo rechaza el motor con su mensaje', async () => {
    const r = await pagar({ ...pagoValido, fecha: '2023-08-01' });
    expect(r.statusCode).toBe(422);
    expect(r.json().error.mensaje).toMatch(/^El pago no se puede aplicar: /);
    expect(await movimientos()).toHaveLength(2);
  });
});

describe('autorización de pagos', () => {
  it('un gestor de Nogales no puede pagar un crédito de Hermosillo; el abogado externo no registra pagos', async () => {
    expect((await pagar(pagoValido, { sesion: s['gestor.nogales'] })).statusCode).toBe(403);
    expect((await pagar(pagoValido, { sesion: s.abogado })).statusCode).toBe(403);
    expect(await movimientos()).toHaveLength(2);
  });
});

describe('cancelación (reversión)', () => {
  it('solo coordinación o contabilidad, con motivo; el original se queda y el estado se recalcula', async () => {
    const antes = await estado();
    const pago = (await pagar(pagoValido)).json().movimiento.id as number;
    const cancelar = (sesion: Sesion | undefined, cuerpo: unknown, llave = clave()) =>
      t.pedir('POST', `/api/movimientos/${pago}/cancelacion`, {
        sesion,
        cuerpo,
        encabezados: { 'idempotency-key': llave },
      });

    expect((await cancelar(s.gestor, { motivo: 'Depósito duplicado' })).statusCode).toBe(403);
    expect((await cancelar(s.coordinador, { motivo: 'x' })).json().error.campo).toBe('motivo');
    const r = await cancelar(s.coordinador, { motivo: 'Depósito duplicado' });
    expect(r.statusCode).toBe(201);
    expect(r.json().cancelacion).toMatchObject({ cancela: pago, fecha: '2024-06-30' });

    const despues = await estado();
    expect(despues).toEqual(antes);
    const filas = await movimientos();
    expect(filas.find((m) => m.id === pago)?.tipo).toBe('pago');
    expect(filas.at(-1)).toMatchObject({ tipo: 'cancelacion', cancela_id: pago });

    const otraVez = await cancelar(s.contabilidad, { motivo: 'Depósito duplicado' });
    expect(otraVez.statusCode).toBe(409);
  });
});
