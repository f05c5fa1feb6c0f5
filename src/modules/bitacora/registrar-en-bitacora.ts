import { sql } from 'kysely';
import type { Db } from '../../db/conexion.ts';
import type { Actor } from '../seguridad/actor.ts';
import { HASH_GENESIS, hashDeFila } from './canonico.ts';

export interface Evento {
  accion: string;
  objetoTipo?: string;
  objetoId?: string | number;
  detalle?: Record<string, unknown>;
}

/** Who did it, from where, and when (the injected clock's instant). */
export interface Origen {
  actor: Pick<Actor, 'id' | 'usuario'> | null;
  ip: string | null;
  instante: Date;
}

// Any constant works; it names the one lock that orders the chain.
const CANDADO_BITACORA = 727_001;

/**
 * Appends one row to the chain inside the caller's transaction. The advisory lock is held
 * until that transaction ends, so rows are chained in commit order and ids grow with the
 * chain; callers write their bitácora row last to hold the lock briefly.
 */
export async function registrarEnBitacora(trx: Db, origen: Origen, evento: Evento): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(${CANDADO_BITACORA})`.execute(trx);
  const ultima = await trx
    .selectFrom('bitacora')
    .select('hash')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  const { rows } = await sql<{ id: number }>`SELECT nextval('bitacora_id_seq')::int8 AS id`.execute(
    trx,
  );
  const id = Number(rows[0]?.id);
  const contenido = {
    id,
    instante: origen.instante,
    actorId: origen.actor?.id ?? null,
    actorUsuario: origen.actor?.usuario ?? null,
    accion: evento.accion,
    objetoTipo: evento.objetoTipo ?? null,
    objetoId: evento.objetoId === undefined ? null : String(evento.objetoId),
    ip: origen.ip,
    detalle: evento.detalle ?? {},
    hashAnterior: ultima?.hash ?? HASH_GENESIS,
  };
  await trx
    .insertInto('bitacora')
    .values({
      id,
      instante: contenido.instante,
      actor_id: contenido.actorId,
      actor_usuario: contenido.actorUsuario,
      accion: contenido.accion,
      objeto_tipo: contenido.objetoTipo,
      objeto_id: contenido.objetoId,
      ip: contenido.ip,
      detalle: JSON.stringify(contenido.detalle),
      hash_anterior: contenido.hashAnterior,
      hash: hashDeFila(contenido),
    })
    .execute();
}
