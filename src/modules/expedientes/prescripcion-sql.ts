import { type Expression, type RawBuilder, sql } from 'kysely';
import type { Fecha } from '../../domain/fecha.ts';

/*
 * The prescription clock (src/domain/expedientes/prescripcion.ts) in SQL, for lists over the
 * portfolio: the same acts, the same dates. PostgreSQL's `date + interval '3 years'` lands on
 * the same day or the month's last (29/02 → 28/02), as `sumarAnios` does.
 */

/** The latest signed acknowledgment of the credit on or before `hoy`, or null. */
export const ultimoReconocimiento = (
  credito: Expression<number>,
  hoy: Fecha,
): RawBuilder<string | null> =>
  sql`(SELECT max(r.fecha) FROM reconocimientos_de_adeudo r
        WHERE r.credito_id = ${credito} AND r.fecha <= ${hoy}::date)`;

/** The latest lawsuit filed on the credit on or before `hoy`, or null. */
export const ultimaDemanda = (credito: Expression<number>, hoy: Fecha): RawBuilder<string | null> =>
  sql`(SELECT max(a.fecha) FROM actuaciones_juridicas a
        WHERE a.credito_id = ${credito} AND a.estado = 'demanda_presentada'
          AND a.fecha <= ${hoy}::date)`;

/**
 * The latest documented payment on or before `hoy` (not cancelled; a reestructura's closing
 * payment moved no money), or null; always null when a payment does not interrupt. Read
 * backwards on the credit's payments by date (migration 0030): the first one not cancelled.
 */
export const ultimoPago = (
  credito: Expression<number>,
  hoy: Fecha,
  pagoInterrumpe: boolean,
): RawBuilder<string | null> =>
  pagoInterrumpe
    ? sql`(SELECT p.fecha FROM movimientos p
            WHERE p.credito_id = ${credito} AND p.tipo = 'pago' AND p.fecha <= ${hoy}::date
              AND p.canal IS DISTINCT FROM 'reestructura'
              AND NOT EXISTS (SELECT 1 FROM movimientos x WHERE x.cancela_id = p.id)
            ORDER BY p.fecha DESC LIMIT 1)`
    : sql`NULL::date`;

/**
 * The date a pagaré's three years run from: the latest of its due date and the acts after it
 * (greatest() skips nulls; acts before the due date lose to it).
 */
export const inicioDePrescripcion = (
  vencimiento: Expression<string>,
  ...actos: ReadonlyArray<Expression<string | null>>
): RawBuilder<string> => sql`greatest(${vencimiento}, ${sql.join(actos)})`;

/**
 * The last day a pagaré's summary action may be exercised: three years after the latest of its
 * due date and the acts after it (greatest() skips nulls; acts before the due date lose to it).
 */
export const fechaDePrescripcion = (
  vencimiento: Expression<string>,
  ...actos: ReadonlyArray<Expression<string | null>>
): RawBuilder<string> =>
  sql`(${inicioDePrescripcion(vencimiento, ...actos)} + interval '3 years')::date`;
