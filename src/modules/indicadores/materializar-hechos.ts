import { sql } from 'kysely';
import type { Db } from '../../db/conexion.ts';
import { type Fecha, sumarDias } from '../../domain/fecha.ts';
import { type Mes, mesDeFecha, primerDia, ultimoDia } from '../../domain/metas/mes.ts';
import type { Contexto } from '../contexto.ts';
import { cifrasDeCobertura } from './cobertura.ts';
import { agingsDelDia, materializarCartera } from './hechos/cartera.ts';
import { materializarCompromisos } from './hechos/compromisos.ts';
import { materializarRecuperacion } from './hechos/recuperacion.ts';

/** The month's coverage up to the end of `fecha` (cobertura.ts's formulas, cut at that day). */
async function materializarCobertura(trx: Db, fecha: Fecha): Promise<void> {
  await trx.deleteFrom('hechos_cobertura').where('fecha', '=', fecha).execute();
  const filas = await cifrasDeCobertura(
    trx,
    primerDia(mesDeFecha(fecha)),
    sumarDias(fecha, 1),
    sql<boolean>`true`,
  );
  if (filas.length === 0) return;
  await trx
    .insertInto('hechos_cobertura')
    .values(
      filas.map((f) => ({
        fecha,
        oficina_id: f.oficina_id,
        gestor_id: f.es_oficina === 1 ? null : f.gestor_id,
        asignadas: f.asignadas,
        gestionadas: f.gestionadas,
        con_contacto: f.con_contacto,
      })),
    )
    .execute();
}

/** Two materializations of the same day (a read, the nightly job) wait for each other. */
async function bloquearDia(trx: Db, fecha: Fecha): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(hashtext(${`hechos-de-indicadores:${fecha}`}))`.execute(
    trx,
  );
}

/**
 * Recomputes every fact of `fecha` from the stored facts, in the caller's transaction: each
 * family deletes the day's rows and inserts them again, so running it twice leaves the same
 * rows. Two materializations of the same day wait for each other (advisory lock).
 */
export async function materializarDia(trx: Db, fecha: Fecha, ctx: Contexto): Promise<void> {
  await bloquearDia(trx, fecha);
  const agings = await agingsDelDia(trx, fecha);
  const hastaId = await ultimoMovimiento(trx);
  await materializarRecuperacion(trx, fecha);
  await materializarCobertura(trx, fecha);
  await materializarCompromisos(trx, fecha);
  await materializarCartera(trx, fecha, agings);
  await trx
    .insertInto('hechos_materializados')
    .values({
      fecha,
      materializado: ctx.reloj.ahora(),
      antiguedad: agings.antiguedad,
      antiguedad_inicio: agings.antiguedadInicio,
      recuperacion_al: ctx.reloj.ahora(),
      recuperacion_hasta_id: hastaId,
    })
    .onConflict((oc) =>
      oc.column('fecha').doUpdateSet((eb) => ({
        materializado: eb.ref('excluded.materializado'),
        recuperacion_al: eb.ref('excluded.recuperacion_al'),
        recuperacion_hasta_id: eb.ref('excluded.recuperacion_hasta_id'),
        antiguedad: eb.ref('excluded.antiguedad'),
        antiguedad_inicio: eb.ref('excluded.antiguedad_inicio'),
      })),
    )
    .execute();
}

/**
 * The ledger's last row, read before a day's recovery is recomputed: a row committed later has
 * a higher id, so the next read sees it as new. (A row whose id was taken before this read but
 * committed after it is caught by the nightly run of that day and the day after.)
 */
async function ultimoMovimiento(trx: Db): Promise<number> {
  const r = await trx
    .selectFrom('movimientos')
    .select((eb) => eb.fn.max('id').as('id'))
    .executeTakeFirst();
  return Number(r?.id ?? 0);
}

/**
 * Payments and cancellations keep arriving after their day was materialized: today's all day
 * long, and earlier days' too (a deposit assigned days later, yesterday's receipt entered this
 * morning). The days of [desde, corte] with ledger rows newer than the ones their recovery saw
 * get their recovery recomputed now, so a read always counts every payment stored before it.
 * The newer rows are found through the primary key: after the nightly run they are few.
 */
export async function refrescarRecuperacion(
  trx: Db,
  desde: Fecha,
  corte: Fecha,
  ctx: Contexto,
): Promise<void> {
  const { rows } = await sql<{ fecha: Fecha }>`
    SELECT DISTINCT m.fecha
      FROM movimientos m
      JOIN hechos_materializados h ON h.fecha = m.fecha
     WHERE m.id > (SELECT coalesce(min(coalesce(recuperacion_hasta_id, 0)), 0)
                     FROM hechos_materializados
                    WHERE fecha BETWEEN ${desde}::date AND ${corte}::date)
       AND m.id > coalesce(h.recuperacion_hasta_id, 0)
       AND m.fecha BETWEEN ${desde}::date AND ${corte}::date
       AND m.tipo IN ('pago', 'cancelacion')
     ORDER BY m.fecha`.execute(trx);
  for (const { fecha } of rows) {
    await bloquearDia(trx, fecha);
    const hastaId = await ultimoMovimiento(trx);
    await materializarRecuperacion(trx, fecha);
    await trx
      .updateTable('hechos_materializados')
      .set({ recuperacion_al: ctx.reloj.ahora(), recuperacion_hasta_id: hastaId })
      .where('fecha', '=', fecha)
      .execute();
  }
}

export interface ResultadoMaterializacion {
  desde: Fecha;
  hasta: Fecha;
  dias: number;
}

/**
 * The days [desde, hasta], one transaction per day (a reader sees a day's old facts or its
 * new ones, never half). Days after today are skipped: nothing happened on them yet.
 * `db` must be the pool, not a transaction.
 */
export async function materializarHechos(
  db: Db,
  desde: Fecha,
  hasta: Fecha,
  ctx: Contexto,
): Promise<ResultadoMaterializacion> {
  const hoy = ctx.reloj.hoy();
  const fin = hasta > hoy ? hoy : hasta;
  let dias = 0;
  for (let f = desde; f <= fin; f = sumarDias(f, 1)) {
    const fecha = f;
    await db.transaction().execute((trx) => materializarDia(trx, fecha, ctx));
    dias += 1;
  }
  return { desde, hasta: fin, dias };
}

/** A whole month (up to today): what «recalcular» and the month-end run do. */
export function materializarMes(
  db: Db,
  mes: Mes,
  ctx: Contexto,
): Promise<ResultadoMaterializacion> {
  return materializarHechos(db, primerDia(mes), ultimoDia(mes), ctx);
}
