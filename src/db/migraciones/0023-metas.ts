import { type Kysely, sql } from 'kysely';

/**
 * Metas (issue 11, item 1): the monthly goals of a gestor (set by the office's coordinador) or
 * of an office (set by the administrador). Each change is a new version row; the current goal
 * is the highest version, so who changed what and when is never lost (the app may only insert).
 * Every item is optional; an item with a goal carries its weight in the weighted index.
 * Written for PostgreSQL 15 and later.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE metas (
      id serial PRIMARY KEY,
      mes date NOT NULL CHECK (extract(day FROM mes) = 1),
      oficina_id integer NOT NULL REFERENCES oficinas(id),
      -- null: the office's own goal.
      gestor_id integer REFERENCES usuarios(id),
      version integer NOT NULL CHECK (version >= 1),
      recuperacion_centavos bigint CHECK (recuperacion_centavos >= 0),
      recuperacion_peso numeric(6, 2) CHECK (recuperacion_peso >= 0),
      contactos_efectivos integer CHECK (contactos_efectivos >= 0),
      contactos_efectivos_peso numeric(6, 2) CHECK (contactos_efectivos_peso >= 0),
      convenios integer CHECK (convenios >= 0),
      convenios_peso numeric(6, 2) CHECK (convenios_peso >= 0),
      turnos_atendidos integer CHECK (turnos_atendidos >= 0),
      turnos_atendidos_peso numeric(6, 2) CHECK (turnos_atendidos_peso >= 0),
      motivo text,
      registrada_por integer NOT NULL REFERENCES usuarios(id),
      registrada timestamptz NOT NULL,
      -- A weight belongs to an item with a goal, and an item with a goal has a weight.
      CHECK ((recuperacion_centavos IS NULL) = (recuperacion_peso IS NULL)),
      CHECK ((contactos_efectivos IS NULL) = (contactos_efectivos_peso IS NULL)),
      CHECK ((convenios IS NULL) = (convenios_peso IS NULL)),
      CHECK ((turnos_atendidos IS NULL) = (turnos_atendidos_peso IS NULL))
    );
    -- One version number per subject and month (an office's goal has no gestor).
    CREATE UNIQUE INDEX metas_version_unica
      ON metas (mes, oficina_id, coalesce(gestor_id, 0), version);
    CREATE INDEX metas_por_gestor ON metas (gestor_id, mes) WHERE gestor_id IS NOT NULL;
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE metas`.execute(db);
}
