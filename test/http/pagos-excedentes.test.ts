import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Centavos, centavosDesdeTexto, formatearPesos } from '../../src/domain/dinero.ts';
import { generarReferencia } from '../../src/domain/referencia.ts';
import { type AppDePrueba, crearAppDePrueba, type Sesion } from '../soporte/app-de-prueba.ts';
import { casoPublicado, guardarCaso } from '../soporte/fabricas.ts';

// Issue 13, item 3: a capture above what settles the credit, and the same payment typed twice.
const caso = casoPublicado('01-pago-parcial-con-atraso.json');
const CIEN_MILLONES = '100000000.00';

let t: AppDePrueba;
let credito: { id: number; numero: string };
const s: Record<string, Sesion> = {};
let n = 0;
const clave = () => `excedentes-${Date.now()}-${n++}`;

/** The clock at a Hermosillo wall time (UTC−7 all year) and fresh sessions for it. */
async function fijar(instanteUtc: string) {
  t.reloj.fijar(instanteUtc);
  for (const u of ['gestor', 'coordinador', 'contabilidad']) s[u] = await t.entrar(u);
}

beforeAll(async () => {
  t = await crearAppDePrueba();
  await fijar('2024-06-30T18:00:00Z');
});
beforeEach(async () => {
  await fijar('2024-06-30T18:00:00Z');
  credito = await guardarCaso(t.base.db, caso, { oficina: 'HMO' });
});
afterAll(() => t.cerrar());

const pagar = (cuerpo: Record<string, unknown>, quien = 'gestor', llave = clave()) =>
  t.pedir('POST', `/api/creditos/${credito.id}/pagos`, {
    sesion: s[quien],
    cuerpo: { canal: 'banco', referencia: 'BBVA-778812', ...cuerpo },
    encabezados: { 'idempotency-key': llave },
  });
const pagosDelCredito = async (id = credito.id) =>
  t.base.db
    .selectFrom('movimientos')
    .select(['id', 'monto_centavos', 'canal'])
    .where('credito_id', '=', id)
    .where('tipo', '=', 'pago')
    .orderBy('id')
    .execute();
const estado = async (fecha = '2024-06-30', id = credito.id) => {
  const r = await t.pedir('GET', `/api/creditos/${id}/estado-de-cuenta?fecha=${fecha}`, {
    sesion: s.coordinador,
  });
  expect(r.statusCode).toBe(200);
  return r.json();
};
const bitacoraDePagos = async (id = credito.id) => {
  const filas = await t.base.db
    .selectFrom('bitacora')
    .select(['actor_usuario', 'detalle'])
    .where('accion', '=', 'pago.registrar')
    .where('objeto_id', '=', String(id))
    .orderBy('id')
    .execute();
  return filas.map((f) => ({
    actor: f.actor_usuario,
    detalle: f.detalle as Record<string, unknown>,
  }));
};
const centavos = (texto: string) => centavosDesdeTexto(texto) as Centavos;
const pesos = (c: number) => (c / 100).toFixed(2);

