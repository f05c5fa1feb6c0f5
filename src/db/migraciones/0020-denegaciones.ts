import { type Kysely, sql } from 'kysely';

/**
 * Refused requests (issue 13, item 5). A 403 rolls back the use case's transaction, and with it
 * any bitácora row written there: 8,000 refusals left no trace. The HTTP edge now records each
 * refusal in a short transaction of its own, after the rollback. A flood must stay cheap, so
 * refusals are counted per (who, from where, route, object, minute): one row per window,
 * upserted, and one bitácora row the first time, which puts the refusal in the sealed chain.
 *
 * Also the bitácora's search (item 10): by action, by user as recorded, by date, and by the
 * ids a row's detail names (`personaId`, `creditos: [...]`), newest first.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE denegaciones (
      id bigserial PRIMARY KEY,
      -- The start of the minute the refusals fell in (the injected clock's instant, truncated).
      minuto timestamptz NOT NULL,
      usuario_id integer REFERENCES usuarios(id),
      usuario text,
      ip text,
      -- 'GET /api/creditos/:id': the route as registered, never the raw URL.
      ruta text NOT NULL,
      objeto_tipo text,
      objeto_id text,
      motivo text NOT NULL,
      veces integer NOT NULL DEFAULT 1 CHECK (veces > 0),
      primera timestamptz NOT NULL,
      ultima timestamptz NOT NULL,
      -- A refusal without a session (a foreign Origin) has no user, a route without :id no object.
      CONSTRAINT denegaciones_una_por_minuto
        UNIQUE NULLS NOT DISTINCT (minuto, usuario_id, ip, ruta, objeto_id)
    );
    CREATE INDEX denegaciones_por_minuto ON denegaciones (minuto DESC);
    CREATE INDEX denegaciones_por_usuario ON denegaciones (lower(usuario), minuto DESC);

    CREATE INDEX bitacora_por_accion ON bitacora (accion, id);
    CREATE INDEX bitacora_por_usuario ON bitacora (lower(actor_usuario), id);
    CREATE INDEX bitacora_por_instante ON bitacora (instante);
    CREATE INDEX bitacora_por_detalle ON bitacora USING gin (detalle jsonb_path_ops);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP INDEX bitacora_por_detalle, bitacora_por_instante, bitacora_por_usuario, bitacora_por_accion;
    DROP TABLE denegaciones;
  `.execute(db);
}
