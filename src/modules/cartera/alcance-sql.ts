import type { ExpressionBuilder } from 'kysely';
import type { BaseDeDatos } from '../../db/esquema.ts';
import type { Actor } from '../seguridad/actor.ts';

/**
 * `alcanzaObjeto` as a SQL condition on `creditos as c`, for lists: the same rule, applied by
 * the database so that a page never carries another office's accounts.
 */
export function filtroDeAlcance(actor: Actor) {
  return (eb: ExpressionBuilder<BaseDeDatos & { c: BaseDeDatos['creditos'] }, 'c'>) => {
    switch (actor.rol) {
      case 'administrador':
      case 'contabilidad':
        return eb.lit(true);
      case 'gestor':
      case 'coordinador':
        return actor.oficinaId === null ? eb.lit(false) : eb('c.oficina_id', '=', actor.oficinaId);
      case 'abogado_externo':
        // Only while turned over: up to the turnado's end date (docs/juridico.md).
        return actor.despachoId === null || actor.hoy === undefined
          ? eb.lit(false)
          : eb.and([
              eb('c.despacho_id', '=', actor.despachoId),
              eb('c.turnado_hasta', '>=', actor.hoy),
            ]);
    }
  };
}
