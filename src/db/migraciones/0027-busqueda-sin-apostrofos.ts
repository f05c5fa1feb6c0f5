import { type Kysely, sql } from 'kysely';

/**
 * «O’Farrill», «O'Farrill» and «OFarrill» are the same surname to whoever types it at the
 * counter: the search form of a name drops apostrophes (straight, typographic, the modifier
 * letter, and the acute accent and backtick people type instead). The query goes through the
 * same function, so each of `ofarrill`, `o'farrill` and `o’farrill` finds each spelling.
 * Replacing the function does not recompute stored generated values: the names that carry one
 * of those marks are rewritten to themselves, which recomputes theirs (and their index entry).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE OR REPLACE FUNCTION texto_busqueda(t text) RETURNS text
      LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
      AS $$ SELECT translate(lower(public.unaccent('public.unaccent'::regdictionary, t)), '''´\`’‘ʼ', '') $$;

    UPDATE personas SET nombres = nombres
     WHERE nombres || primer_apellido || coalesce(segundo_apellido, '') ~ '[''´\`’‘ʼ]';
  `.execute(db);
}
