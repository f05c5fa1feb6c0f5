import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bucketDeAtraso } from '../../src/domain/antiguedad.ts';
import { eventoPorSituacion, transicion } from '../../src/domain/estado-credito.ts';
import type { Fecha } from '../../src/domain/fecha.ts';
import { calcularAntiguedad } from '../../src/modules/cartera/calcular-antiguedad.ts';
import { calcularEstado } from '../../src/modules/cartera/calcular-estado.ts';
import { type CreditoCargado, cargarCreditos } from '../../src/modules/cartera/cargar-credito.ts';
import { leerLoteDeCreditos } from '../../src/modules/cartera/leer-creditos-en-lotes.ts';
import { RelojManual } from '../../src/plataforma/reloj-sistema.ts';
import { type BaseDePrueba, crearBaseDePrueba } from '../soporte/base-de-prueba.ts';
import { CARPETA_CASOS } from '../soporte/casos.ts';
import { type CasoEntrada, guardarCaso } from '../soporte/fabricas.ts';

/*
 * The streamed aging (keyset batches, one aggregated query each, pipelined, written with
 * unnest) against the per-credit path it replaced: `cargarCreditos` + `calcularEstado` for each
 * credit. A portfolio of every published case (those the engine refuses included) and the 60
 * random ones, read in batches of 4: many batches, a last one that is not full.
 */
let base: BaseDePrueba;
const fecha = '2024-06-30' as Fecha;
const reloj = new RelojManual('2024-06-30T18:00:00Z');
let ids: number[];

