import { type Kysely, sql } from 'kysely';

/**
 * The prescription list (GET /api/prescripcion, docs/expedientes.md) over a portfolio of two
 * million pagarés. A pagaré can prescribe within the window only if its due date (or the act
 * that restarted it) falls in the window three years earlier, so the list starts from a range
 * of due dates: with the credit and the ministración's number in the index, that range (some
 * 45,000 pagarés for 180 days of the demo's 300,000 accounts) is read from the index alone,
 * without visiting the table pages they are scattered over. Each candidate then needs its
 * credit's office, state and number: from the second index alone too (about a fifth of the
 * list's time on that portfolio). When the administrador says a documented payment restarts
 * the term, each credit's latest payment is read backwards from the third.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE INDEX ministraciones_vencimiento
      ON ministraciones (pagare_vencimiento) INCLUDE (credito_id, numero);
    CREATE INDEX creditos_alcance ON creditos (id) INCLUDE (oficina_id, estado, numero);
    CREATE INDEX movimientos_pagos ON movimientos (credito_id, fecha) WHERE tipo = 'pago';
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP INDEX ministraciones_vencimiento, creditos_alcance, movimientos_pagos;
  `.execute(db);
}
