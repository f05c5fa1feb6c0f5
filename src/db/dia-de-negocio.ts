import { type RawBuilder, sql } from 'kysely';
import { ZONA_INSTITUTO } from '../domain/gestion/zona-horaria.ts';

/**
 * Business days as instants, in SQL: a calendar day of the institute runs from 00:00 to 00:00
 * in Hermosillo (UTC−7 all year). Every query that turns a `date` into a `timestamptz` bound
 * goes through here, so none computes it in UTC by mistake.
 */

/** 00:00 (Hermosillo) of the day `dias` days after `fecha`: the start of that business day. */
export function inicioDelDia(fecha: RawBuilder<unknown> | string, dias = 0): RawBuilder<Date> {
  return sql<Date>`((${fecha}::date + ${dias}::integer)::timestamp AT TIME ZONE ${ZONA_INSTITUTO})`;
}

/** 00:00 (Hermosillo) of the day after `fecha`: the instant a business day closes. */
export function cierreDelDia(fecha: RawBuilder<unknown> | string): RawBuilder<Date> {
  return inicioDelDia(fecha, 1);
}
