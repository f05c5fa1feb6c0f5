import { type Kysely, sql } from 'kysely';

/**
 * One payment, more than one ledger row (issue 3, src/modules/pagos/reparto-puntual.ts): a
 * payment made shortly before a due date on a credit with a punctual rate is stored as the
 * part that follows the chosen excedente and the part kept as `adelantar` for the due date.
 * The first row is the payment (its folio, its `clave_externa`); each other row names it in
 * `parte_de`. Receipts, the corte de caja and cancellations treat them as one payment.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE movimientos
      ADD COLUMN parte_de bigint REFERENCES movimientos(id),
      ADD CONSTRAINT movimiento_parte_de_un_pago CHECK (parte_de IS NULL OR tipo = 'pago');
    CREATE INDEX movimientos_parte_de ON movimientos (parte_de) WHERE parte_de IS NOT NULL;
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP INDEX movimientos_parte_de;
    ALTER TABLE movimientos
      DROP CONSTRAINT movimiento_parte_de_un_pago,
      DROP COLUMN parte_de;
  `.execute(db);
}
