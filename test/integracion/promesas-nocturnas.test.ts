import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cargarDemo } from '../../src/modules/demo/cargar-demo.ts';
import { revisarPromesasDePago } from '../../src/modules/gestion/revisar-promesas-de-pago.ts';
import { RelojManual } from '../../src/plataforma/reloj-sistema.ts';
import { type BaseDePrueba, crearBaseDePrueba } from '../soporte/base-de-prueba.ts';
import { casoPublicado, guardarCaso } from '../soporte/fabricas.ts';

// The nightly review of promesas de pago outside a convenio (src/plataforma/trabajos.ts runs
// `revisarPromesasDePago` after the aging): called here as the job calls it, with the test
// clock, against the real database. Today is 2026-03-10.

let base: BaseDePrueba;
const reloj = new RelojManual('2026-03-10T09:00:00Z');
let gestorId = 0;
let resultadoPromesa = 0;

beforeAll(async () => {
  base = await crearBaseDePrueba();
  await base.db.transaction().execute((trx) => cargarDemo(trx, { reloj, ip: null }));
  gestorId = (
    await base.db
      .selectFrom('usuarios')
      .select('id')
      .where('usuario', '=', 'gestor')
      .executeTakeFirstOrThrow()
  ).id;
  resultadoPromesa = (
    await base.db
      .selectFrom('resultados_gestion')
      .select('id')
      .where('clave', '=', 'promesa_de_pago')
      .executeTakeFirstOrThrow()
  ).id;
});
afterAll(() => base.cerrar());

interface Escenario {
  /** Promised 1,000.00 on `fecha`, made on `hechaEl`. */
  fecha: string;
  tolerancia: number;
  hechaEl?: string;
  estado?: 'pendiente' | 'cumplida';
  pagos?: Array<{ fecha: string; monto: number; cancelado?: boolean }>;
}

