import { type Kysely, sql } from 'kysely';

/**
 * The days of tolerance a convenio's promises get become a parameter of each alternative and
 * campaign version (issue 5: "tolerance in days configurable"), versioned and dated like the
 * rest of the catalogue. A convenio already copies the value into `convenios.tolerancia_dias`
 * when proposed, so it keeps the one of the version it was signed under. Existing versions get
 * the 5 days that were the global setting until now; the versions' append-only trigger does not
 * fire on ALTER TABLE.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE versiones_alternativa
      ADD COLUMN tolerancia_dias smallint NOT NULL DEFAULT 5
        CHECK (tolerancia_dias BETWEEN 0 AND 60);
    ALTER TABLE versiones_campana
      ADD COLUMN tolerancia_dias smallint NOT NULL DEFAULT 5
        CHECK (tolerancia_dias BETWEEN 0 AND 60);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE versiones_campana DROP COLUMN tolerancia_dias;
    ALTER TABLE versiones_alternativa DROP COLUMN tolerancia_dias;
  `.execute(db);
}
