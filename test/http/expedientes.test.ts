import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diasEntre, type Fecha } from '../../src/domain/fecha.ts';
import { hechosDeCola } from '../../src/modules/gestion/hechos-de-cola.ts';
import { type AppDePrueba, crearAppDePrueba, type Sesion } from '../soporte/app-de-prueba.ts';
import { casoPublicado, guardarCaso } from '../soporte/fabricas.ts';

/*
 * The clock is 10/03/2026. Each credit of case 07 has three pagarés, their due dates set here:
 * one prescribes in 22 days (01/04/2026), one due on 29/02/2024 (prescribes 28/02/2027), one
 * already prescribed (01/12/2025). The case's payments run from 10/07/2025 to 24/12/2025.
 */
const HOY = '2026-03-10' as Fecha;
const VENCIMIENTOS = ['2023-04-01', '2024-02-29', '2022-12-01'];
const caso = casoPublicado('07-ministraciones-gracia-base-365.json');

interface Credito {
  id: number;
  numero: string;
  ministraciones: Array<{ id: number; pagare_numero: string }>;
}

let t: AppDePrueba;
const s: Record<string, Sesion> = {};
let hmo: Credito;
let conDemanda: Credito;
let conConvenio: Credito;
let liquidado: Credito;
let nogales: Credito;
let turnado: Credito;
let obregon: Credito;
let gestorId: number;
let abogado: { id: number; despacho_id: number | null };

async function credito(
  oficina: 'HMO' | 'NOG' | 'OBR',
  despachoId: number | null = null,
): Promise<Credito> {
  const c = await guardarCaso(t.base.db, caso, { oficina, despachoId });
  const ministraciones = await t.base.db
    .selectFrom('ministraciones')
    .select(['id', 'numero', 'pagare_numero'])
    .where('credito_id', '=', c.id)
    .orderBy('numero')
    .execute();
  for (const [i, m] of ministraciones.entries()) {
    await t.base.db
      .updateTable('ministraciones')
      .set({ pagare_vencimiento: VENCIMIENTOS[i] ?? '2023-04-01' })
      .where('id', '=', m.id)
      .execute();
  }
  return { id: c.id, numero: c.numero, ministraciones };
}

