import { type Kysely, sql } from 'kysely';

/**
 * The chain is sealed at commit time, inside PostgreSQL. Before, each transaction took the
 * chain's lock and then made several round trips to the app (read the last hash, hash, insert,
 * commit) while holding it: under load every request in the institute queued behind the
 * slowest event loop. Now a use case only inserts its entry into `bitacora_entrada`; a
 * deferred constraint trigger seals it into `bitacora` when the transaction commits (lock,
 * last hash, SHA-256, insert — no client round trip), so the lock is held for microseconds and
 * the chain still follows commit order. Nothing is lost: the entry and the sealed row live and
 * die with the transaction.
 *
 * The canonical text hashed is PostgreSQL's own (jsonb text, UTC instant with microseconds),
 * so the verifier recomputes it in SQL with the same expression.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE bitacora_entrada (
      id bigserial PRIMARY KEY,
      instante timestamptz NOT NULL,
      actor_id integer REFERENCES usuarios(id),
      actor_usuario text,
      accion text NOT NULL,
      objeto_tipo text,
      objeto_id text,
      ip text,
      detalle jsonb NOT NULL DEFAULT '{}'::jsonb
    );

    CREATE FUNCTION bitacora_canonico(
      id bigint, instante timestamptz, actor_id integer, actor_usuario text, accion text,
      objeto_tipo text, objeto_id text, ip text, detalle jsonb, hash_anterior text
    ) RETURNS text LANGUAGE sql IMMUTABLE AS $$
      SELECT jsonb_build_array(
        id, to_char(instante AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), actor_id,
        actor_usuario, accion, objeto_tipo, objeto_id, ip, detalle, hash_anterior
      )::text
    $$;

    CREATE FUNCTION bitacora_hash(hash_anterior text, canonico text) RETURNS text
      LANGUAGE sql IMMUTABLE AS $$
      SELECT encode(sha256(convert_to(hash_anterior || canonico, 'UTF8')), 'hex')
    $$;

    CREATE FUNCTION bitacora_sellar() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
      anterior text;
      nuevo bigint;
    BEGIN
      PERFORM pg_advisory_xact_lock(727001);
      SELECT b.hash INTO anterior FROM bitacora b ORDER BY b.id DESC LIMIT 1;
      anterior := coalesce(anterior, repeat('0', 64));
      nuevo := nextval('bitacora_id_seq');
      INSERT INTO bitacora (id, instante, actor_id, actor_usuario, accion, objeto_tipo, objeto_id, ip, detalle, hash_anterior, hash)
      VALUES (nuevo, NEW.instante, NEW.actor_id, NEW.actor_usuario, NEW.accion, NEW.objeto_tipo, NEW.objeto_id, NEW.ip, NEW.detalle, anterior,
              bitacora_hash(anterior, bitacora_canonico(nuevo, NEW.instante, NEW.actor_id, NEW.actor_usuario, NEW.accion,
                                                        NEW.objeto_tipo, NEW.objeto_id, NEW.ip, NEW.detalle, anterior)));
      DELETE FROM bitacora_entrada WHERE id = NEW.id;
      RETURN NULL;
    END $$;

    CREATE CONSTRAINT TRIGGER bitacora_sellar_al_confirmar
      AFTER INSERT ON bitacora_entrada
      DEFERRABLE INITIALLY DEFERRED
      FOR EACH ROW EXECUTE FUNCTION bitacora_sellar();
  `.execute(db);
}
