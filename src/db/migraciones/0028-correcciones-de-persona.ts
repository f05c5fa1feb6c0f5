import { type Kysely, sql } from 'kysely';

/**
 * Supervised corrections of a person (issue 17, item 3): a name, a CURP or a birth date that
 * came in wrong (an Excel `#N/A` imported as a surname) is corrected by the coordinador of an
 * office that holds a credit of hers, or the administrador, with a reason. Each correction
 * keeps the fields before and after, who and when; the app may only insert (the history is
 * never edited). Written for PostgreSQL 15 and later.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE correcciones_persona (
      id serial PRIMARY KEY,
      persona_id integer NOT NULL REFERENCES personas(id),
      -- Only the fields corrected, as the API names them: {"segundoApellido": "#N/A"}.
      antes jsonb NOT NULL,
      despues jsonb NOT NULL,
      motivo text NOT NULL CHECK (motivo <> ''),
      registrada_por integer NOT NULL REFERENCES usuarios(id),
      registrada timestamptz NOT NULL
    );
    CREATE INDEX correcciones_persona_persona ON correcciones_persona (persona_id, id);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE correcciones_persona`.execute(db);
}
