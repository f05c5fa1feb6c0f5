import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generarReferencia } from '../../src/domain/referencia.ts';
import { type AppDePrueba, crearAppDePrueba, type Sesion } from '../soporte/app-de-prueba.ts';
import { casoPublicado, guardarCaso } from '../soporte/fabricas.ts';

// One pagaré, due 2023-08-15: it prescribes on 2026-08-15, 158 days after the test's today.
const caso = casoPublicado('01-pago-parcial-con-atraso.json');
const HOY = '2026-03-10T16:00:00Z';

let t: AppDePrueba;
const s: Record<string, Sesion> = {};
const USUARIOS = ['admin', 'coordinador', 'gestor', 'gestor.nogales', 'abogado', 'contabilidad'];
let n = 0;
const clave = () => `juridico-${Date.now()}-${n++}`;
let abogadoId: number;
let gestorId: number;
let despacho: { id: number; nombre: string };
let otro: { id: number; nombre: string };

async function entrarTodos() {
  for (const u of USUARIOS) s[u] = await t.entrar(u);
}
/** The clock moved more than the idle timeout: every session starts again. */
async function fijarReloj(instante: string) {
  t.reloj.fijar(instante);
  await entrarTodos();
}
async function idDeUsuario(usuario: string) {
  return (
    await t.base.db
      .selectFrom('usuarios')
      .select('id')
      .where('usuario', '=', usuario)
      .executeTakeFirstOrThrow()
  ).id;
}
async function credito(oficina: 'HMO' | 'NOG' = 'HMO') {
  const c = await guardarCaso(t.base.db, caso, { oficina });
  await t.base.db
    .updateTable('creditos')
    .set({ gestor_id: gestorId })
    .where('id', '=', c.id)
    .execute();
  return c;
}
const turnar = (id: number, cuerpo: unknown, o: { sesion?: Sesion; llave?: string | null } = {}) =>
  t.pedir('POST', `/api/creditos/${id}/turnado`, {
    sesion: o.sesion ?? s.coordinador,
    cuerpo,
    encabezados: o.llave === null ? {} : { 'idempotency-key': o.llave ?? clave() },
  });
const ver = (id: number, sesion: Sesion | undefined) =>
  t.pedir('GET', `/api/creditos/${id}`, { sesion });
