import { type Kysely, sql } from 'kysely';

// Written for PostgreSQL 15 and later: nothing here needs a newer server.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE oficinas (
      id serial PRIMARY KEY,
      clave text NOT NULL UNIQUE,
      nombre text NOT NULL UNIQUE
    );
    -- The institute's three offices are facts, not demo data.
    INSERT INTO oficinas (clave, nombre) VALUES
      ('HMO', 'Hermosillo'), ('OBR', 'Cd. Obregón'), ('NOG', 'Nogales');

    CREATE TYPE rol AS ENUM ('gestor', 'coordinador', 'contabilidad', 'abogado_externo', 'administrador');

    CREATE TABLE usuarios (
      id serial PRIMARY KEY,
      usuario text NOT NULL,
      nombre text NOT NULL CHECK (length(trim(nombre)) > 0),
      rol rol NOT NULL,
      oficina_id integer REFERENCES oficinas(id),
      hash_contrasena text NOT NULL,
      activo boolean NOT NULL DEFAULT true,
      creado timestamptz NOT NULL DEFAULT now(),
      contrasena_cambiada timestamptz NOT NULL DEFAULT now(),
      -- Gestores and coordinadores work in one office; their access is scoped to it.
      CONSTRAINT usuarios_oficina_requerida CHECK (rol NOT IN ('gestor', 'coordinador') OR oficina_id IS NOT NULL)
    );
    CREATE UNIQUE INDEX usuarios_usuario_unico ON usuarios (lower(usuario));

    CREATE TABLE sesiones (
      id_hash text PRIMARY KEY,
      usuario_id integer NOT NULL REFERENCES usuarios(id),
      csrf text NOT NULL,
      creada timestamptz NOT NULL,
      ultimo_uso timestamptz NOT NULL,
      expira timestamptz NOT NULL,
      ip text,
      cerrada timestamptz
    );
    CREATE INDEX sesiones_usuario ON sesiones (usuario_id) WHERE cerrada IS NULL;

    CREATE TABLE intentos_login (
      id bigserial PRIMARY KEY,
      usuario text NOT NULL,
      ip text NOT NULL,
      instante timestamptz NOT NULL,
      exitoso boolean NOT NULL
    );
    CREATE INDEX intentos_login_usuario ON intentos_login (lower(usuario), instante) WHERE NOT exitoso;
    CREATE INDEX intentos_login_ip ON intentos_login (ip, instante) WHERE NOT exitoso;

    CREATE TABLE bitacora (
      id bigint PRIMARY KEY,
      instante timestamptz NOT NULL,
      actor_id integer REFERENCES usuarios(id),
      actor_usuario text,
      accion text NOT NULL,
      objeto_tipo text,
      objeto_id text,
      ip text,
      detalle jsonb NOT NULL DEFAULT '{}'::jsonb,
      hash_anterior text NOT NULL CHECK (hash_anterior ~ '^[0-9a-f]{64}$'),
      hash text NOT NULL UNIQUE CHECK (hash ~ '^[0-9a-f]{64}$')
    );
    CREATE SEQUENCE bitacora_id_seq OWNED BY bitacora.id;
    CREATE INDEX bitacora_objeto ON bitacora (objeto_tipo, objeto_id);
    CREATE INDEX bitacora_actor ON bitacora (actor_id, instante);

    -- Append-only: the chain of hashes detects an edit made around these triggers.
    CREATE FUNCTION bitacora_solo_anexar() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'la bitácora solo admite inserciones (% rechazado)', TG_OP
        USING ERRCODE = 'insufficient_privilege';
    END $$;
    CREATE TRIGGER bitacora_sin_cambios BEFORE UPDATE OR DELETE ON bitacora
      FOR EACH ROW EXECUTE FUNCTION bitacora_solo_anexar();
    CREATE TRIGGER bitacora_sin_truncar BEFORE TRUNCATE ON bitacora
      FOR EACH STATEMENT EXECUTE FUNCTION bitacora_solo_anexar();
  `.execute(db);
}
