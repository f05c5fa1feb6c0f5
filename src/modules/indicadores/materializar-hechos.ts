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

/**
 * Recomputes every fact of `fecha` from the stored facts, in the caller's transaction: each
 * family deletes the day's rows and inserts them again, so running it twice leaves the same
 * rows. Two materializations of the same day wait for each other (advisory lock).
 */
export async function materializarDia(trx: Db, fecha: Fecha, ctx: Contexto): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(hashtext(${`hechos-de-indicadores:${fecha}`}))`.execute(
    trx,
  );
  const agings = await agingsDelDia(trx, fecha);
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
    })
    .onConflict((oc) =>
      oc.column('fecha').doUpdateSet((eb) => ({
        materializado: eb.ref('excluded.materializado'),
        recuperacion_al: eb.ref('excluded.recuperacion_al'),
        antiguedad: eb.ref('excluded.antiguedad'),
        antiguedad_inicio: eb.ref('excluded.antiguedad_inicio'),
      })),
    )
    .execute();
}

/** How stale today's recovery may be before a read refreshes it. */
const FRESCURA_MS = 60_000;

/**
 * Today's payments keep arriving after the day was materialized: a read of today refreshes the
 * day's recovery (the day's payments, found by index) when it is more than a minute old. The
 * other families of today wait for the nightly run or «recalcular».
 */
export async function refrescarRecuperacionDeHoy(trx: Db, ctx: Contexto): Promise<void> {
  const hoy = ctx.reloj.hoy();
  const ahora = ctx.reloj.ahora();
  const limite = new Date(ahora.getTime() - FRESCURA_MS);
  const dia = await trx
    .selectFrom('hechos_materializados')
    .select('recuperacion_al')
    .where('fecha', '=', hoy)
    .executeTakeFirst();
  if (!dia || new Date(dia.recuperacion_al) > limite) return;
  await sql`SELECT pg_advisory_xact_lock(hashtext(${`hechos-de-indicadores:${hoy}`}))`.execute(trx);
  // Someone else may have refreshed it while this read waited for the lock.
  const otra = await trx
    .updateTable('hechos_materializados')
    .set({ recuperacion_al: ahora })
    .where('fecha', '=', hoy)
    .where('recuperacion_al', '<=', limite)
    .executeTakeFirst();
  if (otra.numUpdatedRows === 0n) return;
  await materializarRecuperacion(trx, hoy);
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
