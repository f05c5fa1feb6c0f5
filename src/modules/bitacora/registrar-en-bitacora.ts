import type { Db } from '../../db/conexion.ts';
import type { Actor } from '../seguridad/actor.ts';

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

/**
 * Adds the event to the caller's transaction. PostgreSQL chains it into the bitácora when the
 * transaction commits (migration 0010): the row exists exactly when the change it records does,
 * and no lock is held across round trips to this process.
 */
export async function registrarEnBitacora(trx: Db, origen: Origen, evento: Evento): Promise<void> {
  await trx
    .insertInto('bitacora_entrada')
    .values({
      instante: origen.instante,
      actor_id: origen.actor?.id ?? null,
      actor_usuario: origen.actor?.usuario ?? null,
      accion: evento.accion,
      objeto_tipo: evento.objetoTipo ?? null,
      objeto_id: evento.objetoId === undefined ? null : String(evento.objetoId),
      ip: origen.ip,
      detalle: JSON.stringify(evento.detalle ?? {}),
    })
    .execute();
}
