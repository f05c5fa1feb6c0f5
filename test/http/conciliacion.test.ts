import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generarReferencia } from '../../src/domain/referencia.ts';
import { type AppDePrueba, crearAppDePrueba, type Sesion } from '../soporte/app-de-prueba.ts';
import { casoPublicado, guardarCaso } from '../soporte/fabricas.ts';

const caso = casoPublicado('01-pago-parcial-con-atraso.json');

let t: AppDePrueba;
const s: Record<string, Sesion> = {};
let n = 0;
const clave = () => `conciliacion-${Date.now()}-${n++}`;
type Credito = { id: number; numero: string };
let hmo: Credito;
let obr: Credito;

beforeAll(async () => {
  t = await crearAppDePrueba();
  t.reloj.fijar('2024-06-30T18:00:00Z');
  for (const u of ['contabilidad', 'admin', 'gestor']) s[u] = await t.entrar(u);
  hmo = await guardarCaso(t.base.db, caso, { oficina: 'HMO' });
  obr = await guardarCaso(t.base.db, caso, { oficina: 'OBR' });
});
afterAll(() => t.cerrar());

const importar = (
  csv: string,
  o: { llave?: string | null; sesion?: Sesion; nombre?: string; tipo?: string } = {},
) =>
  t.pedir('POST', '/api/conciliacion/estados-bancarios', {
    sesion: o.sesion ?? s.contabilidad,
    cuerpo: csv,
    encabezados: {
      'content-type': o.tipo ?? 'text/csv; charset=utf-8',
      ...(o.nombre === undefined
        ? { 'x-nombre-archivo': 'estado-junio.csv' }
        : o.nombre === ''
          ? {}
          : { 'x-nombre-archivo': o.nombre }),
      ...(o.llave === null ? {} : { 'idempotency-key': o.llave ?? clave() }),
    },
  });