function casos(): CasoEntrada[] {
  const publicados = readdirSync(CARPETA_CASOS)
    .filter((n) => n.endsWith('.json'))
    .sort()
    .map(
      (n) =>
        (JSON.parse(readFileSync(join(CARPETA_CASOS, n), 'utf8')) as { caso: CasoEntrada }).caso,
    );
  const aleatorios = readFileSync(join(CARPETA_CASOS, 'aleatorios.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => (JSON.parse(l) as { caso: CasoEntrada }).caso);
  return [...publicados, ...aleatorios];
}

beforeAll(async () => {
  base = await crearBaseDePrueba();
  for (const caso of casos()) {
    // A case whose amounts cannot even be stored (09, an invalid amount) is not a credit.
    await guardarCaso(base.db, caso).catch(() => null);
  }
  // Every credit of the database (the template may hold some of its own), as the aging reads.
  ids = (await base.db.selectFrom('creditos').select('id').orderBy('id').execute()).map(
    (c) => c.id,
  );
  // A window a broken convenio revoked, on a credit that has one (case 05).
  await sql`UPDATE periodos_sin_moratorio SET revocado_el = desde + 10
             WHERE id = (SELECT min(id) FROM periodos_sin_moratorio)`.execute(base.db);
}, 60_000);
afterAll(() => base.cerrar());

/** What the per-credit path gives: rows, refusals and state changes, in id order. */
function esperado(creditos: Map<number, CreditoCargado>) {
  const filas = [];
  const conError = [];
  const transiciones = [];
  for (const id of ids) {
    const credito = creditos.get(id);
    if (!credito) throw new Error(`falta el crédito ${id}`);
    try {
      const e = calcularEstado(credito, fecha);
      filas.push({
        credito_id: id,
        fecha,
        situacion: e.situacion,
        dias_atraso: e.diasAtraso,
        bucket: bucketDeAtraso(e.diasAtraso),
        capital_insoluto_centavos: e.capitalInsoluto,
        saldo_exigible_centavos: e.saldoExigible,
        saldo_para_liquidar_centavos: e.saldoParaLiquidar,
        interes_moratorio_centavos: e.interesMoratorio,
      });
      const evento = eventoPorSituacion(credito.estado, e.situacion);
      const a = evento === null ? null : transicion(credito.estado, evento);
      if (a !== null) transiciones.push({ numero: credito.credito.numero, de: credito.estado, a });
    } catch (error) {
      conError.push({
        numero: credito.credito.numero,
        mensaje: error instanceof Error ? error.message : String(error),
      });
    }
  }
  return { filas, conError, transiciones };
}

describe('antigüedad por lotes', () => {
  it('lee cada crédito exactamente como cargarCreditos, lote tras lote', async () => {
    const leidos: CreditoCargado[] = [];
    let lotes = 0;
    for (let ultimo = 0; ; lotes++) {
      const lote = await leerLoteDeCreditos(base.db, ultimo, 4);
      const fin = lote.at(-1);
      if (fin === undefined) break;
      ultimo = fin.id;
      leidos.push(...lote);
    }
    expect(lotes).toBe(Math.ceil(ids.length / 4));
    expect(leidos.map((c) => c.id)).toEqual(ids);
    const porCredito = await cargarCreditos(base.db, ids);
    // cargarCreditos' history rows also carry their credito_id; the engine does not read it.
    const sinCreditoId = <T extends object>(filas: readonly T[]) =>
      filas.map((f) => Object.fromEntries(Object.entries(f).filter(([k]) => k !== 'credito_id')));
    for (const leido of leidos) {
      const c = porCredito.get(leido.id);
      expect(c).toBeDefined();
      if (!c) continue;
      expect(leido).toEqual({
        ...c,
        ministraciones: sinCreditoId(c.ministraciones),
        amortizaciones: sinCreditoId(c.amortizaciones),
        movimientos: sinCreditoId(c.movimientos),
        periodos: sinCreditoId(c.periodos),
      });
    }
    // The portfolio exercises every history: cancellations, windows (one revoked), no movements.
    expect(leidos.some((c) => c.movimientos.some((m) => m.cancela_id !== null))).toBe(true);
    expect(leidos.some((c) => c.periodos.some((p) => p.revocado_el != null))).toBe(true);
    expect(leidos.some((c) => c.movimientos.length === 0)).toBe(true);
  });

  it('guarda lo mismo que el motor crédito por crédito, con los mismos errores y transiciones', async () => {
    const previsto = esperado(await cargarCreditos(base.db, ids));
    // The portfolio has refusals and state changes, so the comparison below tests both.
    expect(previsto.conError.length).toBeGreaterThan(0);
    expect(previsto.transiciones.length).toBeGreaterThan(0);

    const r = await base.db
      .transaction()
      .execute((trx) => calcularAntiguedad(trx, fecha, { reloj, ip: null }, { lote: 4 }));
    expect(r).toEqual({
      fecha,
      creditos: previsto.filas.length,
      conError: previsto.conError,
      transiciones: previsto.transiciones,
    });
    const guardadas = await base.db
      .selectFrom('antiguedad_saldos')
      .selectAll()
      .where('fecha', '=', fecha)
      .orderBy('credito_id')
      .execute();
    expect(guardadas.map(({ calculado: _, ...f }) => f)).toEqual(previsto.filas);
    expect(new Set(guardadas.map((f) => new Date(f.calculado).toISOString()))).toEqual(
      new Set([reloj.ahora().toISOString()]),
    );
    const estados = await base.db
      .selectFrom('creditos')
      .select(['numero', 'estado'])
      .where(
        'numero',
        'in',
        previsto.transiciones.map((t) => t.numero),
      )
      .execute();
    expect(new Map(estados.map((e) => [e.numero, e.estado]))).toEqual(
      new Map(previsto.transiciones.map((t) => [t.numero, t.a])),
    );
    const bitacora = await base.db
      .selectFrom('bitacora')
      .select('detalle')
      .where('accion', '=', 'antiguedad.calcular')
      .execute();
    expect(bitacora).toEqual([
      {
        detalle: {
          fecha,
          creditos: previsto.filas.length,
          conError: previsto.conError.length,
          transiciones: previsto.transiciones,
        },
      },
    ]);
  });

  it('recalcular con otro tamaño de lote reemplaza la instantánea con los mismos números', async () => {
    const antes = await base.db
      .selectFrom('antiguedad_saldos')
      .selectAll()
      .where('fecha', '=', fecha)
      .orderBy('credito_id')
      .execute();
    const despues = new RelojManual('2024-06-30T19:00:00Z');
    const r = await base.db
      .transaction()
      .execute((trx) => calcularAntiguedad(trx, fecha, { reloj: despues, ip: null }, { lote: 7 }));
    // The states moved in the first run: nothing moves again.
    expect(r.transiciones).toEqual([]);
    const ahora = await base.db
      .selectFrom('antiguedad_saldos')
      .selectAll()
      .where('fecha', '=', fecha)
      .orderBy('credito_id')
      .execute();
    expect(ahora.map(({ calculado: _, ...f }) => f)).toEqual(
      antes.map(({ calculado: _, ...f }) => f),
    );
    expect(ahora.every((f) => new Date(f.calculado).getTime() === despues.ahora().getTime())).toBe(
      true,
    );
  });
});
