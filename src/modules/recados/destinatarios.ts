import { sql } from 'kysely';
import type { Db } from '../../db/conexion.ts';
import { ErrorDominio } from '../../domain/errores.ts';
import type { Fecha } from '../../domain/fecha.ts';
import type { Actor } from '../seguridad/actor.ts';

/** Who covers `titularId` today (suplencias in force, dates inclusive, not cancelled). */
export async function suplentesDe(trx: Db, titularId: number, hoy: Fecha): Promise<number[]> {
  const filas = await trx
    .selectFrom('suplencias')
    .select('suplente_id')
    .distinct()
    .where('titular_id', '=', titularId)
    .where('desde', '<=', hoy)
    .where('hasta', '>=', hoy)
    .where('cancelada', 'is', null)
    .execute();
  return filas.map((f) => f.suplente_id);
}

/** Tells a user's open pages (server-sent events) that their recados changed: on commit. */
export async function avisarA(trx: Db, usuarioId: number): Promise<void> {
  await sql`SELECT pg_notify('recados', ${String(usuarioId)})`.execute(trx);
}

/** The recipient and whoever covers them today: a recado for the titular reaches the suplente. */
export async function avisarRecado(trx: Db, paraId: number, hoy: Fecha): Promise<void> {
  await avisarA(trx, paraId);
  for (const suplente of await suplentesDe(trx, paraId, hoy)) await avisarA(trx, suplente);
}

/**
 * A recado is handled by its recipient, by whoever covers the recipient today, or by the
 * coordinador of its office (escalation lands there). Anyone else is refused.
 */
export async function exigirAccesoAlRecado(
  trx: Db,
  actor: Actor,
  recado: { para_id: number; oficina_id: number },
  hoy: Fecha,
): Promise<void> {
  if (recado.para_id === actor.id) return;
  if (actor.rol === 'coordinador' && actor.oficinaId === recado.oficina_id) return;
  if ((await suplentesDe(trx, recado.para_id, hoy)).includes(actor.id)) return;
  throw new ErrorDominio('prohibido', 'Este recado no es para ti.');
}
