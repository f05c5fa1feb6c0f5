import { type Kysely, sql } from 'kysely';

/**
 * Convenios (issue 5 part B): captured from a simulator offer recomputed on the server, with
 * the exact catalogue version, the promised payments, the condonaciones and the window it
 * grants per credit, and its signers. Its effects on the ledger (condonaciones, the window)
 * are linked to it so a breach can revoke exactly them: movements through
 * `convenio_movimientos` (cancelled by appending a `cancelacion`), windows through
 * `periodos_sin_moratorio.convenio_id` and `revocado_el` (the loader ignores a window revoked
 * on or before the cut-off date).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE convenios (
      id serial PRIMARY KEY,
      estado text NOT NULL CHECK (estado IN ('propuesto', 'autorizado', 'firmado', 'cumplido', 'incumplido', 'cancelado')),
      version_alternativa_id integer REFERENCES versiones_alternativa(id),
      version_campana_id integer REFERENCES versiones_campana(id),
      tipo text NOT NULL,
      nombre text NOT NULL,
      -- The simulation that produced it: date, first payment and plazo (null: the most allowed).
      fecha_simulacion date NOT NULL,
      primer_pago date NOT NULL,
      plazo smallint,
      liquida boolean NOT NULL,
      descuento_moratorio_centavos bigint NOT NULL CHECK (descuento_moratorio_centavos >= 0),
      descuento_interes_centavos bigint NOT NULL CHECK (descuento_interes_centavos >= 0),
      total_centavos bigint NOT NULL CHECK (total_centavos >= 0),
      liquidar_hoy_centavos bigint NOT NULL,
      condiciones text NOT NULL,
      -- The offer as the simulator computed it (JSON form), kept for the PDF and the audit.
      oferta jsonb NOT NULL,
      tolerancia_dias smallint NOT NULL CHECK (tolerancia_dias BETWEEN 0 AND 60),
      propuesto_por integer NOT NULL REFERENCES usuarios(id),
      propuesto_el timestamptz NOT NULL,
      requiere_rol text CHECK (requiere_rol IN ('coordinador', 'administrador')),
      motivos_autorizacion text[] NOT NULL DEFAULT '{}',
      autorizado_por integer REFERENCES usuarios(id),
      autorizado_el timestamptz,
      fecha_firma date,
      cerrado_el date,
      motivo_cancelacion text,
      CHECK ((version_alternativa_id IS NULL) <> (version_campana_id IS NULL)),
      -- Maker-checker: nobody authorizes their own proposal (unless no authorization was needed).
      CHECK (autorizado_por IS NULL OR requiere_rol IS NULL OR autorizado_por <> propuesto_por)
    );
    CREATE INDEX convenios_pendientes ON convenios (estado) WHERE estado = 'propuesto';

    CREATE TABLE convenio_creditos (
      convenio_id integer NOT NULL REFERENCES convenios(id),
      credito_id integer NOT NULL REFERENCES creditos(id),
      PRIMARY KEY (convenio_id, credito_id)
    );
    CREATE INDEX convenio_creditos_credito ON convenio_creditos (credito_id);

    CREATE TABLE convenio_promesas (
      convenio_id integer NOT NULL REFERENCES convenios(id),
      credito_id integer NOT NULL REFERENCES creditos(id),
      numero smallint NOT NULL CHECK (numero > 0),
      fecha date NOT NULL,
      monto_centavos bigint NOT NULL CHECK (monto_centavos > 0),
      estado text NOT NULL DEFAULT 'pendiente' CHECK (estado IN ('pendiente', 'cumplida', 'incumplida')),
      revisada_el date,
      PRIMARY KEY (convenio_id, credito_id, numero)
    );

    CREATE TABLE convenio_condonaciones (
      convenio_id integer NOT NULL REFERENCES convenios(id),
      credito_id integer NOT NULL REFERENCES creditos(id),
      fecha date NOT NULL,
      concepto text NOT NULL CHECK (concepto IN ('moratorio', 'interes')),
      monto_centavos bigint NOT NULL CHECK (monto_centavos > 0)
    );

    CREATE TABLE convenio_ventanas (
      convenio_id integer NOT NULL REFERENCES convenios(id),
      credito_id integer NOT NULL REFERENCES creditos(id),
      desde date NOT NULL,
      hasta date NOT NULL CHECK (hasta >= desde),
      PRIMARY KEY (convenio_id, credito_id)
    );

    CREATE TABLE convenio_firmantes (
      convenio_id integer NOT NULL REFERENCES convenios(id),
      persona_id integer NOT NULL REFERENCES personas(id),
      calidad text NOT NULL CHECK (calidad IN ('acreditado', 'aval')),
      PRIMARY KEY (convenio_id, persona_id)
    );

    CREATE TABLE convenio_movimientos (
      convenio_id integer NOT NULL REFERENCES convenios(id),
      movimiento_id bigint NOT NULL UNIQUE REFERENCES movimientos(id),
      PRIMARY KEY (convenio_id, movimiento_id)
    );

    ALTER TABLE periodos_sin_moratorio
      ADD COLUMN convenio_id integer REFERENCES convenios(id),
      ADD COLUMN revocado_el date;

    -- The authorization matrix (administrador): per role and alternative tipo ('*' for any),
    -- dated versions; the one in force on a date is the latest vigente_desde on or before it.
    -- A null limit is no limit; an absent row for the role and tipo means it may not agree alone.
    CREATE TABLE limites_autorizacion (
      id serial PRIMARY KEY,
      vigente_desde date NOT NULL,
      rol text NOT NULL CHECK (rol IN ('gestor', 'coordinador')),
      tipo text NOT NULL,
      descuento_porcentaje_maximo numeric(9, 8) CHECK (descuento_porcentaje_maximo BETWEEN 0 AND 1),
      descuento_monto_maximo_centavos bigint CHECK (descuento_monto_maximo_centavos >= 0),
      pagos_maximos smallint CHECK (pagos_maximos > 0),
      permitido boolean NOT NULL,
      creado timestamptz NOT NULL,
      creado_por integer REFERENCES usuarios(id),
      UNIQUE (vigente_desde, rol, tipo)
    );
    -- The interim rule of part A as the first version: a gestor agrees alone up to 12 payments
    -- with no discount and no reestructura or prórroga; a coordinador, anything.
    INSERT INTO limites_autorizacion (vigente_desde, rol, tipo, descuento_porcentaje_maximo, descuento_monto_maximo_centavos, pagos_maximos, permitido, creado)
    VALUES
      ('2000-01-01', 'gestor', '*', 0, 0, 12, true, now()),
      ('2000-01-01', 'gestor', 'reestructura', 0, 0, 12, false, now()),
      ('2000-01-01', 'gestor', 'prorroga', 0, 0, 12, false, now()),
      ('2000-01-01', 'coordinador', '*', NULL, NULL, NULL, true, now());

    -- A signed convenio acknowledges the debt: it interrupts prescription (LGTOC art. 165).
    CREATE TABLE reconocimientos_de_adeudo (
      id serial PRIMARY KEY,
      credito_id integer NOT NULL REFERENCES creditos(id),
      convenio_id integer NOT NULL REFERENCES convenios(id),
      fecha date NOT NULL,
      UNIQUE (credito_id, convenio_id)
    );

    -- Accounts a gestor must call back (a broken convenio); issue 6 builds the real queue.
    CREATE TABLE cola_gestor (
      id serial PRIMARY KEY,
      credito_id integer NOT NULL REFERENCES creditos(id),
      convenio_id integer REFERENCES convenios(id),
      motivo text NOT NULL,
      fecha date NOT NULL,
      atendido_el date
    );
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP TABLE cola_gestor, reconocimientos_de_adeudo, limites_autorizacion, convenio_movimientos, convenio_firmantes,
      convenio_ventanas, convenio_condonaciones, convenio_promesas, convenio_creditos;
    ALTER TABLE periodos_sin_moratorio DROP COLUMN convenio_id, DROP COLUMN revocado_el;
    DROP TABLE convenios;
  `.execute(db);
}
