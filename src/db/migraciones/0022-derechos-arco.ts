import { type Kysely, sql } from 'kysely';

/**
 * Derechos ARCO (LGPDPPSO; issue 13, item 8): the requests of access, rectification,
 * cancellation, opposition and portability, their processing events, the business-day
 * calendar their deadlines count on, the opposition that stops outbound contact, and the
 * blocked data a cancellation keeps apart until the retention period ends.
 * Written for PostgreSQL 15 and later.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    -- Non-working days besides Saturdays and Sundays: the administrador keeps them.
    CREATE TABLE dias_inhabiles (
      fecha date PRIMARY KEY,
      descripcion text NOT NULL CHECK (length(trim(descripcion)) > 0),
      registrado_por integer REFERENCES usuarios(id),
      registrado timestamptz NOT NULL DEFAULT now()
    );
    -- The mandatory rest days of the Ley Federal del Trabajo (art. 74) as a starting point; the
    -- institute's own (Semana Santa, vacations) are added by the administrador.
    INSERT INTO dias_inhabiles (fecha, descripcion) VALUES
      ('2026-01-01', 'Año Nuevo'),
      ('2026-02-02', 'Día de la Constitución'),
      ('2026-03-16', 'Natalicio de Benito Juárez'),
      ('2026-05-01', 'Día del Trabajo'),
      ('2026-09-16', 'Día de la Independencia'),
      ('2026-11-16', 'Día de la Revolución'),
      ('2026-12-25', 'Navidad'),
      ('2027-01-01', 'Año Nuevo'),
      ('2027-02-01', 'Día de la Constitución'),
      ('2027-03-15', 'Natalicio de Benito Juárez'),
      ('2027-05-01', 'Día del Trabajo'),
      ('2027-09-16', 'Día de la Independencia'),
      ('2027-11-15', 'Día de la Revolución'),
      ('2027-12-25', 'Navidad');

    -- The terms (one row). The law's: 20 business days to answer, one extension of 10, 15 to
    -- carry out. The blocking period is the institute's legal area's to set.
    CREATE TABLE parametros_arco (
      id boolean PRIMARY KEY DEFAULT true CHECK (id),
      dias_para_responder smallint NOT NULL DEFAULT 20 CHECK (dias_para_responder BETWEEN 1 AND 100),
      dias_de_ampliacion smallint NOT NULL DEFAULT 10 CHECK (dias_de_ampliacion BETWEEN 0 AND 100),
      dias_para_ejecutar smallint NOT NULL DEFAULT 15 CHECK (dias_para_ejecutar BETWEEN 1 AND 100),
      dias_de_aviso smallint NOT NULL DEFAULT 5 CHECK (dias_de_aviso BETWEEN 0 AND 30),
      anios_de_bloqueo smallint NOT NULL DEFAULT 7 CHECK (anios_de_bloqueo BETWEEN 1 AND 30)
    );
    INSERT INTO parametros_arco DEFAULT VALUES;

    CREATE TABLE solicitudes_arco (
      id serial PRIMARY KEY,
      derecho text NOT NULL CHECK (derecho IN ('acceso', 'rectificacion', 'cancelacion', 'oposicion', 'portabilidad')),
      estado text NOT NULL DEFAULT 'registrada' CHECK (estado IN ('registrada', 'en_tramite', 'ampliada', 'procedente', 'improcedente', 'ejecutada', 'cerrada')),
      -- The titular in Recupera; null when no one matches (the answer is then "no obran datos").
      persona_id integer REFERENCES personas(id),
      -- The name as written on the request: the file is evidence that the right was answered.
      titular_nombre text NOT NULL,
      representante text,
      oficina_id integer NOT NULL REFERENCES oficinas(id),
      medio_recepcion text NOT NULL CHECK (medio_recepcion IN ('ventanilla', 'escrito', 'correo', 'plataforma_nacional')),
      medio_notificacion text NOT NULL,
      descripcion text NOT NULL,
      recibida date NOT NULL,
      -- The terms in force when it was received.
      dias_para_responder smallint NOT NULL,
      dias_de_ampliacion smallint NOT NULL,
      dias_para_ejecutar smallint NOT NULL,
      identidad_documento text CHECK (identidad_documento IN ('ine', 'pasaporte', 'cedula_profesional', 'cartilla_militar', 'licencia', 'otro')),
      identidad_numero text,
      identidad_representante text,
      identidad_verificada_por integer REFERENCES usuarios(id),
      identidad_verificada timestamptz,
      ampliada date,
      ampliacion_motivo text,
      respondida date,
      respuesta text CHECK (respuesta IN ('procedente', 'improcedente')),
      respuesta_fundamento text,
      ejecutada date,
      ejecucion jsonb,
      cerrada timestamptz,
      cierre_motivo text,
      registrada_por integer NOT NULL REFERENCES usuarios(id),
      registrada timestamptz NOT NULL,
      CHECK ((identidad_verificada IS NULL) = (identidad_documento IS NULL)),
      CHECK ((respondida IS NULL) = (respuesta IS NULL)),
      CHECK (respuesta IS DISTINCT FROM 'procedente' OR persona_id IS NOT NULL)
    );
    CREATE INDEX solicitudes_arco_abiertas ON solicitudes_arco (oficina_id, recibida) WHERE estado <> 'cerrada';
    CREATE INDEX solicitudes_arco_persona ON solicitudes_arco (persona_id) WHERE persona_id IS NOT NULL;

    -- Every step of a request, with who and when: the file of its processing.
    CREATE TABLE eventos_arco (
      id bigserial PRIMARY KEY,
      solicitud_id integer NOT NULL REFERENCES solicitudes_arco(id),
      evento text NOT NULL,
      estado_anterior text,
      estado_nuevo text NOT NULL,
      detalle jsonb NOT NULL DEFAULT '{}'::jsonb,
      usuario_id integer REFERENCES usuarios(id),
      instante timestamptz NOT NULL
    );
    CREATE INDEX eventos_arco_solicitud ON eventos_arco (solicitud_id, id);

    -- An opposition carried out: no outbound contact with the person (src/domain/gestion).
    CREATE TABLE oposiciones_contacto (
      persona_id integer PRIMARY KEY REFERENCES personas(id),
      solicitud_id integer NOT NULL REFERENCES solicitudes_arco(id),
      desde timestamptz NOT NULL
    );

    -- A cancellation carried out: the person's row stays (credits, ledger and convenios point
    -- at it) with its personal fields replaced; what they held is kept here, out of every
    -- screen and search, until the blocking period ends and a job deletes it.
    ALTER TABLE personas ADD COLUMN bloqueada timestamptz;
    CREATE TABLE datos_bloqueados (
      persona_id integer PRIMARY KEY REFERENCES personas(id),
      solicitud_id integer NOT NULL REFERENCES solicitudes_arco(id),
      datos jsonb NOT NULL,
      bloqueados timestamptz NOT NULL,
      suprimir_el date NOT NULL
    );
    CREATE INDEX datos_bloqueados_supresion ON datos_bloqueados (suprimir_el);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP TABLE datos_bloqueados, oposiciones_contacto, eventos_arco, solicitudes_arco,
      parametros_arco, dias_inhabiles;
    ALTER TABLE personas DROP COLUMN bloqueada;
  `.execute(db);
}