describe('un pago mayor que lo que liquida el crédito', () => {
  it('a un gestor se le rechaza con el adeudo en el mensaje, y nada se registra', async () => {
    const debe: string = (await estado()).saldo_para_liquidar;
    const r = await pagar({ monto: CIEN_MILLONES });
    expect(r.statusCode).toBe(422);
    expect(r.json().error).toMatchObject({ codigo: 'excede_adeudo', campo: 'monto' });
    expect(r.json().error.mensaje).toMatch(
      new RegExp(
        `^El crédito debe \\${formatearPesos(centavos(debe))} para liquidar al 30/06/2024; el pago de \\$100,000,000\\.00 lo excede\\. .*pide a un coordinador o a contabilidad`,
      ),
    );
    expect(r.json().error.adeudo).toBe(debe);
    expect(await pagosDelCredito()).toHaveLength(2);
    expect(await bitacoraDePagos()).toEqual([]);
    expect((await estado()).situacion).not.toBe('liquidado');
  });

  it('el gestor no puede autorizarse el excedente él mismo', async () => {
    const r = await pagar({ monto: CIEN_MILLONES, autorizarExcedente: true });
    expect(r.statusCode).toBe(403);
    expect(r.json().error.campo).toBe('autorizarExcedente');
    expect(r.json().error.mensaje).toMatch(/Solo un coordinador o contabilidad puede autorizar/);
    expect(await pagosDelCredito()).toHaveLength(2);
  });

  it('un coordinador que lo autoriza lo registra, y la bitácora dice quién lo autorizó', async () => {
    const debe: string = (await estado()).saldo_para_liquidar;
    const sinMarcar = await pagar({ monto: CIEN_MILLONES }, 'coordinador');
    expect(sinMarcar.statusCode).toBe(422);
    expect(sinMarcar.json().error.mensaje).toMatch(/marca «Autorizo el excedente»/);

    const r = await pagar({ monto: CIEN_MILLONES, autorizarExcedente: true }, 'coordinador');
    expect(r.statusCode).toBe(201);
    const exceso = pesos(centavos(CIEN_MILLONES) - centavos(debe));
    const excedeAdeudo = {
      adeudo: debe,
      exceso,
      autorizadoPor: {
        id: expect.any(Number),
        usuario: 'coordinador',
        nombre: 'Martín Ibarra Núñez',
      },
    };
    expect(r.json().excedeAdeudo).toEqual(excedeAdeudo);
    expect(r.json().estado).toMatchObject({ situacion: 'liquidado', saldo_a_favor: exceso });
    expect(await bitacoraDePagos()).toEqual([
      {
        actor: 'coordinador',
        detalle: expect.objectContaining({ movimiento: r.json().movimiento.id, excedeAdeudo }),
      },
    ]);
  });

  it('contabilidad también puede autorizarlo', async () => {
    const r = await pagar({ monto: '9000.00', autorizarExcedente: true }, 'contabilidad');
    expect(r.statusCode).toBe(201);
    expect(r.json().excedeAdeudo.autorizadoPor.usuario).toBe('contabilidad');
  });

  it('pagar exactamente el saldo para liquidar se admite; un centavo más, no', async () => {
    const debe: string = (await estado()).saldo_para_liquidar;
    const demas = await pagar({ monto: pesos(centavos(debe) + 1) });
    expect(demas.statusCode).toBe(422);
    expect(demas.json().error.codigo).toBe('excede_adeudo');
    expect(demas.json().error.exceso).toBe('0.01');
    expect(await pagosDelCredito()).toHaveLength(2);

    const justo = await pagar({ monto: debe, referencia: 'BBVA-778813' });
    expect(justo.statusCode).toBe(201);
    expect(justo.json().excedeAdeudo).toBeNull();
    expect(justo.json().estado).toMatchObject({ situacion: 'liquidado', saldo_a_favor: '0.00' });
  });

  it('el límite es el adeudo a la fecha del pago, no el de hoy', async () => {
    const hoy: string = (await estado()).saldo_para_liquidar;
    const entonces: string = (await estado('2024-06-10')).saldo_para_liquidar;
    // The debt grows with interest: what is owed today is more than was owed on the 10th.
    expect(centavos(hoy)).toBeGreaterThan(centavos(entonces));
    const r = await pagar({ fecha: '2024-06-10', monto: hoy });
    expect(r.statusCode).toBe(422);
    expect(r.json().error.mensaje).toContain(
      `debe ${formatearPesos(centavos(entonces))} para liquidar al 10/06/2024`,
    );
    expect((await pagar({ fecha: '2024-06-10', monto: entonces })).statusCode).toBe(201);
  });

  it('la vista previa avisa del excedente sin rechazarlo, y dice si quien pregunta lo puede autorizar', async () => {
    const debe: string = (await estado()).saldo_para_liquidar;
    const previa = (quien: string, monto: string) =>
      t.pedir('POST', `/api/creditos/${credito.id}/pagos/vista-previa`, {
        sesion: s[quien],
        cuerpo: { monto },
      });
    const r = await previa('gestor', CIEN_MILLONES);
    expect(r.statusCode).toBe(200);
    expect(r.json().excedeAdeudo).toEqual({
      adeudo: debe,
      exceso: pesos(centavos(CIEN_MILLONES) - centavos(debe)),
      mensaje: expect.stringMatching(
        /^El crédito debe \$[\d,]+\.\d\d para liquidar al 30\/06\/2024; el pago de \$100,000,000\.00 lo excede\./,
      ),
      puedeAutorizar: false,
    });
    expect((await previa('coordinador', CIEN_MILLONES)).json().excedeAdeudo.puedeAutorizar).toBe(
      true,
    );
    expect((await previa('gestor', debe)).json().excedeAdeudo).toBeNull();
    expect(await pagosDelCredito()).toHaveLength(2);
  });
});