const contar = async () => ({
  movimientos: Number(
    (
      await t.base.db
        .selectFrom('movimientos')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  ),
  pendientes: Number(
    (
      await t.base.db
        .selectFrom('depositos_pendientes')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  ),
  importaciones: Number(
    (
      await t.base.db
        .selectFrom('importaciones_bancarias')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  ),
});
const estado = async (c: Credito) =>
  (
    await t.pedir('GET', `/api/creditos/${c.id}/estado-de-cuenta`, { sesion: s.contabilidad })
  ).json();
const csv = (...lineas: string[]) =>
  ['fecha,referencia,importe,folio_banco,concepto', ...lineas].join('\r\n');

describe('importar un estado de cuenta bancario', () => {
  const archivo = () =>
    csv(
      `28/06/2024,${generarReferencia(hmo.id)},"1,500.00",F-100,DEPOSITO SUC 0712`,
      `29/06/2024,${generarReferencia(obr.id)},850.00,F-101,"SPEI, BANORTE"`,
      `29/06/2024,${generarReferencia(hmo.id).slice(0, 9)}9,500.00,F-102,digito mal`,
      '29/06/2024,,300.00,F-103,sin referencia',
      `30/06/2024,${generarReferencia(9_999_999)},200.00,F-104,credito que no existe`,
    );

  it('registra los depósitos con referencia de un crédito una vez, y deja los demás pendientes', async () => {
    const antes = await contar();
    const r = await importar(archivo());
    expect(r.statusCode).toBe(201);
    const cuerpo = r.json();
    expect(cuerpo.importacion).toMatchObject({
      nombreArchivo: 'estado-junio.csv',
      lineas: 5,
      registrados: 2,
      yaRegistrados: 0,
      pendientes: 3,
      yaPendientes: 0,
      totalRegistrado: '2350.00',
    });
    expect(cuerpo.importacion.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(cuerpo.registrados).toEqual([
      expect.objectContaining({
        linea: 2,
        folio: 'F-100',
        fecha: '2024-06-28',
        importe: '1500.00',
        creditoId: hmo.id,
        numero: hmo.numero,
      }),
      // Contabilidad reaches every office: Obregón's credit is posted too.
      expect.objectContaining({ linea: 3, folio: 'F-101', importe: '850.00', creditoId: obr.id }),
    ]);
    expect(
      cuerpo.pendientes.map((p: { folio: string; motivo: string }) => [p.folio, p.motivo]),
    ).toEqual([
      ['F-102', expect.stringMatching(/el dígito verificador no corresponde/)],
      ['F-103', 'El depósito no trae referencia.'],
      ['F-104', expect.stringMatching(/no hay un crédito con ese número interno \(9999999\)/)],
    ]);
    const despues = await contar();
    expect(despues.movimientos - antes.movimientos).toBe(2);
    expect(despues.pendientes - antes.pendientes).toBe(3);

    // The engine applied each deposit on its bank date; the ledger row names its bank line.
    const e = await estado(hmo);
    const aplicacion = e.aplicaciones.find(
      (a: { id: string }) => a.id === String(cuerpo.registrados[0].movimientoId),
    );
    expect(aplicacion).toMatchObject({ fecha: '2024-06-28', monto: '1500.00' });
    const fila = await t.base.db
      .selectFrom('movimientos')
      .select(['tipo', 'canal', 'referencia', 'clave_externa', 'fecha'])
      .where('id', '=', cuerpo.registrados[0].movimientoId)
      .executeTakeFirstOrThrow();
    expect(fila).toEqual({
      tipo: 'pago',
      canal: 'banco',
      referencia: 'F-100',
      clave_externa: 'banco:F-100',
      fecha: '2024-06-28',
    });
    const bitacora = await t.base.db
      .selectFrom('bitacora')
      .select(['accion', 'detalle'])
      .where('objeto_tipo', '=', 'importacion_bancaria')
      .where('objeto_id', '=', String(cuerpo.importacion.id))
      .executeTakeFirstOrThrow();
    expect(bitacora).toMatchObject({
      accion: 'conciliacion.importar',
      detalle: { registrados: 2, pendientes: 3 },
    });
  });

  it('importar el mismo archivo otra vez (otra clave) no registra nada ni duplica pendientes', async () => {
    const antes = await contar();
    const saldoAntes = (await estado(hmo)).saldo_para_liquidar;
    const r = await importar(archivo());
    expect(r.statusCode).toBe(201);
    expect(r.json().importacion).toMatchObject({
      registrados: 0,
      yaRegistrados: 2,
      pendientes: 0,
      yaPendientes: 3,
      totalRegistrado: '0.00',
    });
    const despues = await contar();
    expect(despues).toEqual({ ...antes, importaciones: antes.importaciones + 1 });
    expect((await estado(hmo)).saldo_para_liquidar).toBe(saldoAntes);
  });

  it('la misma Idempotency-Key devuelve la primera respuesta', async () => {
    const llave = clave();
    const texto = csv(`30/06/2024,${generarReferencia(hmo.id)},10.00,F-200,uno`);
    const primera = await importar(texto, { llave });
    const segunda = await importar(texto, { llave });
    expect(segunda.statusCode).toBe(201);
    expect(segunda.headers['idempotent-replayed']).toBe('true');
    expect(segunda.body).toBe(primera.body);
    expect(primera.json().importacion.registrados).toBe(1);
  });

  it('un archivo mal formado no escribe nada y nombra cada línea, columna y motivo', async () => {
    const antes = await contar();
    const llave = clave();
    const r = await importar(
      csv(
        `28/06/2024,${generarReferencia(hmo.id)},100.00,F-300,bueno`,
        `31/06/2024,${generarReferencia(hmo.id)},100.00,F-301,fecha mala`,
        `28/06/2024,${generarReferencia(hmo.id)},1,000.00,F-302,coma sin comillas`,
        `01/07/2024,${generarReferencia(hmo.id)},abc,F-303,futura e importe malo`,
      ),
      { llave },
    );
    expect(r.statusCode).toBe(400);
    const { error } = r.json();
    expect(error).toMatchObject({ codigo: 'entrada_invalida', campo: 'archivo' });
    expect(error.mensaje).toBe(
      'El archivo tiene errores en 3 líneas; no se registró nada. Corrígelo y vuelve a importarlo.',
    );
    expect(
      error.errores.map((e: { linea: number; columna: string | null }) => [e.linea, e.columna]),
    ).toEqual([
      [3, 'fecha'],
      [4, null],
      [5, 'fecha'],
      [5, 'importe'],
    ]);
    expect(await contar()).toEqual(antes);
    const guardada = await t.base.db
      .selectFrom('solicitudes_idempotentes')
      .select('clave')
      .where('clave', '=', llave)
      .executeTakeFirst();
    expect(guardada).toBeUndefined();
  });

  it.each([
    ['sin Idempotency-Key', { llave: null }, 'Idempotency-Key'],
    ['sin nombre de archivo', { nombre: '' }, 'x-nombre-archivo'],
    ['como JSON', { tipo: 'application/json' }, 'archivo'],
    ['en Latin-1', { tipo: 'text/csv; charset=iso-8859-1' }, 'archivo'],
  ] as const)('%s: 400 que nombra %s', async (_nombre, opciones, campo) => {
    const cuerpo =
      'tipo' in opciones && opciones.tipo === 'application/json'
        ? '{"a":1}'
        : csv('30/06/2024,,1.00,F-400,x');
    const r = await importar(cuerpo, opciones);
    expect(r.statusCode).toBe(400);
    expect(r.json().error.campo).toBe(campo);
  });

  it('el nombre del archivo con acentos viaja codificado y se guarda legible', async () => {
    const r = await importar(csv('30/06/2024,,1.00,F-401,x'), {
      nombre: encodeURIComponent('depósitos junio.csv'),
    });
    expect(r.statusCode).toBe(201);
    expect(r.json().importacion.nombreArchivo).toBe('depósitos junio.csv');
  });

  it('el administrador también importa; un gestor no', async () => {
    expect((await importar(csv('30/06/2024,,1.00,F-402,x'), { sesion: s.admin })).statusCode).toBe(
      201,
    );
    expect((await importar(csv('30/06/2024,,1.00,F-403,x'), { sesion: s.gestor })).statusCode).toBe(
      403,
    );
  });
});

describe('casos que necesitan a una persona', () => {
  it('un pago que el motor rechaza queda pendiente con su motivo, y el resto del archivo se registra', async () => {
    const r = await importar(
      csv(
        `01/08/2023,${generarReferencia(hmo.id)},100.00,F-500,antes de la ministracion`,
        `30/06/2024,${generarReferencia(hmo.id)},100.00,F-501,bueno`,
      ),
    );
    expect(r.statusCode).toBe(201);
    const cuerpo = r.json();
    expect(cuerpo.importacion).toMatchObject({ registrados: 1, pendientes: 1 });
    expect(cuerpo.pendientes[0].motivo).toMatch(
      new RegExp(`^El crédito ${hmo.numero} no admite este pago: `),
    );
    const fila = await t.base.db
      .selectFrom('depositos_pendientes')
      .select(['credito_referido_id', 'linea_cruda'])
      .where('folio_banco', '=', 'F-500')
      .executeTakeFirstOrThrow();
    expect(fila).toEqual({
      credito_referido_id: hmo.id,
      linea_cruda: `01/08/2023,${generarReferencia(hmo.id)},100.00,F-500,antes de la ministracion`,
    });
  });

  it('un depósito ya capturado a mano con su folio no se registra otra vez; uno parecido sin folio queda como posible duplicado', async () => {
    const manual = await t.pedir('POST', `/api/creditos/${hmo.id}/pagos`, {
      sesion: s.gestor,
      cuerpo: {
        fecha: '2024-06-27',
        monto: '300.00',
        canal: 'banco',
        referencia: 'Ficha BBVA 20240627-777',
      },
      encabezados: { 'idempotency-key': clave() },
    });
    expect(manual.statusCode).toBe(201);
    const antes = await contar();
    const r = await importar(
      csv(
        `27/06/2024,${generarReferencia(hmo.id)},300.00,20240627-777,el mismo`,
        `27/06/2024,${generarReferencia(hmo.id)},300.00,20240627-778,otro igual`,
      ),
    );
    const cuerpo = r.json();
    expect(cuerpo.yaRegistrados).toEqual([
      expect.objectContaining({ folio: '20240627-777', movimientoId: manual.json().movimiento.id }),
    ]);
    expect(cuerpo.pendientes[0]).toMatchObject({ folio: '20240627-778' });
    expect(cuerpo.pendientes[0].motivo).toMatch(
      /^Posible duplicado: el pago \d+ .* del 27\/06\/2024 por \$300\.00/,
    );
    expect((await contar()).movimientos).toBe(antes.movimientos);
  });
});

describe('depósitos pendientes: lista, asignación y descarte', () => {
  const pendiente = async (folio: string) =>
    (
      await t.base.db
        .selectFrom('depositos_pendientes')
        .select(['id', 'estado'])
        .where('folio_banco', '=', folio)
        .executeTakeFirstOrThrow()
    ).id;
  const asignar = (id: number, cuerpo: unknown, llave = clave(), sesion = s.contabilidad) =>
    t.pedir('POST', `/api/conciliacion/pendientes/${id}/asignacion`, {
      sesion,
      cuerpo,
      encabezados: { 'idempotency-key': llave },
    });
  const descartar = (id: number, cuerpo: unknown) =>
    t.pedir('POST', `/api/conciliacion/pendientes/${id}/descarte`, {
      sesion: s.contabilidad,
      cuerpo,
    });

  it('la lista trae los pendientes, los más antiguos primero, con su motivo', async () => {
    const r = await t.pedir('GET', '/api/conciliacion/pendientes', { sesion: s.contabilidad });
    expect(r.statusCode).toBe(200);
    const { total, depositos } = r.json();
    expect(total).toBe(depositos.length);
    expect(depositos.map((d: { folio: string }) => d.folio)).toEqual(
      expect.arrayContaining(['F-102', 'F-103', 'F-104', 'F-500']),
    );
    expect(depositos.every((d: { estado: string }) => d.estado === 'pendiente')).toBe(true);
    const f103 = depositos.find((d: { folio: string }) => d.folio === 'F-103');
    expect(f103).toMatchObject({
      importe: '300.00',
      fecha: '2024-06-29',
      referencia: '',
      creditoReferido: null,
      asignacion: null,
    });
    const fechas = depositos.map((d: { fecha: string }) => d.fecha);
    expect(fechas).toEqual([...fechas].sort());
  });

  it('asignar registra el pago exactamente una vez aunque se envíe dos veces con la misma clave', async () => {
    const id = await pendiente('F-103');
    const antes = await contar();
    const llave = clave();
    const cuerpo = { creditoId: obr.id, motivo: 'El acreditado presentó su comprobante' };
    const [primera, segunda] = await Promise.all([
      asignar(id, cuerpo, llave),
      asignar(id, cuerpo, llave),
    ]);
    expect(primera?.statusCode).toBe(201);
    expect(segunda?.statusCode).toBe(201);
    expect(segunda?.body).toBe(primera?.body);
    const r = primera?.json();
    expect(r.deposito).toMatchObject({
      estado: 'asignado',
      asignacion: { creditoId: obr.id, numero: obr.numero, movimientoId: r.pago.movimiento.id },
      resolucion: { usuario: 'contabilidad', motivo: 'El acreditado presentó su comprobante' },
    });
    expect(r.pago.movimiento).toMatchObject({
      fecha: '2024-06-29',
      monto: '300.00',
      canal: 'banco',
      referencia: 'F-103',
    });
    expect((await contar()).movimientos).toBe(antes.movimientos + 1);
    const e = await estado(obr);
    expect(e.aplicaciones.some((a: { id: string }) => a.id === String(r.pago.movimiento.id))).toBe(
      true,
    );

    // With another key: it is no longer pending.
    const otra = await asignar(id, cuerpo);
    expect(otra.statusCode).toBe(409);
    expect(otra.json().error.mensaje).toBe('Ese depósito ya fue asignado; no está pendiente.');
    expect((await contar()).movimientos).toBe(antes.movimientos + 1);

    const bitacora = await t.base.db
      .selectFrom('bitacora')
      .select('detalle')
      .where('accion', '=', 'conciliacion.asignar')
      .where('objeto_id', '=', String(id))
      .executeTakeFirstOrThrow();
    expect(bitacora.detalle).toMatchObject({
      folio: 'F-103',
      credito: obr.id,
      movimiento: r.pago.movimiento.id,
    });
  });

  it('descartar pide un motivo, saca el depósito de la lista y no se repite', async () => {
    const id = await pendiente('F-104');
    expect((await descartar(id, {})).json().error.campo).toBe('motivo');
    const r = await descartar(id, { motivo: 'Traspaso entre cuentas del instituto' });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({
      estado: 'descartado',
      resolucion: { motivo: 'Traspaso entre cuentas del instituto' },
    });
    expect(
      (await descartar(id, { motivo: 'Traspaso entre cuentas del instituto' })).statusCode,
    ).toBe(409);
    const lista = (
      await t.pedir('GET', '/api/conciliacion/pendientes?estado=descartado', {
        sesion: s.contabilidad,
      })
    ).json();
    expect(lista.depositos.map((d: { folio: string }) => d.folio)).toEqual(['F-104']);
  });

  it('reimportar después de asignar y descartar tampoco registra nada', async () => {
    const antes = await contar();
    const r = await importar(
      csv(
        '29/06/2024,,300.00,F-103,sin referencia',
        `30/06/2024,${generarReferencia(9_999_999)},200.00,F-104,credito que no existe`,
      ),
    );
    expect(r.json().importacion).toMatchObject({
      registrados: 0,
      yaRegistrados: 1,
      yaPendientes: 1,
    });
    expect(r.json().yaPendientes).toEqual([
      expect.objectContaining({ folio: 'F-104', estado: 'descartado' }),
    ]);
    expect(await contar()).toEqual({ ...antes, importaciones: antes.importaciones + 1 });
  });

  it.each([
    ['crédito inexistente', { creditoId: 99_999_999 }, 400, 'creditoId'],
    ['id como texto', { creditoId: '5' }, 400, 'creditoId'],
    ['campo desconocido', { creditoId: 1, monto: '5.00' }, 400, 'monto'],
  ])('asignación inválida (%s) no registra nada', async (_n, cuerpo, estadoHttp, campo) => {
    const id = await pendiente('F-102');
    const antes = await contar();
    const r = await asignar(id, cuerpo);
    expect(r.statusCode).toBe(estadoHttp);
    expect(r.json().error.campo).toBe(campo);
    expect(await contar()).toEqual(antes);
  });

  it('un pendiente que no existe es 404', async () => {
    expect((await asignar(999_999, { creditoId: hmo.id })).statusCode).toBe(404);
    expect((await descartar(999_999, { motivo: 'no existe este' })).statusCode).toBe(404);
  });
});
