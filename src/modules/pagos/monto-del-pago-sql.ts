import { type RawBuilder, sql } from 'kysely';

/**
 * A payment's total in SQL, for queries that list payments: a payment stored in parts
 * (migration 0016) is its first row (`parte_de IS NULL`, filter on it) plus the rows that name
 * it. `alias` is the movimientos alias of the query (`m`).
 */
export function montoDelPago(alias: string): RawBuilder<number> {
  return sql<number>`(${sql.ref(`${alias}.monto_centavos`)} + coalesce(
    (select sum(parte.monto_centavos) from movimientos parte
      where parte.parte_de = ${sql.ref(`${alias}.id`)}), 0))::bigint`;
}