describe('los depósitos del banco sí se registran, marcados', () => {
  const csv = (...lineas: string[]) =>
    ['fecha,referencia,importe,folio_banco,concepto', ...lineas].join('\r\n');
  const importar = (texto: string) =>
    t.pedir('POST', '/api/conciliacion/estados-bancarios', {
      sesion: s.contabilidad,
      cuerpo: texto,
      encabezados: {
        'content-type': 'text/csv; charset=utf-8',
        'x-nombre-archivo': 'estado-junio.csv',
        'idempotency-key': clave(),
      },
    });

  it('un depósito mayor que el adeudo se registra (el dinero llegó) y queda marcado en el resultado y la bitácora', async () => {
    const debe: string = (await estado('2024-06-28')).saldo_para_liquidar;
    const folio = `F-EX-${n++}`;
    const r = await importar(
      csv(`28/06/2024,${generarReferencia(credito.id)},"1,000,000.00",${folio},SPEI`),
    );
    expect(r.statusCode).toBe(201);
    const excedeAdeudo = {
      adeudo: debe,
      exceso: pesos(centavos('1000000.00') - centavos(debe)),
      autorizadoPor: null,
    };
    expect(r.json().importacion).toMatchObject({ registrados: 1, excedenAdeudo: 1 });
    expect(r.json().registrados).toEqual([
      expect.objectContaining({ folio, creditoId: credito.id, excedeAdeudo }),
    ]);
    expect(await pagosDelCredito()).toHaveLength(3);
    expect(await bitacoraDePagos()).toEqual([
      { actor: 'contabilidad', detalle: expect.objectContaining({ excedeAdeudo }) },
    ]);
  });

  it('un depósito pendiente asignado a mano también se registra y se marca', async () => {
    const folio = `F-SR-${n++}`;
    const r = await importar(csv(`28/06/2024,,"500,000.00",${folio},sin referencia`));
    const pendiente = r.json().pendientes[0].id as number;
    const asignado = await t.pedir('POST', `/api/conciliacion/pendientes/${pendiente}/asignacion`, {
      sesion: s.contabilidad,
      cuerpo: { creditoId: credito.id },
      encabezados: { 'idempotency-key': clave() },
    });
    expect(asignado.statusCode).toBe(201);
    expect(asignado.json().pago.excedeAdeudo).toMatchObject({ autorizadoPor: null });
    const fila = await t.base.db
      .selectFrom('bitacora')
      .select('detalle')
      .where('accion', '=', 'conciliacion.asignar')
      .where('objeto_id', '=', String(pendiente))
      .executeTakeFirstOrThrow();
    expect(fila.detalle).toMatchObject({ excedeAdeudo: { autorizadoPor: null } });
  });

  it('un depósito que no excede no lleva marca', async () => {
    const r = await importar(
      csv(`28/06/2024,${generarReferencia(credito.id)},100.00,F-OK-${n++},SPEI`),
    );
    expect(r.json().importacion.excedenAdeudo).toBe(0);
    expect(r.json().registrados[0].excedeAdeudo).toBeNull();
  });
});

describe('los pagos históricos de una importación de cartera no se revisan', () => {
  it('un pago importado mayor que el adeudo se guarda tal cual', async () => {
    const admin = await t.entrar('admin');
    const libro = new ExcelJS.Workbook();
    await libro.xlsx.load(
      readFileSync(
        join(import.meta.dirname, '..', '..', 'plantillas', 'cartera.xlsx'),
      ) as unknown as ArrayBuffer,
    );
    const hoja = libro.getWorksheet('movimientos');
    if (!hoja) throw new Error('la plantilla no tiene hoja movimientos');
    hoja.addRow([
      'CE-2021-000202',
      'I-2023-0001',
      'pago',
      new Date('2023-01-10T00:00:00Z'),
      100_000_000,
      null,
      null,
      null,
      'importacion',
      'histórico',
    ]);
    const r = await t.pedir('POST', '/api/importaciones', {
      sesion: admin,
      cuerpo: Buffer.from(await libro.xlsx.writeBuffer()),
      encabezados: {
        'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'x-nombre-archivo': 'cartera.xlsx',
      },
    });
    expect(r.statusCode).toBe(201);
    const importado = await t.base.db
      .selectFrom('movimientos as m')
      .innerJoin('creditos as c', 'c.id', 'm.credito_id')
      .select(['m.monto_centavos', 'm.canal'])
      .where('c.numero', '=', 'CE-2021-000202')
      .where('m.fecha', '=', '2023-01-10')
      .executeTakeFirstOrThrow();
    expect(importado).toEqual({ monto_centavos: 10_000_000_000, canal: 'importacion' });
  });
});

