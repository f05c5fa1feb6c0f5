import { type Kysely, sql } from 'kysely';

/**
 * A payment may be registered after its day's facts were materialized with an earlier date (a
 * bank deposit assigned days later, a cashier's payment of yesterday entered this morning).
 * Each materialized day remembers the last ledger row its recovery saw; a read finds the
 * days with later rows through the primary key and recomputes their recovery
 * (src/modules/indicadores/materializar-hechos.ts). Null: not known, so the day is refreshed
 * once. Written for PostgreSQL 15 and later.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE hechos_materializados ADD COLUMN recuperacion_hasta_id bigint`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE hechos_materializados DROP COLUMN recuperacion_hasta_id`.execute(db);
}
