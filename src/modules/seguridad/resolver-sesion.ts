import type { Db } from '../../db/conexion.ts';
import type { Reloj } from '../../domain/reloj.ts';
import type { Actor } from './actor.ts';
import { hashDeToken, SESION_INACTIVIDAD_MIN } from './iniciar-sesion.ts';

export interface SesionActiva {
  idHash: string;
  csrf: string;
  actor: Actor;
}

// Touching the session on every request would write on every read; once a minute is enough
// for a 30-minute idle timeout.
const TOQUE_MIN_MS = 60_000;

/** The live session behind a cookie token, or null (unknown, closed, idle or expired). */
export async function resolverSesion(
  db: Db,
  token: string,
  reloj: Reloj,
): Promise<SesionActiva | null> {
  const ahora = reloj.ahora();
  const idHash = hashDeToken(token);
  const fila = await db
    .selectFrom('sesiones as s')
    .innerJoin('usuarios as u', 'u.id', 's.usuario_id')
    .select([
      's.id_hash',
      's.csrf',
      's.ultimo_uso',
      'u.id',
      'u.usuario',
      'u.nombre',
      'u.rol',
      'u.oficina_id',
      'u.despacho_id',
    ])
    .where('s.id_hash', '=', idHash)
    .where('s.cerrada', 'is', null)
    .where('u.activo', '=', true)
    .where('s.expira', '>', ahora)
    .where('s.ultimo_uso', '>', new Date(ahora.getTime() - SESION_INACTIVIDAD_MIN * 60_000))
    .executeTakeFirst();
  if (!fila) return null;
  if (ahora.getTime() - fila.ultimo_uso.getTime() > TOQUE_MIN_MS) {
    await db
      .updateTable('sesiones')
      .set({ ultimo_uso: ahora })
      .where('id_hash', '=', idHash)
      .execute();
  }
  return {
    idHash,
    csrf: fila.csrf,
    actor: {
      id: fila.id,
      usuario: fila.usuario,
      nombre: fila.nombre,
      rol: fila.rol,
      oficinaId: fila.oficina_id,
      despachoId: fila.despacho_id,
      hoy: reloj.hoy(),
    },
  };
}