describe('el mismo pago capturado dos veces el mismo día', () => {
  const pagoValido = { monto: '1500.00', referencia: 'BBVA-778812' };

  it('se detiene con un 409 que nombra el pago anterior (folio, quién, a qué hora), y no registra nada', async () => {
    await fijar('2024-06-30T17:42:00Z');
    const primero = await pagar(pagoValido);
    expect(primero.statusCode).toBe(201);
    const folio = primero.json().movimiento.id as number;
    // Same deposit, typed again later with the reference in other case and spacing.
    await fijar('2024-06-30T21:05:00Z');
    const r = await pagar({ ...pagoValido, referencia: 'bbva-778812 ' }, 'coordinador');
    expect(r.statusCode).toBe(409);
    expect(r.json().error).toMatchObject({
      codigo: 'posible_duplicado',
      campo: 'confirmarDuplicado',
      pagoAnterior: {
        movimientoId: folio,
        monto: '1500.00',
        referencia: 'BBVA-778812',
        registradoPor: 'Sofía Valenzuela Peña',
        hora: '10:42',
      },
    });
    expect(r.json().error.mensaje).toMatch(
      new RegExp(
        `^Ya se registró hoy un pago igual: folio ${folio}, \\$1,500\\.00, referencia BBVA-778812, por Sofía Valenzuela Peña a las 10:42\\.`,
      ),
    );
    expect(await pagosDelCredito()).toHaveLength(3);
  });

  it('confirmado con el folio del anterior se registra; con otro folio, no', async () => {
    const folio = (await pagar(pagoValido)).json().movimiento.id as number;
    const otroFolio = await pagar({ ...pagoValido, confirmarDuplicado: folio + 1000 });
    expect(otroFolio.statusCode).toBe(409);
    const r = await pagar({ ...pagoValido, confirmarDuplicado: folio });
    expect(r.statusCode).toBe(201);
    expect(await pagosDelCredito()).toHaveLength(4);
    // A third one names the latest, the one just confirmed.
    const tercero = await pagar({ ...pagoValido, confirmarDuplicado: folio });
    expect(tercero.statusCode).toBe(409);
    expect(tercero.json().error.pagoAnterior.movimientoId).toBe(r.json().movimiento.id);
  });

  it('al día siguiente ya no se detiene (la vista previa lo sigue avisando)', async () => {
    expect((await pagar(pagoValido)).statusCode).toBe(201);
    await fijar('2024-07-01T18:00:00Z');
    const previa = await t.pedir('POST', `/api/creditos/${credito.id}/pagos/vista-previa`, {
      sesion: s.gestor,
      cuerpo: { fecha: '2024-06-30', monto: pagoValido.monto },
    });
    expect(previa.json().pagosParecidos).toHaveLength(1);
    const r = await pagar({ ...pagoValido, fecha: '2024-06-30' });
    expect(r.statusCode).toBe(201);
    expect(await pagosDelCredito()).toHaveLength(4);
  });

  it('la misma Idempotency-Key devuelve el 201 original, no un 409', async () => {
    const llave = clave();
    const primera = await pagar(pagoValido, 'gestor', llave);
    const otraVez = await pagar(pagoValido, 'gestor', llave);
    expect(otraVez.statusCode).toBe(201);
    expect(otraVez.headers['idempotent-replayed']).toBe('true');
    expect(otraVez.body).toBe(primera.body);
    expect(await pagosDelCredito()).toHaveLength(3);
  });

  it('un pago anterior cancelado no cuenta como duplicado', async () => {
    const folio = (await pagar(pagoValido)).json().movimiento.id as number;
    const cancelacion = await t.pedir('POST', `/api/movimientos/${folio}/cancelacion`, {
      sesion: s.coordinador,
      cuerpo: { motivo: 'Se capturó en el crédito equivocado.' },
      encabezados: { 'idempotency-key': clave() },
    });
    expect(cancelacion.statusCode).toBe(201);
    expect((await pagar(pagoValido)).statusCode).toBe(201);
  });

  it('otro monto u otra referencia no es el mismo pago', async () => {
    expect((await pagar(pagoValido)).statusCode).toBe(201);
    expect((await pagar({ ...pagoValido, monto: '1500.01' })).statusCode).toBe(201);
    expect((await pagar({ ...pagoValido, referencia: 'BBVA-778813' })).statusCode).toBe(201);
  });

  it('dos capturas iguales enviadas a la vez: una se registra y la otra se detiene', async () => {
    const [a, b] = await Promise.all([pagar(pagoValido), pagar(pagoValido)]);
    expect([a?.statusCode, b?.statusCode].sort()).toEqual([201, 409]);
    expect(await pagosDelCredito()).toHaveLength(3);
  });
});
