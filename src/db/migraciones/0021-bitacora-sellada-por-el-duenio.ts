import { type Kysely, sql } from 'kysely';

/**
 * The app's role may only append entries to `bitacora_entrada` and read `bitacora`
 * (src/db/permisos-de-la-app.ts): the sealing at commit, which inserts the chained row, takes
 * the chain's id and deletes the entry, runs with the rights of the function's owner. Its
 * search_path is fixed, with pg_temp last, so that a caller's temporary table named
 * `bitacora` cannot stand in for the real one.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    DO $$
    BEGIN
      EXECUTE format('ALTER FUNCTION bitacora_sellar() SECURITY DEFINER SET search_path = %I, pg_temp',
                     current_schema());
    END $$;
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER FUNCTION bitacora_sellar() SECURITY INVOKER RESET search_path`.execute(db);
}
