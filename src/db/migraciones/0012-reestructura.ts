import { type Kysely, sql } from 'kysely';

/**
 * Signing a reestructura (issue 5): the old credit's debt becomes a new credit with its own
 * pagaré, schedule and agreed rate.
 *
 * - `creditos.tasa_ordinaria_pactada`: a restructured credit carries the ordinary rate agreed
 *   in its convenio; the moratorium rate, base de días and prelación stay its product
 *   version's. Every loader reads COALESCE(pactada, the version's). Null for every other credit.
 * - `creditos.reestructura_de` (the old credit; unique: a credit is restructured once) and
 *   `creditos.convenio_id` (the convenio whose signing created it): both set or both null.
 * - `movimientos.canal` admits `reestructura`: the closing payment that settles the old credit
 *   with the new one's principal. No money changes hands, so the corte de caja and the bank
 *   reconciliation leave it out.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE creditos
      ADD COLUMN tasa_ordinaria_pactada numeric(10, 8)
        CHECK (tasa_ordinaria_pactada BETWEEN 0 AND 1),
      ADD COLUMN reestructura_de integer UNIQUE REFERENCES creditos(id),
      ADD COLUMN convenio_id integer REFERENCES convenios(id),
      ADD CONSTRAINT creditos_reestructura_completa
        CHECK ((reestructura_de IS NULL) = (convenio_id IS NULL)),
      ADD CONSTRAINT creditos_no_se_reestructura_a_si_mismo
        CHECK (reestructura_de IS NULL OR reestructura_de <> id);

    ALTER TABLE movimientos
      DROP CONSTRAINT movimientos_canal_check,
      ADD CONSTRAINT movimientos_canal_check
        CHECK (canal IN ('banco', 'caja', 'nomina', 'importacion', 'reestructura'));
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE movimientos
      DROP CONSTRAINT movimientos_canal_check,
      ADD CONSTRAINT movimientos_canal_check
        CHECK (canal IN ('banco', 'caja', 'nomina', 'importacion'));
    ALTER TABLE creditos
      DROP CONSTRAINT creditos_no_se_reestructura_a_si_mismo,
      DROP CONSTRAINT creditos_reestructura_completa,
      DROP COLUMN convenio_id,
      DROP COLUMN reestructura_de,
      DROP COLUMN tasa_ordinaria_pactada;
  `.execute(db);
}
