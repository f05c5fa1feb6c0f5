import type { Selectable } from 'kysely';
import type { Db } from '../../db/conexion.ts';
import type { SolicitudArcoFila } from '../../db/esquema.ts';
import { ErrorDominio } from '../../domain/errores.ts';
import type { Actor } from '../seguridad/actor.ts';

export type FilaSolicitud = Selectable<SolicitudArcoFila>;

/**
 * Who handles a request: the coordinador of the office that received it, or the
 * administrador (who acts for the Unidad de Transparencia, any office).
 */
export function alcanzaSolicitud(actor: Actor, oficinaId: number): boolean {
  if (actor.rol === 'administrador') return true;
  return actor.rol === 'coordinador' && actor.oficinaId === oficinaId;
}

/** The request, locked for a change when asked, within the actor's reach. */
export async function solicitudEnAlcance(
  trx: Db,
  id: number,
  actor: Actor,
  opciones: { bloquear: boolean },
): Promise<FilaSolicitud> {
  const consulta = trx.selectFrom('solicitudes_arco').selectAll().where('id', '=', id);
  const fila = await (opciones.bloquear ? consulta.forUpdate() : consulta).executeTakeFirst();
  if (!fila) throw new ErrorDominio('no_encontrado', 'La solicitud ARCO no existe.');
  if (!alcanzaSolicitud(actor, fila.oficina_id)) {
    throw new ErrorDominio('prohibido', 'Esta solicitud ARCO la atiende otra oficina.');
  }
  return fila;
}

/** `ARCO-2026-0007`: the year it was received and its number. */
export function folioArco(f: Pick<FilaSolicitud, 'id' | 'recibida'>): string {
  return `ARCO-${f.recibida.slice(0, 4)}-${String(f.id).padStart(4, '0')}`;
}
