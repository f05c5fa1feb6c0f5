import { type RawBuilder, sql } from 'kysely';
import { cierreDelDia } from '../../../db/dia-de-negocio.ts';

/**
 * Who held the credit at the close of `fecha` (business time): the assignment interval
 * [desde, hasta) that contains the last instant of the day; null when nobody did. An empty
 * interval (undone at the same instant) holds nothing. One index lookup (asignaciones_credito).
 */
export function titularAlCierre(
  credito: RawBuilder<unknown>,
  fecha: RawBuilder<unknown> | string,
): RawBuilder<number | null> {
  const cierre = cierreDelDia(fecha);
  return sql<number | null>`(
    SELECT a.gestor_id FROM asignaciones a
     WHERE a.credito_id = ${credito} AND a.desde < ${cierre}
       AND (a.hasta IS NULL OR (a.hasta >= ${cierre} AND a.hasta > a.desde))
     ORDER BY a.desde DESC, a.id DESC LIMIT 1)`;
}
