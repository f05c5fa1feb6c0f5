import { type Kysely, sql } from 'kysely';

/**
 * The work queue's «near prescription» motive follows the prescription alerts of issue 10
 * (`parametros_prescripcion.alertas_dias`, versioned, with their legal basis): the gestión
 * parameter that set its own threshold goes, so one knob says when a pagaré is near. Written
 * for PostgreSQL 15 and later.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE parametros_gestion DROP COLUMN dias_para_prescripcion`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE parametros_gestion ADD COLUMN dias_para_prescripcion smallint NOT NULL
      DEFAULT 180 CHECK (dias_para_prescripcion > 0)
  `.execute(db);
}
