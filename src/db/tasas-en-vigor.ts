import { sql } from 'kysely';

/*
 * The rates in force for a credit, for queries that join `creditos as c` with
 * `versiones_producto as v`. Every loader that builds the engine's case reads them from here.
 */

/** A restructured credit carries its agreed ordinary rate (migration 0012); any other, its version's. */
export const tasaOrdinariaEnVigor = sql<string>`coalesce(c.tasa_ordinaria_pactada, v.tasa_ordinaria_anual)`;

/**
 * The version's punctual rate (R9, migration 0015) as it applies to the credit. A restructured
 * credit keeps its product version's (nothing is copied at the signing: it is read from the
 * version, as the moratorium rate is), but never above its agreed ordinary rate, which may be
 * lower than the version's punctual one: then being punctual changes nothing. Null: no R9.
 */
export const tasaPuntualDeVersion = sql<
  string | null
>`CASE WHEN v.tasa_puntual_anual IS NULL THEN NULL
  ELSE least(v.tasa_puntual_anual, ${tasaOrdinariaEnVigor}) END`;