async function turnar(creditoId: number, despachoId: number, hasta: string): Promise<number> {
  const admin = await t.base.db
    .selectFrom('usuarios')
    .select('id')
    .where('usuario', '=', 'admin')
    .executeTakeFirstOrThrow();
  const turno = await t.base.db
    .insertInto('turnados')
    .values({
      credito_id: creditoId,
      despacho_id: despachoId,
      motivo: 'Prueba',
      desde: '2025-06-01',
      hasta,
      turnado_por: admin.id,
      turnado_en: new Date('2025-06-01T16:00:00Z'),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return turno.id;
}

const expediente = (sesion: Sesion | undefined, id: number) =>
  t.pedir('GET', `/api/creditos/${id}/expediente`, { sesion });
const lista = (sesion: Sesion | undefined, consulta = 'dias=180') =>
  t.pedir('GET', `/api/prescripcion?${consulta}`, { sesion });
const pagaresDe = (r: { json(): { pagares: Array<{ creditoId: number }> } }, c: Credito) =>
  r.json().pagares.filter((p) => p.creditoId === c.id);

beforeAll(async () => {
  t = await crearAppDePrueba();
  const despacho = await t.base.db
    .insertInto('despachos')
    .values({ nombre: 'Quijada y Asociados, S.C.' })
    .returning('id')
    .executeTakeFirstOrThrow();
  abogado = await t.base.db
    .updateTable('usuarios')
    .set({ despacho_id: despacho.id })
    .where('usuario', '=', 'abogado')
    .returning(['id', 'despacho_id'])
    .executeTakeFirstOrThrow();
  if (abogado.despacho_id === null) throw new Error('el abogado no quedó en su despacho');
  gestorId = (
    await t.base.db
      .selectFrom('usuarios')
      .select('id')
      .where('usuario', '=', 'gestor')
      .executeTakeFirstOrThrow()
  ).id;
  hmo = await credito('HMO');
  conDemanda = await credito('HMO');
  conConvenio = await credito('HMO');
  liquidado = await credito('HMO');
  nogales = await credito('NOG');
  turnado = await credito('HMO', abogado.despacho_id);
  obregon = await credito('OBR');
  await t.base.db
    .updateTable('creditos')
    .set({ gestor_id: gestorId })
    .where('id', 'in', [hmo.id, conDemanda.id, conConvenio.id])
    .execute();
  await t.base.db
    .updateTable('creditos')
    .set({ estado: 'liquidado' })
    .where('id', '=', liquidado.id)
    .execute();
  await t.base.db
    .updateTable('creditos')
    .set({ estado: 'en_juridico' })
    .where('id', '=', turnado.id)
    .execute();
  // A lawsuit filed on 15/01/2026 by the firm holding the account.
  const turnoDemanda = await turnar(conDemanda.id, abogado.despacho_id, '2026-12-31');
  await t.base.db
    .insertInto('actuaciones_juridicas')
    .values({
      turnado_id: turnoDemanda,
      credito_id: conDemanda.id,
      estado: 'demanda_presentada',
      fecha: '2026-01-15',
      juzgado: 'Juzgado Primero de lo Mercantil, Hermosillo',
      expediente_judicial: '123/2026',
      registrado_por: abogado.id,
      registrado_en: new Date('2026-01-15T18:00:00Z'),
    })
    .execute();
  await turnar(turnado.id, abogado.despacho_id, '2026-06-30');
  await t.base.db
    .updateTable('creditos')
    .set({ turnado_hasta: '2026-06-30' })
    .where('id', '=', turnado.id)
    .execute();
  // A signed acknowledgment on 03/02/2025. The convenio's own life is convenios.test.ts'; here
  // only its date matters, so the row goes in without one (foreign keys off for this insert).
  await t.base.db.transaction().execute(async (trx) => {
    await sql`SET LOCAL session_replication_role = replica`.execute(trx);
    await trx
      .insertInto('reconocimientos_de_adeudo')
      .values([
        { credito_id: conConvenio.id, convenio_id: 12, fecha: '2025-02-03' },
        // Three years ago: it restarted obregon's older pagarés until 01/05/2026.
        { credito_id: obregon.id, convenio_id: 13, fecha: '2023-05-01' },
      ])
      .execute();
  });
  for (const u of [
    'gestor',
    'coordinador',
    'admin',
    'gestor.nogales',
    'gestor.obregon',
    'abogado',
  ]) {
    s[u] = await t.entrar(u);
  }
});
afterAll(() => t.cerrar());

describe('GET /api/creditos/:id/expediente', () => {
  it('the expediente first, then each pagaré with its state, its prescription and where it is', async () => {
    const r = await expediente(s.gestor, hmo.id);
    expect(r.statusCode).toBe(200);
    const e = r.json();
    expect(e).toMatchObject({
      creditoId: hmo.id,
      numero: hmo.numero,
      oficina: { clave: 'HMO' },
      turnado: null,
      escaneos: [],
    });
    const archivo = {
      tipo: 'archivo',
      oficina: { id: e.oficina.id, clave: 'HMO', nombre: e.oficina.nombre },
      estante: null,
      caja: null,
      usuario: null,
      despacho: null,
      devolverAMasTardar: null,
      vencida: false,
      registrada: false,
    };
    expect(e.piezas).toEqual([
      {
        etiqueta: `EXP-${hmo.numero}`,
        tipo: 'expediente',
        ministracionId: null,
        pagare: null,
        estadoDocumental: null,
        motivoEstado: null,
        prescripcion: null,
        ubicacion: archivo,
      },
      {
        etiqueta: `PAG-${hmo.ministraciones[0]?.pagare_numero}`,
        tipo: 'pagare',
        ministracionId: hmo.ministraciones[0]?.id,
        pagare: {
          numero: hmo.ministraciones[0]?.pagare_numero,
          ministracion: 1,
          monto: '12500.00',
          vencimiento: '2023-04-01',
          periodoEscolar: 'Periodo 1',
        },
        estadoDocumental: 'vencido',
        motivoEstado: 'Venció el 01/04/2023 y el crédito no está liquidado.',
        prescripcion: {
          fecha: '2026-04-01',
          desde: '2023-04-01',
          motivo: '3 años desde el vencimiento del pagaré (01/04/2023)',
          diasRestantes: 22,
          prescrito: false,
        },
        ubicacion: archivo,
      },
      expect.objectContaining({
        ministracionId: hmo.ministraciones[1]?.id,
        prescripcion: expect.objectContaining({ fecha: '2027-02-28', desde: '2024-02-29' }),
      }),
      expect.objectContaining({
        ministracionId: hmo.ministraciones[2]?.id,
        // Prescribed, marked, not hidden: the debt may still be collected out of court.
        prescripcion: expect.objectContaining({
          fecha: '2025-12-01',
          diasRestantes: -99,
          prescrito: true,
        }),
      }),
    ]);
    const bitacora = await t.base.db
      .selectFrom('bitacora')
      .select(['actor_usuario', 'objeto_id'])
      .where('accion', '=', 'expediente.consultar')
      .execute();
    expect(bitacora).toContainEqual({ actor_usuario: 'gestor', objeto_id: String(hmo.id) });
  });

  it('a pagaré lent to a colleague shows who has it and that it is overdue', async () => {
    const db = t.base.db;
    const m = hmo.ministraciones[1];
    if (!m) throw new Error('sin ministración');
    const acuse = await db
      .insertInto('custodia_acuses')
      .values({
        tipo: 'prestamo',
        entrega_usuario_id: gestorId,
        recibe_usuario_id: gestorId,
        registrado_por: gestorId,
        registrado_en: new Date('2026-03-01T16:00:00Z'),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const destino = {
      credito_id: hmo.id,
      ministracion_id: m.id,
      ubicacion: 'persona' as const,
      oficina_id: null,
      estante: null,
      caja: null,
      usuario_id: gestorId,
      despacho_id: null,
      devolver_a_mas_tardar: '2026-03-09',
    };
    const mov = await db
      .insertInto('custodia_movimientos')
      .values({ ...destino, acuse_id: acuse.id })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('custodia_piezas')
      .values({ ...destino, ultimo_movimiento_id: mov.id })
      .execute();

    const pieza = (await expediente(s.coordinador, hmo.id)).json().piezas[2];
    expect(pieza.ubicacion).toMatchObject({
      tipo: 'persona',
      oficina: { clave: 'HMO' },
      usuario: { id: gestorId },
      devolverAMasTardar: '2026-03-09',
      vencida: true,
      registrada: true,
    });
    // Lent is not a documentary state: the calendar still decides it.
    expect(pieza.estadoDocumental).toBe('vencido');
  });

  it('a lawsuit filed restarts every pagaré from its date', async () => {
    const piezas = (await expediente(s.gestor, conDemanda.id)).json().piezas;
    for (const p of piezas.slice(1)) {
      expect(p.prescripcion).toEqual({
        fecha: '2029-01-15',
        desde: '2026-01-15',
        motivo: '3 años desde la demanda presentada (15/01/2026)',
        diasRestantes: diasEntre(HOY, '2029-01-15' as Fecha),
        prescrito: false,
      });
    }
  });

  it('a signed convenio restarts them from its date, the prescribed one included', async () => {
    const piezas = (await expediente(s.gestor, conConvenio.id)).json().piezas;
    for (const p of piezas.slice(1)) {
      expect(p.prescripcion).toEqual({
        fecha: '2028-02-03',
        desde: '2025-02-03',
        motivo: '3 años desde el reconocimiento de adeudo del convenio 12 (03/02/2025)',
        diasRestantes: diasEntre(HOY, '2028-02-03' as Fecha),
        prescrito: false,
      });
    }
  });

  it('a settled credit: its pagarés are finiquitados or paid in advance, with the reason', async () => {
    await t.base.db
      .updateTable('ministraciones')
      .set({ pagare_vencimiento: '2026-08-01' })
      .where('id', '=', liquidado.ministraciones[2]?.id ?? 0)
      .execute();
    const piezas = (await expediente(s.gestor, liquidado.id)).json().piezas;
    expect(piezas.slice(1).map((p: { estadoDocumental: string }) => p.estadoDocumental)).toEqual([
      'finiquitado',
      'finiquitado',
      'pagado_anticipadamente',
    ]);
    expect(piezas[3].motivoEstado).toBe(
      'El crédito se liquidó el 24/12/2025, antes del vencimiento del pagaré (01/08/2026); falta emitir la carta finiquito.',
    );
  });

  it("another office's credit is refused as every credit route refuses it", async () => {
    const r = await expediente(s['gestor.nogales'], hmo.id);
    expect(r.statusCode).toBe(403);
    expect(r.json().error.mensaje).toBe('Este crédito no está en tu cartera.');
    expect((await expediente(s.coordinador, nogales.id)).statusCode).toBe(403);
    expect((await expediente(s['gestor.nogales'], nogales.id)).statusCode).toBe(200);
    expect((await expediente(s.admin, nogales.id)).statusCode).toBe(200);
    expect((await expediente(s.gestor, 999_999)).statusCode).toBe(404);
  });

  it('the lawyer sees only his firm’s current accounts, and only until the end date', async () => {
    const r = await expediente(s.abogado, turnado.id);
    expect(r.statusCode).toBe(200);
    expect(r.json().turnado).toEqual({
      despacho: { id: abogado.despacho_id, nombre: 'Quijada y Asociados, S.C.' },
      hasta: '2026-06-30',
    });
    expect(r.json().piezas[1]).toMatchObject({
      estadoDocumental: 'en_despacho',
      motivoEstado:
        'El crédito está turnado al despacho Quijada y Asociados, S.C. para su cobro jurídico.',
    });
    const ajeno = await expediente(s.abogado, hmo.id);
    expect(ajeno.statusCode).toBe(404);
    expect(ajeno.json().error.mensaje).toBe(
      'El crédito no existe o no está turnado a tu despacho.',
    );

    t.reloj.fijar('2026-07-01T16:00:00Z');
    try {
      const tarde = await t.entrar('abogado');
      expect((await expediente(tarde, turnado.id)).statusCode).toBe(404);
    } finally {
      t.reloj.fijar('2026-03-10T16:00:00Z');
    }
  });
});

describe('GET /api/prescripcion', () => {
  it('the office’s pagarés prescribing within the days asked, by date, with the credit and the debtor', async () => {
    const r = await lista(s.coordinador);
    expect(r.statusCode).toBe(200);
    const cuerpo = r.json();
    expect(cuerpo).toMatchObject({ hoy: HOY, dias: 180, total: 2, pagina: 1, porPagina: 500 });
    // hmo's first pagaré (22 days) is in; the lawsuit and the convenio moved theirs out; the
    // settled credit owes nothing; Nogales is another office.
    expect(cuerpo.pagares).toEqual([
      {
        creditoId: hmo.id,
        numero: hmo.numero,
        acreditado: 'José Ángel Núñez Ibáñez',
        oficina: { id: expect.any(Number), clave: 'HMO', nombre: expect.any(String) },
        etiqueta: `PAG-${hmo.ministraciones[0]?.pagare_numero}`,
        pagareNumero: hmo.ministraciones[0]?.pagare_numero,
        vencimiento: '2023-04-01',
        prescripcion: {
          fecha: '2026-04-01',
          desde: '2023-04-01',
          motivo: '3 años desde el vencimiento del pagaré (01/04/2023)',
          diasRestantes: 22,
          prescrito: false,
        },
        saldo: null,
      },
      expect.objectContaining({ creditoId: turnado.id, vencimiento: '2023-04-01' }),
    ]);
    expect(cuerpo.total).toBe(2);
    const bitacora = await t.base.db
      .selectFrom('bitacora')
      .select(['actor_usuario', 'detalle'])
      .where('accion', '=', 'prescripcion.consultar')
      .execute();
    expect(bitacora).toContainEqual({
      actor_usuario: 'coordinador',
      detalle: { dias: 180, incluirPrescritos: false, pagina: 1, total: 2 },
    });
  });

  it('a longer window reaches the leap-day pagaré (28/02/2027); the list and the expediente agree', async () => {
    const r = (await lista(s.gestor, 'dias=365')).json();
    const delDiaBisiesto = pagaresDe({ json: () => r }, hmo).find(
      (p) => (p as { vencimiento?: string }).vencimiento === '2024-02-29',
    ) as { prescripcion: unknown } | undefined;
    const enExpediente = (await expediente(s.gestor, hmo.id)).json().piezas[2].prescripcion;
    expect(delDiaBisiesto?.prescripcion).toEqual(enExpediente);
    expect(enExpediente.fecha).toBe('2027-02-28');
    // Every pagaré in the list carries the clock the expediente shows.
    for (const c of [hmo, conConvenio, conDemanda]) {
      const piezas = (await expediente(s.gestor, c.id)).json().piezas;
      for (const p of r.pagares.filter((x: { creditoId: number }) => x.creditoId === c.id)) {
        const pieza = piezas.find((x: { etiqueta: string }) => x.etiqueta === p.etiqueta);
        expect(p.prescripcion).toEqual(pieza.prescripcion);
      }
    }
  });

  it('prescribed pagarés only when asked (those of the same number of days back), marked as such', async () => {
    const sin = await lista(s.coordinador);
    expect(
      sin
        .json()
        .pagares.some((p: { prescripcion: { prescrito: boolean } }) => p.prescripcion.prescrito),
    ).toBe(false);
    // 01/12/2025 is 99 days back: out of a 90-day look back, in a 100-day one.
    const noventa = (await lista(s.coordinador, 'dias=90&incluirPrescritos=si')).json();
    expect(
      noventa.pagares.some(
        (p: { prescripcion: { prescrito: boolean } }) => p.prescripcion.prescrito,
      ),
    ).toBe(false);
    const con = (await lista(s.coordinador, 'dias=100&incluirPrescritos=si')).json();
    const prescritos = con.pagares.filter(
      (p: { prescripcion: { prescrito: boolean } }) => p.prescripcion.prescrito,
    );
    expect(prescritos.map((p: { creditoId: number }) => p.creditoId).sort()).toEqual(
      [hmo.id, turnado.id].sort(),
    );
    expect(prescritos[0].prescripcion).toMatchObject({ fecha: '2025-12-01', diasRestantes: -99 });
    // Ordered by prescription date.
    const fechas = con.pagares.map(
      (p: { prescripcion: { fecha: string } }) => p.prescripcion.fecha,
    );
    expect(fechas).toEqual([...fechas].sort());
  });

  it('scoped: an office sees its own, the administrador all or one office', async () => {
    const nog = (await lista(s['gestor.nogales'])).json().pagares;
    expect(nog.map((p: { creditoId: number }) => p.creditoId)).toEqual([nogales.id]);
    const todos = (await lista(s.admin))
      .json()
      .pagares.map((p: { creditoId: number }) => p.creditoId);
    expect(todos.sort()).toEqual([hmo.id, nogales.id, turnado.id, obregon.id, obregon.id].sort());
    const oficinaNog = nog[0].oficina.id;
    const soloNog = (await lista(s.admin, `dias=180&oficinaId=${oficinaNog}`)).json().pagares;
    expect(soloNog.map((p: { creditoId: number }) => p.creditoId)).toEqual([nogales.id]);
    const ajena = await lista(s.coordinador, `dias=180&oficinaId=${oficinaNog}`);
    expect(ajena.statusCode).toBe(403);
  });

  it('a pagaré restarted into the window is listed, even one due long before it', async () => {
    const r = (await lista(s['gestor.obregon'])).json();
    expect(
      r.pagares.map((p: { vencimiento: string; prescripcion: unknown }) => [
        p.vencimiento,
        p.prescripcion,
      ]),
    ).toEqual([
      [
        '2023-04-01',
        {
          fecha: '2026-05-01',
          desde: '2023-05-01',
          motivo: '3 años desde el reconocimiento de adeudo del convenio 13 (01/05/2023)',
          diasRestantes: 52,
          prescrito: false,
        },
      ],
      // Due on 01/12/2022, prescribed on 01/12/2025 without the convenio.
      ['2022-12-01', expect.objectContaining({ fecha: '2026-05-01', prescrito: false })],
    ]);
  });

  it('pages of 500, soonest first', async () => {
    const r = (await lista(s.admin, 'dias=180&pagina=2')).json();
    expect(r).toMatchObject({ total: 5, pagina: 2, porPagina: 500, pagares: [] });
  });

  it('refuses days out of range naming the field', async () => {
    const r = await lista(s.coordinador, 'dias=0');
    expect(r.statusCode).toBe(400);
    expect(r.json().error.mensaje).toContain('dias');
    expect((await lista(s.coordinador, 'dias=10&otra=1')).statusCode).toBe(400);
  });
});

describe('the queue’s prescription motive', () => {
  it('follows the same clock: a lawsuit and a convenio restart it', async () => {
    const hechos = await hechosDeCola(t.base.db, [gestorId], HOY, new Date('2026-03-10T16:00:00Z'));
    const dias = new Map(hechos.map((h) => [h.creditoId, h.diasParaPrescribir]));
    expect(dias.get(hmo.id)).toBe(22);
    expect(dias.get(conDemanda.id)).toBe(diasEntre(HOY, '2029-01-15' as Fecha));
    expect(dias.get(conConvenio.id)).toBe(diasEntre(HOY, '2028-02-03' as Fecha));
  });
});

describe('/api/parametros/prescripcion', () => {
  const FUNDAMENTO =
    'Criterio de la Dirección Jurídica: el pago parcial documentado reconoce la deuda (CCF art. 1168, fr. II).';

  it('starts with payment not restarting the term, and the coordinador may read it', async () => {
    const r = await t.pedir('GET', '/api/parametros/prescripcion', { sesion: s.coordinador });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({
      pagoInterrumpe: false,
      alertasDias: [180, 90, 30],
      definidoPor: null,
    });
  });

  it('the legal basis is required', async () => {
    const r = await t.pedir('PUT', '/api/parametros/prescripcion', {
      sesion: s.admin,
      cuerpo: { pagoInterrumpe: true, alertasDias: [180, 90, 30] },
    });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.mensaje).toBe('Falta el campo «fundamento».');
    const repetidos = await t.pedir('PUT', '/api/parametros/prescripcion', {
      sesion: s.admin,
      cuerpo: { pagoInterrumpe: true, alertasDias: [90, 90], fundamento: FUNDAMENTO },
    });
    expect(repetidos.statusCode).toBe(400);
    expect(repetidos.json().error.mensaje).toContain('alertasDias');
  });

  it('a payment restarts the term once the administrador says so: a new version, in the bitácora, read by the expediente, the list and the queue', async () => {
    const r = await t.pedir('PUT', '/api/parametros/prescripcion', {
      sesion: s.admin,
      cuerpo: { pagoInterrumpe: true, alertasDias: [30, 120], fundamento: FUNDAMENTO },
    });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({
      pagoInterrumpe: true,
      alertasDias: [120, 30],
      fundamento: FUNDAMENTO,
      definidoPor: expect.any(String),
    });
    const versiones = await t.base.db.selectFrom('parametros_prescripcion').select('id').execute();
    expect(versiones).toHaveLength(2);
    const bitacora = await t.base.db
      .selectFrom('bitacora')
      .select(['actor_usuario', 'detalle'])
      .where('accion', '=', 'prescripcion.parametros')
      .executeTakeFirstOrThrow();
    expect(bitacora).toEqual({
      actor_usuario: 'admin',
      detalle: {
        antes: { pagoInterrumpe: false, alertasDias: [180, 90, 30] },
        despues: { pagoInterrumpe: true, alertasDias: [120, 30] },
        fundamento: FUNDAMENTO,
      },
    });

    // The case's last payment (24/12/2025) now restarts every pagaré of hmo.
    const piezas = (await expediente(s.gestor, hmo.id)).json().piezas;
    expect(piezas[1].prescripcion).toMatchObject({
      fecha: '2028-12-24',
      motivo: '3 años desde el pago documentado del 24/12/2025',
    });
    expect(pagaresDe(await lista(s.coordinador), hmo)).toEqual([]);
    const hechos = await hechosDeCola(t.base.db, [gestorId], HOY, new Date('2026-03-10T16:00:00Z'));
    expect(hechos.find((h) => h.creditoId === hmo.id)?.diasParaPrescribir).toBe(
      diasEntre(HOY, '2028-12-24' as Fecha),
    );
  });
});
