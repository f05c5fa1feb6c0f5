import { sql } from 'kysely';
import type { Db } from '../../db/conexion.ts';
import type { Fecha } from '../../domain/fecha.ts';

/** Suplencias naming the user as suplente and in force on `hoy` (dates inclusive). */
function suplenciasEnVigor(trx: Db, usuarioId: number, hoy: Fecha) {
  return trx
    .selectFrom('suplencias as s')
    .where('s.suplente_id', '=', usuarioId)
    .where('s.desde', '<=', hoy)
    .where('s.hasta', '>=', hoy)
    .where('s.cancelada', 'is', null);
}

/**
 * The credits a user works today: those he holds, plus those of every titular he covers for
 * under a suplencia in force. For `where('c.id', 'in', creditosACargo(…))`.
 *
 * The holders go in as one array (`gestor_id = ANY(ARRAY(…))`, computed once), so PostgreSQL
 * reads the creditos_gestor index once per holder instead of scanning every credit, which an
 * `OR gestor_id IN (subquery)` would.
 */
export function creditosACargo(trx: Db, usuarioId: number, hoy: Fecha) {
  const titulares = suplenciasEnVigor(trx, usuarioId, hoy).select('s.titular_id');
  return trx
    .selectFrom('creditos as cac')
    .select('cac.id as credito_id')
    .where(sql<boolean>`cac.gestor_id = ANY(ARRAY(SELECT ${usuarioId}::int4 UNION ${titulares}))`);
}

/** The gestores whose accounts (and recados) the user covers today under a suplencia. */
export async function titularesSuplidos(trx: Db, usuarioId: number, hoy: Fecha): Promise<number[]> {
  const filas = await suplenciasEnVigor(trx, usuarioId, hoy)
    .select('s.titular_id')
    .distinct()
    .orderBy('s.titular_id')
    .execute();
  return filas.map((f) => f.titular_id);
}
