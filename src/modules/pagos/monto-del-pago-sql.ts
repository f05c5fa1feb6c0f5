import { type RawBuilder, sql } from 'kysely';
import type { Centavos } from '../../domain/dinero.ts';
import { ErrorDominio } from '../../domain/errores.ts';

/**
 * A payment's total in SQL, for queries that list payments: a payment stored in parts
 * (migration 0016) is its first row (`parte_de IS NULL`, filter on it) plus the rows that name
 * it. `alias` is the movimientos alias of the query (`m`). The sum is cast back to int8 (a
 * `sum` of int8 is numeric, which pg hands over as text), so the column arrives as checked
 * `Centavos`. It is null for a movement without an amount (a cancelación); a query that keeps
 * only payments reads it with `montoExigido`.
 */
export function montoDelPago(alias: string): RawBuilder<Centavos | null> {
  return sql<Centavos | null>`(${sql.ref(`${alias}.monto_centavos`)} + coalesce(
    (select sum(parte.monto_centavos) from movimientos parte
      where parte.parte_de = ${sql.ref(`${alias}.id`)}), 0))::bigint`;
}

/**
 * A payment's `montoDelPago`. The table's check makes every payment carry its amount, so a
 * null here is damaged data: reported, never shown as a payment of $0.00.
 */
export function montoExigido(monto: Centavos | null, movimientoId: number): Centavos {
  if (monto === null) {
    throw new ErrorDominio(
      'credito_inconsistente',
      `El pago ${movimientoId} no tiene monto: los datos del movimiento están dañados.`,
    );
  }
  return monto;
}
