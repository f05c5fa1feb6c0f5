import { type Kysely, sql } from 'kysely';

/**
 * Search by name in any order, with or without accents, by partial words: trigram indexes over
 * an accent-free, lower-case form of each name. unaccent() is only STABLE (its dictionary could
 * change), so an IMMUTABLE wrapper naming the dictionary is what an index may use.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE FUNCTION texto_busqueda(t text) RETURNS text
      LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
      AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, t)) $$;

    ALTER TABLE personas ADD COLUMN nombre_busqueda text GENERATED ALWAYS AS (
      texto_busqueda(nombres || ' ' || primer_apellido || coalesce(' ' || segundo_apellido, ''))
    ) STORED;
    CREATE INDEX personas_nombre_trgm ON personas USING gin (nombre_busqueda gin_trgm_ops);
    CREATE INDEX personas_rfc ON personas (rfc);
    CREATE INDEX telefonos_numero ON telefonos (numero);
    CREATE INDEX creditos_numero_patron ON creditos (numero text_pattern_ops);
  `.execute(db);
}
