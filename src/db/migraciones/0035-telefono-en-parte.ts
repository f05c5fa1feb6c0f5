import { type Kysely, sql } from 'kysely';

/**
 * At the counter a debtor gives part of a number («termina en 4567»): a trigram index over the
 * numbers serves `numero LIKE '%4567%'` without reading every phone (docs/gestion.md, búsqueda).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE INDEX telefonos_numero_trgm ON telefonos USING gin (numero gin_trgm_ops)
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX telefonos_numero_trgm`.execute(db);
}
