import type { Db } from '../../db/conexion.ts';
import type { Fecha } from '../../domain/fecha.ts';
import type { Actor } from '../seguridad/actor.ts';

/**
 * A demo login as the actor of the use cases the demo runs on its behalf (the administrador
 * turns accounts over, the gestor proposes convenios…), as a session would resolve it; null
 * when that login does not exist or is inactive.
 */
export async function actorDemo(trx: Db, usuario: string, hoy?: Fecha): Promise<Actor | null> {
  const u = await trx
    .selectFrom('usuarios')
    .select(['id', 'usuario', 'nombre', 'rol', 'oficina_id', 'despacho_id'])
    .where('usuario', '=', usuario)
    .where('activo', '=', true)
    .executeTakeFirst();
  if (u === undefined) return null;
  return {
    id: u.id,
    usuario: u.usuario,
    nombre: u.nombre,
    rol: u.rol,
    oficinaId: u.oficina_id,
    despachoId: u.despacho_id,
    ...(hoy === undefined ? {} : { hoy }),
  };
}
