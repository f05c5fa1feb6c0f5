import { sql } from 'kysely';
import type { Db } from '../../db/conexion.ts';

export interface Reasignacion {
  /** Parallel arrays: credit i goes to gestor i. */
  creditoIds: readonly number[];
  gestorIds: readonly number[];
  instante: Date;
  asignadoPor: number | null;
  motivo: string | null;
}

/**
 * Gives many accounts their holders at once, history included, in the caller's transaction:
 * one statement per step over arrays (no 90,000 round trips for 30,000 accounts). An account
 * going to whoever holds it already keeps its open row; the others get it closed at `instante`
 * and a new one opened, and creditos.gestor_id follows. Also what an import or the demo should
 * call when they bring holders, so that the history starts with them. Returns how many
 * accounts changed holder (or got their first).
 */
export async function reasignarEnBloque(trx: Db, r: Reasignacion): Promise<number> {
  if (r.creditoIds.length !== r.gestorIds.length) {
    throw new RangeError('reasignarEnBloque: un gestor por crédito');
  }
  if (r.creditoIds.length === 0) return 0;
  const reparto = sql`unnest(${[...r.creditoIds]}::int4[], ${[...r.gestorIds]}::int4[]) AS u(credito_id, gestor_id)`;
  // GREATEST: a row backfilled from the credit's creation may start after the business clock's
  // now; it then closes empty instead of breaking hasta >= desde.
  await sql`
    UPDATE asignaciones a SET hasta = GREATEST(a.desde, ${r.instante}::timestamptz)
    FROM ${reparto}
    WHERE a.credito_id = u.credito_id AND a.hasta IS NULL AND a.gestor_id <> u.gestor_id
  `.execute(trx);
  const abiertas = await sql`
    INSERT INTO asignaciones (credito_id, gestor_id, desde, asignado_por, motivo)
    SELECT u.credito_id, u.gestor_id, ${r.instante}::timestamptz, ${r.asignadoPor}::int4, ${r.motivo}
    FROM ${reparto}
    WHERE NOT EXISTS (SELECT 1 FROM asignaciones a WHERE a.credito_id = u.credito_id AND a.hasta IS NULL)
  `.execute(trx);
  await sql`
    UPDATE creditos c SET gestor_id = u.gestor_id
    FROM ${reparto}
    WHERE c.id = u.credito_id AND c.gestor_id IS DISTINCT FROM u.gestor_id
  `.execute(trx);
  return Number(abiertas.numAffectedRows ?? 0n);
}
