import { type Kysely, sql } from 'kysely';

/**
 * The gestor's daily work (issue 9): who holds each account and since when, every contact
 * attempt with its outcome, promises outside a convenio, messages for absent colleagues,
 * temporary covers, the exclusive take of "siguiente cuenta", and contact data with history.
 * Written for PostgreSQL 15 and later.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    -- Who held an account from when to when: goals and recovery are attributed by it.
    -- creditos.gestor_id stays as the current holder; both change in one transaction.
    CREATE TABLE asignaciones (
      id bigserial PRIMARY KEY,
      credito_id integer NOT NULL REFERENCES creditos(id),
      gestor_id integer NOT NULL REFERENCES usuarios(id),
      desde timestamptz NOT NULL,
      hasta timestamptz,
      asignado_por integer REFERENCES usuarios(id),
      motivo text,
      CHECK (hasta IS NULL OR hasta >= desde)
    );
    CREATE UNIQUE INDEX una_asignacion_abierta ON asignaciones (credito_id) WHERE hasta IS NULL;
    CREATE INDEX asignaciones_gestor ON asignaciones (gestor_id, desde);
    CREATE INDEX asignaciones_credito ON asignaciones (credito_id, desde);
    CREATE INDEX creditos_gestor ON creditos (gestor_id) WHERE gestor_id IS NOT NULL;
    INSERT INTO asignaciones (credito_id, gestor_id, desde, motivo)
      SELECT id, gestor_id, creado, 'Asignación anterior al historial'
      FROM creditos WHERE gestor_id IS NOT NULL;

    -- A gestor's accounts covered by another while absent (dates inclusive).
    CREATE TABLE suplencias (
      id serial PRIMARY KEY,
      titular_id integer NOT NULL REFERENCES usuarios(id),
      suplente_id integer NOT NULL REFERENCES usuarios(id),
      desde date NOT NULL,
      hasta date NOT NULL,
      motivo text NOT NULL,
      creada_por integer REFERENCES usuarios(id),
      creada timestamptz NOT NULL DEFAULT now(),
      cancelada timestamptz,
      CHECK (hasta >= desde),
      CHECK (titular_id <> suplente_id)
    );
    CREATE INDEX suplencias_suplente ON suplencias (suplente_id, desde, hasta);

    -- The outcomes of a contact attempt: the administrador keeps the catalogue.
    CREATE TABLE resultados_gestion (
      id serial PRIMARY KEY,
      clave text NOT NULL UNIQUE CHECK (clave ~ '^[a-z0-9_]{2,40}$'),
      nombre text NOT NULL,
      -- The debtor (or an aval) was reached: counts for "contacto efectivo".
      contacto_efectivo boolean NOT NULL,
      -- This outcome carries a promesa de pago (amount and date).
      promesa boolean NOT NULL DEFAULT false,
      activo boolean NOT NULL DEFAULT true,
      orden smallint NOT NULL DEFAULT 100
    );
    INSERT INTO resultados_gestion (clave, nombre, contacto_efectivo, promesa, orden) VALUES
      ('contacto_efectivo', 'Contacto efectivo', true, false, 10),
      ('promesa_de_pago', 'Promesa de pago', true, true, 20),
      ('ya_pago', 'Dice que ya pagó', true, false, 30),
      ('se_niega', 'Se niega a pagar', true, false, 40),
      ('pide_informacion', 'Pide información o estado de cuenta', true, false, 50),
      ('recado_con_tercero', 'Recado con un tercero', false, false, 60),
      ('no_contesta', 'No contesta', false, false, 70),
      ('buzon', 'Buzón de voz', false, false, 80),
      ('numero_equivocado', 'Número equivocado', false, false, 90),
      ('domicilio_no_localizado', 'Domicilio no localizado', false, false, 100),
      ('acreditado_fallecido', 'Acreditado fallecido', false, false, 110),
      ('enviado', 'Enviado (sin respuesta todavía)', false, false, 120);

    -- Contact data: the time zone chosen by hand (abroad); null means derived from the
    -- address' state or the phone's area code. A retired value stays, with when and why.
    ALTER TABLE telefonos
      ADD COLUMN zona_horaria text,
      ADD COLUMN retirado timestamptz,
      ADD COLUMN agregado timestamptz NOT NULL DEFAULT now();
    ALTER TABLE correos
      ADD COLUMN retirado timestamptz,
      ADD COLUMN agregado timestamptz NOT NULL DEFAULT now();
    ALTER TABLE domicilios
      ADD COLUMN zona_horaria text,
      ADD COLUMN retirado timestamptz,
      ADD COLUMN agregado timestamptz NOT NULL DEFAULT now();
    CREATE INDEX domicilios_persona ON domicilios (persona_id);
    -- Every change of a contact datum, before and after: nothing is overwritten unseen.
    CREATE TABLE historial_contactos (
      id bigserial PRIMARY KEY,
      persona_id integer NOT NULL REFERENCES personas(id),
      tipo text NOT NULL CHECK (tipo IN ('telefono', 'correo', 'domicilio')),
      contacto_id integer NOT NULL,
      cambio text NOT NULL CHECK (cambio IN ('alta', 'correccion', 'invalido', 'valido', 'consentimiento', 'retiro', 'zona_horaria')),
      antes jsonb,
      despues jsonb,
      motivo text,
      registrado_por integer REFERENCES usuarios(id),
      registrado timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX historial_contactos_persona ON historial_contactos (persona_id, id);

    -- Messages for a colleague, taken by whoever answered the phone.
    CREATE TABLE recados (
      id serial PRIMARY KEY,
      oficina_id integer NOT NULL REFERENCES oficinas(id),
      credito_id integer REFERENCES creditos(id),
      persona_id integer REFERENCES personas(id),
      llamante_nombre text NOT NULL,
      llamante_telefono text,
      para_id integer NOT NULL REFERENCES usuarios(id),
      mensaje text NOT NULL,
      volver_a_llamar timestamptz,
      estado text NOT NULL DEFAULT 'nuevo' CHECK (estado IN ('nuevo', 'leido', 'atendido')),
      creado timestamptz NOT NULL,
      creado_por integer NOT NULL REFERENCES usuarios(id),
      leido timestamptz,
      atendido timestamptz,
      gestion_id bigint,
      escalado timestamptz,
      CHECK (estado <> 'atendido' OR (atendido IS NOT NULL AND gestion_id IS NOT NULL))
    );
    CREATE INDEX recados_para ON recados (para_id, estado);
    CREATE INDEX recados_oficina_abiertos ON recados (oficina_id) WHERE estado <> 'atendido';
    CREATE INDEX recados_credito ON recados (credito_id) WHERE credito_id IS NOT NULL;

    -- Every contact attempt and its outcome.
    CREATE TABLE gestiones (
      id bigserial PRIMARY KEY,
      credito_id integer NOT NULL REFERENCES creditos(id),
      canal text NOT NULL CHECK (canal IN ('llamada_saliente', 'llamada_entrante', 'visita_domiciliaria', 'correo', 'sms', 'whatsapp', 'carta', 'ventanilla')),
      persona_id integer REFERENCES personas(id),
      contacto_nombre text,
      telefono_id integer REFERENCES telefonos(id),
      correo_id integer REFERENCES correos(id),
      domicilio_id integer REFERENCES domicilios(id),
      -- The phone, e-mail or address as used, kept even if the contact datum changes later.
      medio text,
      resultado_id integer NOT NULL REFERENCES resultados_gestion(id),
      nota text,
      proxima_accion text CHECK (proxima_accion IN ('llamar', 'visitar', 'cita', 'enviar_carta', 'esperar_pago', 'revisar')),
      proxima_accion_fecha date,
      inicio timestamptz NOT NULL,
      duracion_segundos integer CHECK (duracion_segundos >= 0),
      recado_id integer REFERENCES recados(id),
      registrado_por integer NOT NULL REFERENCES usuarios(id),
      registrado timestamptz NOT NULL,
      CHECK ((proxima_accion IS NULL) = (proxima_accion_fecha IS NULL))
    );
    CREATE INDEX gestiones_credito ON gestiones (credito_id, inicio DESC);
    CREATE INDEX gestiones_proxima ON gestiones (proxima_accion_fecha) WHERE proxima_accion_fecha IS NOT NULL;
    CREATE INDEX gestiones_persona_dia ON gestiones (persona_id, inicio) WHERE persona_id IS NOT NULL;
    CREATE INDEX gestiones_registrado_por ON gestiones (registrado_por, inicio);
    ALTER TABLE recados ADD CONSTRAINT recados_gestion FOREIGN KEY (gestion_id) REFERENCES gestiones(id);

    -- Promises outside a convenio: kept or broken from the payments, like a convenio's.
    CREATE TABLE promesas_pago (
      id serial PRIMARY KEY,
      credito_id integer NOT NULL REFERENCES creditos(id),
      gestion_id bigint NOT NULL UNIQUE REFERENCES gestiones(id),
      monto_centavos bigint NOT NULL CHECK (monto_centavos > 0),
      fecha date NOT NULL,
      tolerancia_dias smallint NOT NULL DEFAULT 0 CHECK (tolerancia_dias BETWEEN 0 AND 30),
      -- Payments count from the day it was made.
      hecha_el date NOT NULL,
      estado text NOT NULL DEFAULT 'pendiente' CHECK (estado IN ('pendiente', 'cumplida', 'incumplida')),
      resuelta_el date,
      CHECK (fecha >= hecha_el),
      CHECK ((estado = 'pendiente') = (resuelta_el IS NULL))
    );
    CREATE INDEX promesas_pago_credito ON promesas_pago (credito_id, estado);
    CREATE INDEX promesas_pago_fecha ON promesas_pago (fecha);

    -- "Siguiente cuenta": the account is this user's alone until 'hasta'.
    CREATE TABLE tomas_de_cuenta (
      credito_id integer PRIMARY KEY REFERENCES creditos(id),
      usuario_id integer NOT NULL REFERENCES usuarios(id),
      hasta timestamptz NOT NULL
    );

    -- The rules' parameters (one row): the administrador changes them.
    CREATE TABLE parametros_gestion (
      id boolean PRIMARY KEY DEFAULT true CHECK (id),
      intentos_diarios_por_persona smallint NOT NULL DEFAULT 3 CHECK (intentos_diarios_por_persona > 0),
      horas_habiles_para_escalar smallint NOT NULL DEFAULT 8 CHECK (horas_habiles_para_escalar > 0),
      dias_sin_contacto smallint NOT NULL DEFAULT 30 CHECK (dias_sin_contacto > 0),
      minutos_de_toma smallint NOT NULL DEFAULT 10 CHECK (minutos_de_toma BETWEEN 1 AND 120),
      dias_para_prescripcion smallint NOT NULL DEFAULT 180 CHECK (dias_para_prescripcion > 0),
      saldo_alto_centavos bigint NOT NULL DEFAULT 5000000 CHECK (saldo_alto_centavos > 0)
    );
    INSERT INTO parametros_gestion DEFAULT VALUES;

    ALTER TABLE cola_gestor ADD COLUMN gestion_id bigint REFERENCES gestiones(id);
    -- The work queue looks each account's facts up by credit.
    CREATE INDEX cola_gestor_credito ON cola_gestor (credito_id) WHERE atendido_el IS NULL;
    CREATE INDEX convenio_promesas_credito ON convenio_promesas (credito_id, fecha);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP INDEX cola_gestor_credito, convenio_promesas_credito;
    ALTER TABLE cola_gestor DROP COLUMN gestion_id;
    DROP TABLE parametros_gestion, tomas_de_cuenta, promesas_pago;
    ALTER TABLE recados DROP CONSTRAINT recados_gestion;
    DROP TABLE gestiones, recados, historial_contactos, resultados_gestion, suplencias, asignaciones;
    DROP INDEX creditos_gestor, domicilios_persona;
    ALTER TABLE telefonos DROP COLUMN zona_horaria, DROP COLUMN retirado, DROP COLUMN agregado;
    ALTER TABLE correos DROP COLUMN retirado, DROP COLUMN agregado;
    ALTER TABLE domicilios DROP COLUMN zona_horaria, DROP COLUMN retirado, DROP COLUMN agregado;
  `.execute(db);
}
