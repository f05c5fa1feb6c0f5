import { type Kysely, sql } from 'kysely';

/** The walk-in register: one row per person who arrives at an office's counter. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE turnos (
      id serial PRIMARY KEY,
      oficina_id integer NOT NULL REFERENCES oficinas(id),
      fecha date NOT NULL,
      numero integer NOT NULL CHECK (numero > 0),
      nombre text NOT NULL CHECK (length(trim(nombre)) > 0),
      motivo text NOT NULL CHECK (motivo IN ('informes', 'abono', 'liquidacion', 'convenio', 'otro')),
      estado text NOT NULL DEFAULT 'en_espera' CHECK (estado IN ('en_espera', 'en_atencion', 'atendido', 'abandonado')),
      llegada timestamptz NOT NULL,
      inicio_atencion timestamptz,
      fin_atencion timestamptz,
      gestor_id integer REFERENCES usuarios(id),
      persona_id integer REFERENCES personas(id),
      resultado text,
      registrado_por integer NOT NULL REFERENCES usuarios(id),
      UNIQUE (oficina_id, fecha, numero),
      CHECK (estado <> 'en_atencion' OR (gestor_id IS NOT NULL AND inicio_atencion IS NOT NULL)),
      CHECK (estado <> 'atendido' OR (fin_atencion IS NOT NULL AND resultado IS NOT NULL))
    );
    CREATE INDEX turnos_oficina_fecha ON turnos (oficina_id, fecha, estado);
  `.execute(db);
}