const filaCredito = (id: number) =>
  t.base.db
    .selectFrom('creditos')
    .select(['estado', 'despacho_id', 'turnado_hasta'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
const piezas = (id: number) =>
  t.base.db
    .selectFrom('custodia_piezas')
    .select(['ministracion_id', 'ubicacion', 'despacho_id'])
    .where('credito_id', '=', id)
    .orderBy('ministracion_id')
    .execute();

beforeAll(async () => {
  t = await crearAppDePrueba();
  await entrarTodos();
  abogadoId = await idDeUsuario('abogado');
  gestorId = await idDeUsuario('gestor');
});
afterAll(() => t.cerrar());

describe('catálogo de despachos', () => {
  it('el administrador da de alta un despacho con su abogado; el coordinador lo consulta pero no lo cambia', async () => {
    const r = await t.pedir('POST', '/api/despachos', {
      sesion: s.admin,
      cuerpo: {
        nombre: 'Yáñez y Asociados, S.C.',
        contacto: 'Lic. Marta Yáñez',
        telefono: '6622101010',
        correo: 'contacto@yanez.mx',
        abogadoIds: [abogadoId],
      },
    });
    expect(r.statusCode).toBe(201);
    expect(r.json().despacho).toMatchObject({
      nombre: 'Yáñez y Asociados, S.C.',
      activo: true,
      abogados: [{ id: abogadoId, usuario: 'abogado' }],
      cuentasTurnadas: 0,
    });
    despacho = { id: r.json().despacho.id, nombre: 'Yáñez y Asociados, S.C.' };
    const b = await t.pedir('POST', '/api/despachos', {
      sesion: s.admin,
      cuerpo: { nombre: 'Bufete Moreno' },
    });
    otro = { id: b.json().despacho.id, nombre: 'Bufete Moreno' };

    const lista = await t.pedir('GET', '/api/despachos', { sesion: s.coordinador });
    expect(lista.statusCode).toBe(200);
    expect(lista.json().despachos.map((d: { nombre: string }) => d.nombre)).toEqual([
      'Bufete Moreno',
      'Yáñez y Asociados, S.C.',
    ]);
    expect(
      (await t.pedir('POST', '/api/despachos', { sesion: s.coordinador, cuerpo: { nombre: 'X' } }))
        .statusCode,
    ).toBe(403);
  });

  it('un nombre repetido es 409; un abogado que no es abogado externo es 400 y nombra el campo; se edita', async () => {
    const dup = await t.pedir('POST', '/api/despachos', {
      sesion: s.admin,
      cuerpo: { nombre: 'bufete moreno' },
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.campo).toBe('nombre');
    const malo = await t.pedir('PUT', `/api/despachos/${otro.id}`, {
      sesion: s.admin,
      cuerpo: { abogadoIds: [gestorId] },
    });
    expect(malo.statusCode).toBe(400);
    expect(malo.json().error.campo).toBe('abogadoIds');
    const r = await t.pedir('PUT', `/api/despachos/${otro.id}`, {
      sesion: s.admin,
      cuerpo: { contacto: 'Lic. Raúl Moreno', correo: 'raul@moreno.mx' },
    });
    expect(r.statusCode).toBe(200);
    expect(r.json().despacho).toMatchObject({ contacto: 'Lic. Raúl Moreno', abogados: [] });
  });
});

describe('turnado de una cuenta', () => {
  let a: { id: number; numero: string };
  let ajena: { id: number; numero: string };
  let deOtro: { id: number; numero: string };

  beforeAll(async () => {
    a = await credito();
    ajena = await credito();
    deOtro = await credito();
  });

  it('sin Idempotency-Key es 400; una fecha de fin que no es futura es 400 y nombra «hasta»', async () => {
    const sin = await turnar(
      a.id,
      { despachoId: despacho.id, motivo: 'm', hasta: '2026-09-30' },
      { llave: null },
    );
    expect(sin.statusCode).toBe(400);
    const hoy = await turnar(a.id, {
      despachoId: despacho.id,
      motivo: 'Cartera vencida',
      hasta: '2026-03-10',
    });
    expect(hoy.statusCode).toBe(400);
    expect(hoy.json().error.campo).toBe('hasta');
  });

  it('turna: el crédito pasa a en jurídico con su despacho y fecha, y el expediente y el pagaré pasan al despacho', async () => {
    const llave = clave();
    const cuerpo = {
      despachoId: despacho.id,
      motivo: 'Pagaré próximo a prescribir',
      hasta: '2026-09-30',
    };
    const r = await turnar(a.id, cuerpo, { llave });
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json()).toMatchObject({
      creditoId: a.id,
      numero: a.numero,
      despacho,
      desde: '2026-03-10',
      hasta: '2026-09-30',
      acusePdf: `/api/custodia/acuses/${r.json().acuseId}.pdf`,
    });
    expect(await filaCredito(a.id)).toEqual({
      estado: 'en_juridico',
      despacho_id: despacho.id,
      turnado_hasta: '2026-09-30',
    });
    expect(await piezas(a.id)).toEqual([
      { ministracion_id: expect.any(Number), ubicacion: 'despacho', despacho_id: despacho.id },
      { ministracion_id: null, ubicacion: 'despacho', despacho_id: despacho.id },
    ]);
    const acuse = await t.base.db
      .selectFrom('custodia_acuses')
      .select(['tipo', 'recibe_nombre'])
      .where('id', '=', r.json().acuseId)
      .executeTakeFirstOrThrow();
    expect(acuse).toEqual({ tipo: 'envio_a_despacho', recibe_nombre: 'Lic. Marta Yáñez' });

    // The same request again is the same answer, not a second turnado.
    const otra = await turnar(a.id, cuerpo, { llave });
    expect(otra.statusCode).toBe(201);
    expect(otra.headers['idempotent-replayed']).toBe('true');
    expect(otra.json()).toEqual(r.json());
    const turnados = await t.base.db
      .selectFrom('turnados')
      .select('id')
      .where('credito_id', '=', a.id)
      .execute();
    expect(turnados).toHaveLength(1);
  });

  it('un segundo turnado de la misma cuenta es 409 con un mensaje en español', async () => {
    for (const d of [despacho.id, otro.id]) {
      const r = await turnar(a.id, { despachoId: d, motivo: 'Otra vez', hasta: '2026-10-31' });
      expect(r.statusCode).toBe(409);
      expect(r.json().error.mensaje).toMatch(
        new RegExp(
          `${a.numero} ya está turnado al despacho «Yáñez y Asociados, S.C.» hasta el 30/09/2026`,
        ),
      );
    }
  });

  it('el coordinador solo turna cuentas de su oficina', async () => {
    const nog = await credito('NOG');
    const r = await turnar(nog.id, {
      despachoId: despacho.id,
      motivo: 'Fuera',
      hasta: '2026-09-30',
    });
    expect(r.statusCode).toBe(403);
    expect((await filaCredito(nog.id)).despacho_id).toBeNull();
  });

  it('el abogado ve la cuenta turnada a su despacho; la no turnada y la de otro despacho le son 404', async () => {
    expect(
      (await turnar(deOtro.id, { despachoId: otro.id, motivo: 'Otro', hasta: '2026-09-30' }))
        .statusCode,
    ).toBe(201);
    expect((await ver(a.id, s.abogado)).statusCode).toBe(200);
    expect(
      (await t.pedir('GET', `/api/creditos/${a.id}/estado-de-cuenta`, { sesion: s.abogado }))
        .statusCode,
    ).toBe(200);
    for (const id of [ajena.id, deOtro.id]) {
      const r = await ver(id, s.abogado);
      expect(r.statusCode).toBe(404);
      expect(r.json().error.codigo).toBe('no_encontrado');
    }
    const lista = (await t.pedir('GET', '/api/creditos', { sesion: s.abogado })).json();
    expect(lista.creditos.map((c: { id: number }) => c.id)).toEqual([a.id]);
    const cuentas = await t.pedir('GET', '/api/juridico/cuentas', { sesion: s.abogado });
    expect(cuentas.statusCode).toBe(200);
    expect(cuentas.json().cuentas).toEqual([
      expect.objectContaining({
        creditoId: a.id,
        despacho,
        desde: '2026-03-10',
        hasta: '2026-09-30',
        vencido: false,
        // The pagaré due 2023-08-15 prescribes three years later.
        prescribe: { fecha: '2026-08-15', dias: 158 },
        ultimaActuacion: null,
      }),
    ]);
    // The coordinador sees both firms' accounts of his office, or one firm's.
    const coord = await t.pedir('GET', `/api/juridico/cuentas?despachoId=${otro.id}`, {
      sesion: s.coordinador,
    });
    expect(coord.json().cuentas.map((c: { creditoId: number }) => c.creditoId)).toEqual([
      deOtro.id,
    ]);
  });

  it('el gestor no contacta una cuenta turnada (en_juridico), pero el pago por referencia entra', async () => {
    const persona = await t.base.db
      .selectFrom('participantes_credito')
      .select('persona_id')
      .where('credito_id', '=', a.id)
      .executeTakeFirstOrThrow();
    const tel = await t.base.db
      .insertInto('telefonos')
      .values({ persona_id: persona.persona_id, numero: '6625550101', tipo: 'movil' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const r = await t.pedir('POST', `/api/creditos/${a.id}/gestiones`, {
      sesion: s.gestor,
      cuerpo: {
        canal: 'llamada_saliente',
        personaId: persona.persona_id,
        telefonoId: tel.id,
        resultado: 'no_contesta',
        duracionSegundos: 30,
      },
    });
    expect(r.statusCode).toBe(422);
    expect(r.json().error.codigo).toBe('en_juridico');

    const csv = [
      'fecha,referencia,importe,folio_banco,concepto',
      `10/03/2026,${generarReferencia(a.id)},250.00,F-J1,DEPOSITO`,
    ].join('\r\n');
    const imp = await t.pedir('POST', '/api/conciliacion/estados-bancarios', {
      sesion: s.contabilidad,
      cuerpo: csv,
      encabezados: {
        'content-type': 'text/csv; charset=utf-8',
        'x-nombre-archivo': 'estado-marzo.csv',
        'idempotency-key': clave(),
      },
    });
    expect(imp.statusCode).toBe(201);
    expect(imp.json().importacion).toMatchObject({ registrados: 1, pendientes: 0 });
    const pago = await t.base.db
      .selectFrom('movimientos')
      .select(['monto_centavos', 'fecha'])
      .where('credito_id', '=', a.id)
      .where('fecha', '=', '2026-03-10')
      .executeTakeFirstOrThrow();
    expect(pago).toEqual({ monto_centavos: 25_000, fecha: '2026-03-10' });
  });

  it('la cuenta turnada sale de la cola del gestor; la otra sigue', async () => {
    const cola = (await t.pedir('GET', '/api/cola', { sesion: s.gestor })).json();
    const ids = cola.cuentas.map((c: { creditoId: number }) => c.creditoId);
    expect(ids).toContain(ajena.id);
    expect(ids).not.toContain(a.id);
    expect(ids).not.toContain(deOtro.id);
  });

  it('actuaciones: demanda presentada pide juzgado y expediente (400 que nombra el campo); el abogado las registra', async () => {
    const actuar = (cuerpo: unknown, sesion = s.abogado, id = a.id) =>
      t.pedir('POST', `/api/creditos/${id}/actuaciones`, { sesion, cuerpo });
    const sinJuzgado = await actuar({ estado: 'demanda_presentada', fecha: '2026-03-10' });
    expect(sinJuzgado.statusCode).toBe(400);
    expect(sinJuzgado.json().error.campo).toBe('juzgado');
    const sinExpediente = await actuar({
      estado: 'demanda_presentada',
      fecha: '2026-03-10',
      juzgado: 'Juzgado Primero Civil de Hermosillo',
    });
    expect(sinExpediente.statusCode).toBe(400);
    expect(sinExpediente.json().error.campo).toBe('expedienteJudicial');
    const futura = await actuar({ estado: 'recibido', fecha: '2026-03-11' });
    expect(futura.statusCode).toBe(400);
    expect(futura.json().error.campo).toBe('fecha');
    expect((await actuar({ estado: 'recibido', fecha: '2026-03-10' })).statusCode).toBe(201);
    const demanda = await actuar({
      estado: 'demanda_presentada',
      fecha: '2026-03-10',
      juzgado: 'Juzgado Primero Civil de Hermosillo',
      expedienteJudicial: '245/2026',
    });
    expect(demanda.statusCode).toBe(201);
    expect(demanda.json().actuacion).toMatchObject({
      estado: 'demanda_presentada',
      etiqueta: 'Demanda presentada',
      juzgado: 'Juzgado Primero Civil de Hermosillo',
      expedienteJudicial: '245/2026',
      registradoPor: 'Lic. Ernesto Quijada Soto',
    });
    // Not on an account his firm does not hold; the coordinador reads but does not record.
    expect(
      (await actuar({ estado: 'recibido', fecha: '2026-03-10' }, s.abogado, deOtro.id)).statusCode,
    ).toBe(404);
    expect(
      (await actuar({ estado: 'recibido', fecha: '2026-03-10' }, s.coordinador)).statusCode,
    ).toBe(403);
    const lista = await t.pedir('GET', `/api/creditos/${a.id}/actuaciones`, {
      sesion: s.coordinador,
    });
    expect(lista.json().actuaciones.map((x: { estado: string }) => x.estado)).toEqual([
      'recibido',
      'demanda_presentada',
    ]);
    const cuentas = (await t.pedir('GET', '/api/juridico/cuentas', { sesion: s.abogado })).json();
    expect(cuentas.cuentas[0].ultimaActuacion).toMatchObject({ estado: 'demanda_presentada' });
    // The lawsuit restarts the term: three years from its filing.
    expect(cuentas.cuentas[0].prescribe).toEqual({ fecha: '2029-03-10', dias: 1096 });
  });

  it('la devolución cierra el turnado y regresa el crédito a activo; las piezas siguen en el despacho hasta recibirlas', async () => {
    const dev = (id: number, sesion = s.coordinador) =>
      t.pedir('POST', `/api/creditos/${id}/turnado/devolucion`, {
        sesion,
        cuerpo: { motivo: 'El acreditado se presentó a regularizar' },
      });
    expect((await dev(a.id, s.abogado)).statusCode).toBe(403);
    const r = await dev(a.id);
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({
      creditoId: a.id,
      estado: 'activo',
      piezasEnDespacho: 2,
      despacho,
    });
    expect(await filaCredito(a.id)).toEqual({
      estado: 'activo',
      despacho_id: null,
      turnado_hasta: null,
    });
    const turnado = await t.base.db
      .selectFrom('turnados')
      .select(['devuelto_en', 'motivo_devolucion'])
      .where('credito_id', '=', a.id)
      .executeTakeFirstOrThrow();
    expect(turnado.motivo_devolucion).toBe('El acreditado se presentó a regularizar');
    expect(turnado.devuelto_en).not.toBeNull();
    expect((await piezas(a.id)).every((p) => p.ubicacion === 'despacho')).toBe(true);
    expect((await ver(a.id, s.abogado)).statusCode).toBe(404);
    const otra = await dev(a.id);
    expect(otra.statusCode).toBe(409);
    expect(otra.json().error.mensaje).toMatch(/no está turnado/);
  });
});

describe('candidatos y turnado en bloque', () => {
  let c1: { id: number; numero: string };
  let c2: { id: number; numero: string };
  let c3: { id: number; numero: string };

  beforeAll(async () => {
    c1 = await credito();
    c2 = await credito();
    c3 = await credito();
    // Aging snapshots: c1 owes more than 5,000, c2 and c3 less.
    for (const [c, saldo] of [
      [c1, 800_000],
      [c2, 300_000],
      [c3, 200_000],
    ] as const) {
      await t.base.db
        .insertInto('antiguedad_saldos')
        .values({
          credito_id: c.id,
          fecha: '2026-03-09',
          situacion: 'vencido',
          dias_atraso: 400,
          bucket: 'mas_de_365',
          capital_insoluto_centavos: saldo,
          saldo_exigible_centavos: saldo,
          saldo_para_liquidar_centavos: saldo,
          interes_moratorio_centavos: 0,
          calculado: new Date(HOY),
        })
        .execute();
    }
  });

  const candidatos = (cuerpo: unknown) =>
    t.pedir('POST', '/api/turnados/candidatos', { sesion: s.coordinador, cuerpo });

  it('por prescripción próxima y saldo, con la fecha en que prescribe', async () => {
    const cerca = await candidatos({ prescribeEnDias: 180, creditoIds: [c1.id, c2.id, c3.id] });
    expect(cerca.statusCode).toBe(200);
    expect(
      cerca
        .json()
        .candidatos.map((c: { creditoId: number }) => c.creditoId)
        .sort(),
    ).toEqual([c1.id, c2.id, c3.id].sort());
    expect(cerca.json().candidatos[0].prescribe).toEqual({ fecha: '2026-08-15', dias: 158 });
    const lejos = await candidatos({ prescribeEnDias: 100, creditoIds: [c1.id, c2.id, c3.id] });
    expect(lejos.json().candidatos).toEqual([]);
    const saldo = await candidatos({ saldoMayorA: '5000.00', creditoIds: [c1.id, c2.id, c3.id] });
    expect(saldo.json().candidatos).toEqual([
      expect.objectContaining({ creditoId: c1.id, saldo: '8000.00', bucket: 'mas_de_365' }),
    ]);
    const malo = await candidatos({ saldoMayorA: 'mucho' });
    expect(malo.statusCode).toBe(400);
    expect(malo.json().error.campo).toBe('saldoMayorA');
  });

  it('en bloque es todo o nada: uno ya turnado impide el resto; sin él, todos con un solo acuse', async () => {
    const datos = { despachoId: despacho.id, motivo: 'Próximos a prescribir', hasta: '2026-03-20' };
    expect((await turnar(c3.id, datos)).statusCode).toBe(201);
    const bloque = (creditoIds: number[]) =>
      t.pedir('POST', '/api/turnados', {
        sesion: s.coordinador,
        cuerpo: { creditoIds, ...datos },
        encabezados: { 'idempotency-key': clave() },
      });
    const falla = await bloque([c1.id, c2.id, c3.id]);
    expect(falla.statusCode).toBe(409);
    expect(falla.json().error.mensaje).toContain(c3.numero);
    expect((await filaCredito(c1.id)).despacho_id).toBeNull();
    expect((await filaCredito(c2.id)).despacho_id).toBeNull();

    const r = await bloque([c1.id, c2.id]);
    expect(r.statusCode).toBe(201);
    const turnados = r.json().turnados as Array<{ creditoId: number; acuseId: number }>;
    expect(turnados.map((x) => x.creditoId)).toEqual([c1.id, c2.id]);
    expect(new Set(turnados.map((x) => x.acuseId)).size).toBe(1);
    // Already turned over: no longer candidates.
    expect((await candidatos({ creditoIds: [c1.id, c2.id, c3.id] })).json().candidatos).toEqual([]);
  });

  it('pasada la fecha de fin el abogado ya no ve las cuentas (404), y el coordinador las ve vencidas', async () => {
    expect((await ver(c1.id, s.abogado)).statusCode).toBe(200);
    await fijarReloj('2026-03-20T16:00:00Z');
    expect((await ver(c1.id, s.abogado)).statusCode).toBe(200);
    await fijarReloj('2026-03-21T16:00:00Z');
    const r = await ver(c1.id, s.abogado);
    expect(r.statusCode).toBe(404);
    expect((await t.pedir('GET', '/api/creditos', { sesion: s.abogado })).json().creditos).toEqual(
      [],
    );
    expect(
      (await t.pedir('GET', '/api/juridico/cuentas', { sesion: s.abogado })).json().cuentas,
    ).toEqual([]);
    const coord = (
      await t.pedir('GET', `/api/juridico/cuentas?despachoId=${despacho.id}`, {
        sesion: s.coordinador,
      })
    ).json();
    expect(coord.cuentas).toEqual(
      expect.arrayContaining([expect.objectContaining({ creditoId: c1.id, vencido: true })]),
    );
    for (const c of [c1, c2, c3]) {
      await t.pedir('POST', `/api/creditos/${c.id}/turnado/devolucion`, {
        sesion: s.coordinador,
        cuerpo: { motivo: 'Venció el turnado' },
      });
    }
  });
});

describe('reporte por despacho', () => {
  it('cuentas, saldo de hoy, recuperación mientras las tuvo y días promedio, en un caso calculado a mano', async () => {
    const r = await t.pedir('POST', '/api/despachos', {
      sesion: s.admin,
      cuerpo: { nombre: 'Despacho del Reporte', contacto: 'Lic. Reporte' },
    });
    const d = r.json().despacho.id as number;
    await fijarReloj('2026-04-01T16:00:00Z');
    const r1 = await credito();
    const r2 = await credito();
    for (const c of [r1, r2]) {
      expect(
        (await turnar(c.id, { despachoId: d, motivo: 'Reporte', hasta: '2026-12-31' })).statusCode,
      ).toBe(201);
    }
    const pago = async (creditoId: number, fecha: string, monto: number) =>
      (
        await t.base.db
          .insertInto('movimientos')
          .values({
            credito_id: creditoId,
            tipo: 'pago',
            fecha,
            monto_centavos: monto,
            excedente: 'reducir_plazo',
            canal: 'banco',
          })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    await pago(r1.id, '2026-04-10', 50_000); // held: counts
    await pago(r2.id, '2026-03-25', 30_000); // before the turnado: no
    const cancelado = await pago(r1.id, '2026-04-15', 20_000); // cancelled: no
    await t.base.db
      .insertInto('movimientos')
      .values({
        credito_id: r1.id,
        tipo: 'cancelacion',
        fecha: '2026-04-16',
        cancela_id: cancelado,
      })
      .execute();
    await fijarReloj('2026-04-21T16:00:00Z');
    await t.pedir('POST', `/api/creditos/${r2.id}/turnado/devolucion`, {
      sesion: s.coordinador,
      cuerpo: { motivo: 'Convenio en oficina' },
    });
    await pago(r2.id, '2026-04-25', 10_000); // after the recall: no
    for (const [c, saldo] of [
      [r1, 400_000],
      [r2, 250_000],
    ] as const) {
      await t.base.db
        .insertInto('antiguedad_saldos')
        .values({
          credito_id: c.id,
          fecha: '2026-04-30',
          situacion: 'vencido',
          dias_atraso: 500,
          bucket: 'mas_de_365',
          capital_insoluto_centavos: saldo,
          saldo_exigible_centavos: saldo,
          saldo_para_liquidar_centavos: saldo,
          interes_moratorio_centavos: 0,
          calculado: new Date('2026-04-30T16:00:00Z'),
        })
        .execute();
    }
    await fijarReloj('2026-05-01T16:00:00Z');
    const reporte = async (desde: string, hasta: string) => {
      const x = await t.pedir('GET', `/api/despachos/reporte?desde=${desde}&hasta=${hasta}`, {
        sesion: s.coordinador,
      });
      expect(x.statusCode).toBe(200);
      return x.json().despachos.find((f: { despacho: { id: number } }) => f.despacho.id === d);
    };
    // r1 held 2026-04-01 → today (30 days), r2 2026-04-01 → 2026-04-21 (20 days).
    expect(await reporte('2026-04-01', '2026-04-30')).toEqual({
      despacho: { id: d, nombre: 'Despacho del Reporte' },
      cuentas: 2,
      saldo: '6500.00',
      recuperado: '500.00',
      pagos: 1,
      diasPromedio: 25,
      devueltas: 1,
    });
    // May: only r1 is still held; the payment of April is outside the period.
    expect(await reporte('2026-05-01', '2026-05-31')).toMatchObject({
      cuentas: 1,
      saldo: '4000.00',
      recuperado: '0.00',
      diasPromedio: 30,
      devueltas: 0,
    });
    const malo = await t.pedir('GET', '/api/despachos/reporte?desde=2026-05-01&hasta=2026-04-01', {
      sesion: s.coordinador,
    });
    expect(malo.statusCode).toBe(400);
    expect(malo.json().error.campo).toBe('hasta');
  });
});

describe('la lista del abogado dice cuándo prescribe la cuenta', () => {
  const FUNDAMENTO = 'Criterio de la Dirección Jurídica sobre el pago parcial documentado.';
  let c: { id: number; numero: string };
  const pagare = (numero: number, vence: string) =>
    t.base.db
      .updateTable('ministraciones')
      .set({ pagare_vencimiento: vence })
      .where('credito_id', '=', c.id)
      .where('numero', '=', numero)
      .execute();
  const prescribe = async () => {
    const r = await t.pedir('GET', '/api/juridico/cuentas', { sesion: s.abogado });
    expect(r.statusCode).toBe(200);
    return r.json().cuentas.find((x: { creditoId: number }) => x.creditoId === c.id)?.prescribe;
  };

  beforeAll(async () => {
    await fijarReloj(HOY);
    c = await credito();
    // A second pagaré: the first already prescribed (2025-01-10), the second not yet.
    const m = await t.base.db
      .selectFrom('ministraciones')
      .selectAll()
      .where('credito_id', '=', c.id)
      .executeTakeFirstOrThrow();
    await t.base.db
      .insertInto('ministraciones')
      .values({
        credito_id: c.id,
        numero: 2,
        fecha: m.fecha,
        monto_centavos: m.monto_centavos,
        periodo_escolar: m.periodo_escolar,
        pagare_numero: `${m.pagare_numero}-2`,
        pagare_vencimiento: '2023-09-01',
      })
      .execute();
    await pagare(1, '2022-01-10');
    const r = await turnar(c.id, {
      despachoId: despacho.id,
      motivo: 'Por prescribir',
      hasta: '2026-12-31',
    });
    expect(r.statusCode).toBe(201);
  });

  it('la del pagaré no prescrito más próximo; si todos prescribieron, la del último, con días negativos', async () => {
    expect(await prescribe()).toEqual({ fecha: '2026-09-01', dias: 175 });
    await pagare(2, '2022-06-01');
    expect(await prescribe()).toEqual({ fecha: '2025-06-01', dias: -282 });
  });

  it('un pago documentado la reinicia cuando el parámetro lo dice (el reloj de la lista de prescripción), en la lista y en los candidatos', async () => {
    const libre = await credito();
    const candidato = async () =>
      (
        await t.pedir('POST', '/api/turnados/candidatos', {
          sesion: s.coordinador,
          cuerpo: { creditoIds: [libre.id] },
        })
      ).json().candidatos[0]?.prescribe;
    expect(await candidato()).toEqual({ fecha: '2026-08-15', dias: 158 });
    const parametro = async (pagoInterrumpe: boolean) => {
      const r = await t.pedir('PUT', '/api/parametros/prescripcion', {
        sesion: s.admin,
        cuerpo: { pagoInterrumpe, alertasDias: [180, 90, 30], fundamento: FUNDAMENTO },
      });
      expect(r.statusCode).toBe(200);
    };
    try {
      await parametro(true);
      // The case's last payment, 2024-03-20, restarts both pagarés.
      expect(await prescribe()).toEqual({ fecha: '2027-03-20', dias: 375 });
      expect(await candidato()).toEqual({ fecha: '2027-03-20', dias: 375 });
    } finally {
      await parametro(false);
    }
    expect(await prescribe()).toEqual({ fecha: '2025-06-01', dias: -282 });
  });
});
