import { type Kysely, sql } from 'kysely';

/** Carta finiquito / constancia de no adeudo: one per settled credit, numbered by its folio. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE cartas_finiquito (
      folio serial PRIMARY KEY,
      credito_id integer NOT NULL UNIQUE REFERENCES creditos(id),
      fecha date NOT NULL,
      -- What the engine said when it was issued: the evidence behind the letter.
      total_pagado_centavos bigint NOT NULL,
      emitida_por integer NOT NULL REFERENCES usuarios(id),
      emitida timestamptz NOT NULL
    );
  `.execute(db);
}
