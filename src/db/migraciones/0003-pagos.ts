import { type Kysely, sql } from 'kysely';

/** Money-moving requests remember their answer by Idempotency-Key. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE solicitudes_idempotentes (
      usuario_id integer NOT NULL REFERENCES usuarios(id),
      clave text NOT NULL CHECK (length(clave) BETWEEN 8 AND 200),
      ruta text NOT NULL,
      -- SHA-256 of method, route and canonical body: the same key with another body is refused.
      huella text NOT NULL,
      estado_http smallint,
      -- The first answer's exact bytes (text, not jsonb, which would reorder its keys).
      respuesta text,
      creada timestamptz NOT NULL,
      PRIMARY KEY (usuario_id, clave)
    );
  `.execute(db);
}
