import { type Kysely, sql } from 'kysely';

/**
 * Tasa por puntualidad (calculo.md R9): the institute's tiers are 6% a year ordinary, 3% for
 * whoever pays on time and 0% for whoever pays on time with an average of 90 or more.
 *
 * - `versiones_producto.tasa_puntual_anual`: the punctual rate of a product version, at most its
 *   ordinary rate. Dated with the version like the other rates: a new rate is a new version.
 *   Null: R9 does not apply to the version's credits.
 * - `creditos.tasa_puntual_anual`: the credit's own punctual rate (e.g. 0% for a high average),
 *   which wins over the version's; its `motivo` and `evidencia` (e.g. "Constancia de
 *   calificaciones, promedio 94.5") say why. Who set it and when are in the bitácora
 *   (`credito.tasa_puntual`). It cannot be compared here with the ordinary rate in force (that
 *   lives in another table): the use case and the import check it.
 *
 * A restructured credit (`tasa_ordinaria_pactada`) keeps its product version's punctual rate;
 * the loaders cap it at the agreed ordinary rate (src/db/tasas-en-vigor.ts).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE versiones_producto
      ADD COLUMN tasa_puntual_anual numeric(10, 8),
      ADD CONSTRAINT versiones_producto_tasa_puntual_check
        CHECK (tasa_puntual_anual BETWEEN 0 AND tasa_ordinaria_anual);
    ALTER TABLE creditos
      ADD COLUMN tasa_puntual_anual numeric(10, 8),
      ADD COLUMN tasa_puntual_motivo text,
      ADD COLUMN tasa_puntual_evidencia text,
      ADD CONSTRAINT creditos_tasa_puntual_check
        CHECK (tasa_puntual_anual BETWEEN 0 AND 1),
      ADD CONSTRAINT creditos_tasa_puntual_con_motivo
        CHECK (tasa_puntual_anual IS NULL OR length(trim(tasa_puntual_motivo)) > 0);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE creditos
      DROP CONSTRAINT creditos_tasa_puntual_con_motivo,
      DROP CONSTRAINT creditos_tasa_puntual_check,
      DROP COLUMN tasa_puntual_evidencia,
      DROP COLUMN tasa_puntual_motivo,
      DROP COLUMN tasa_puntual_anual;
    ALTER TABLE versiones_producto
      DROP CONSTRAINT versiones_producto_tasa_puntual_check,
      DROP COLUMN tasa_puntual_anual;
  `.execute(db);
}