/** A credit of its own with one promise (and its gestión) and the payments given. */
async function promesa(e: Escenario): Promise<{ id: number; creditoId: number }> {
  const db = base.db;
  const c = await guardarCaso(db, casoPublicado('01-pago-parcial-con-atraso.json'));
  const hechaEl = e.hechaEl ?? '2026-03-02';
  const g = await db
    .insertInto('gestiones')
    .values({
      credito_id: c.id,
      canal: 'llamada_saliente',
      resultado_id: resultadoPromesa,
      inicio: `${hechaEl}T17:00:00Z`,
      registrado_por: gestorId,
      registrado: `${hechaEl}T17:00:00Z`,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const p = await db
    .insertInto('promesas_pago')
    .values({
      credito_id: c.id,
      gestion_id: g.id,
      monto_centavos: 100_000,
      fecha: e.fecha,
      tolerancia_dias: e.tolerancia,
      hecha_el: hechaEl,
      estado: e.estado ?? 'pendiente',
      resuelta_el: e.estado === 'cumplida' ? '2026-03-04' : null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const pago of e.pagos ?? []) {
    const m = await db
      .insertInto('movimientos')
      .values({
        credito_id: c.id,
        tipo: 'pago',
        fecha: pago.fecha,
        monto_centavos: pago.monto,
        excedente: 'reducir_plazo',
        canal: 'banco',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (pago.cancelado) {
      await db
        .insertInto('movimientos')
        .values({ credito_id: c.id, tipo: 'cancelacion', fecha: pago.fecha, cancela_id: m.id })
        .execute();
    }
  }
  return { id: p.id, creditoId: c.id };
}

async function estado(id: number) {
  return base.db
    .selectFrom('promesas_pago')
    .select(['estado', 'resuelta_el'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
}

const revisar = () =>
  base.db
    .transaction()
    .execute((trx) => revisarPromesasDePago(trx, { reloj, ip: null, actor: null }));

describe('revisarPromesasDePago (trabajo nocturno)', () => {
  it('incumplida pasada la fecha más la tolerancia sin pago suficiente; cumplida con el pago; pendiente dentro de la tolerancia', async () => {
    // 03-05 + 2 = 03-07 < 03-10, nothing paid.
    const sinPago = await promesa({ fecha: '2026-03-05', tolerancia: 2 });
    // 03-06 + 3 = 03-09: the last day of tolerance was yesterday.
    const ayerVencio = await promesa({ fecha: '2026-03-06', tolerancia: 3 });
    // Only half paid in time.
    const parcial = await promesa({
      fecha: '2026-03-05',
      tolerancia: 2,
      pagos: [{ fecha: '2026-03-06', monto: 50_000 }],
    });
    // Paid in full, but after the tolerance (03-08 > 03-07).
    const tarde = await promesa({
      fecha: '2026-03-05',
      tolerancia: 2,
      pagos: [{ fecha: '2026-03-08', monto: 100_000 }],
    });
    // Paid in full before the promise was made: that payment is not the promise's.
    const pagoAnterior = await promesa({
      fecha: '2026-03-05',
      tolerancia: 2,
      hechaEl: '2026-03-03',
      pagos: [{ fecha: '2026-03-02', monto: 100_000 }],
    });
    // Paid in full and then the payment cancelled.
    const cancelado = await promesa({
      fecha: '2026-03-05',
      tolerancia: 2,
      pagos: [{ fecha: '2026-03-05', monto: 100_000, cancelado: true }],
    });
    // Paid in two parts within the tolerance.
    const pagada = await promesa({
      fecha: '2026-03-05',
      tolerancia: 2,
      pagos: [
        { fecha: '2026-03-04', monto: 40_000 },
        { fecha: '2026-03-07', monto: 60_000 },
      ],
    });
    // Already kept days ago, and no payment on record now: it is not looked at again.
    const yaCumplida = await promesa({ fecha: '2026-03-03', tolerancia: 0, estado: 'cumplida' });
    // 03-07 + 3 = 03-10: today is its last day.
    const ultimoDia = await promesa({ fecha: '2026-03-07', tolerancia: 3 });
    // Due in two days.
    const futura = await promesa({ fecha: '2026-03-12', tolerancia: 0 });

    const r = await revisar();

    const incumplidas = [sinPago, ayerVencio, parcial, tarde, pagoAnterior, cancelado];
    expect(r.incumplidas.sort((a, b) => a - b)).toEqual(incumplidas.map((p) => p.id));
    expect(r.cumplidas).toEqual([pagada.id]);
    for (const p of incumplidas) {
      expect(await estado(p.id)).toEqual({ estado: 'incumplida', resuelta_el: '2026-03-10' });
    }
    expect(await estado(pagada.id)).toEqual({ estado: 'cumplida', resuelta_el: '2026-03-10' });
    expect(await estado(yaCumplida.id)).toEqual({ estado: 'cumplida', resuelta_el: '2026-03-04' });
    expect(await estado(ultimoDia.id)).toEqual({ estado: 'pendiente', resuelta_el: null });
    expect(await estado(futura.id)).toEqual({ estado: 'pendiente', resuelta_el: null });

    // One bitácora row for the run, naming what it settled.
    const filas = await base.db
      .selectFrom('bitacora')
      .select('detalle')
      .where('accion', '=', 'promesas_pago.revisadas')
      .execute();
    expect(filas).toHaveLength(1);
    expect(filas[0]?.detalle).toMatchObject({ fecha: '2026-03-10', cumplidas: [pagada.id] });

    // Run again the same night: nothing left to settle, no second row.
    expect(await revisar()).toEqual({ cumplidas: [], incumplidas: [] });
    expect(
      await base.db
        .selectFrom('bitacora')
        .select('id')
        .where('accion', '=', 'promesas_pago.revisadas')
        .execute(),
    ).toHaveLength(1);

    // The next night the one on its last day breaks; the future one still waits.
    reloj.fijar('2026-03-11T09:00:00Z');
    expect(await revisar()).toEqual({ cumplidas: [], incumplidas: [ultimoDia.id] });
    expect(await estado(ultimoDia.id)).toEqual({ estado: 'incumplida', resuelta_el: '2026-03-11' });
    expect(await estado(futura.id)).toEqual({ estado: 'pendiente', resuelta_el: null });
  });
});
