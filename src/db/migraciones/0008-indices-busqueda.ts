import { type Kysely, sql } from 'kysely';

/**
 * Prefix search (LIKE 'x%') on identifiers needs pattern-ops indexes: with a non-C collation
 * the ordinary unique indexes cannot serve it, and a CURP lookup scanned every person.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE INDEX personas_curp_patron ON personas (curp text_pattern_ops);
    CREATE INDEX personas_rfc_patron ON personas (rfc text_pattern_ops);
    CREATE INDEX ministraciones_pagare_patron ON ministraciones (pagare_numero text_pattern_ops);
  `.execute(db);
}
