import type { Db } from '../../db/conexion.ts';
import { ErrorDominio } from '../../domain/errores.ts';
import type { Actor } from '../seguridad/actor.ts';

export interface Oficina {
  id: number;
  nombre: string;
}

/**
 * The office a list, a distribution or a suplencia works on: a gestor's or coordinador's own
 * (whatever the request names); the administrador and contabilidad, who see every office, must
 * name one.
 */
export async function oficinaDeTrabajo(
  trx: Db,
  actor: Actor,
  oficinaId: number | undefined,
): Promise<Oficina> {
  let id: number;
  switch (actor.rol) {
    case 'gestor':
    case 'coordinador':
      if (actor.oficinaId === null) {
        throw new ErrorDominio('prohibido', 'No tienes una oficina asignada.');
      }
      id = actor.oficinaId;
      break;
    case 'administrador':
    case 'contabilidad':
      if (oficinaId === undefined) {
        throw new ErrorDominio('entrada_invalida', 'Indica la oficina («oficinaId»).', 'oficinaId');
      }
      id = oficinaId;
      break;
    case 'abogado_externo':
      throw new ErrorDominio('prohibido', 'No tienes permiso para esta operación.');
  }
  const oficina = await trx
    .selectFrom('oficinas')
    .select(['id', 'nombre'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!oficina) throw new ErrorDominio('no_encontrado', `La oficina ${id} no existe.`, 'oficinaId');
  return oficina;
}
