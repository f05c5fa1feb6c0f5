import { type Kysely, sql } from 'kysely';

/**
 * The portfolio: people, credits, their schedules and the append-only ledger of movements.
 * Money is bigint centavos (`*_centavos`), rates are numeric decimal strings, calendar dates
 * are `date`. Written for PostgreSQL 15 and later.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE EXTENSION IF NOT EXISTS unaccent;
    CREATE EXTENSION IF NOT EXISTS pg_trgm;

    CREATE TABLE despachos (
      id serial PRIMARY KEY,
      nombre text NOT NULL UNIQUE
    );
    ALTER TABLE usuarios ADD COLUMN despacho_id integer REFERENCES despachos(id);

    CREATE TABLE personas (
      id serial PRIMARY KEY,
      nombres text NOT NULL CHECK (length(trim(nombres)) > 0),
      primer_apellido text NOT NULL CHECK (length(trim(primer_apellido)) > 0),
      segundo_apellido text,
      curp text UNIQUE CHECK (curp ~ '^[A-ZÑ0-9]{18}$'),
      rfc text CHECK (rfc ~ '^[A-ZÑ&0-9]{12,13}$'),
      fecha_nacimiento date,
      creada timestamptz NOT NULL DEFAULT now()
    );

    CREATE TABLE telefonos (
      id serial PRIMARY KEY,
      persona_id integer NOT NULL REFERENCES personas(id),
      numero text NOT NULL CHECK (numero ~ '^[0-9]{10}$'),
      tipo text NOT NULL CHECK (tipo IN ('movil', 'casa', 'trabajo', 'recados')),
      consentimiento boolean NOT NULL DEFAULT false,
      valido boolean NOT NULL DEFAULT true,
      UNIQUE (persona_id, numero)
    );
    CREATE TABLE correos (
      id serial PRIMARY KEY,
      persona_id integer NOT NULL REFERENCES personas(id),
      correo text NOT NULL CHECK (correo ~ '^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$'),
      consentimiento boolean NOT NULL DEFAULT false,
      valido boolean NOT NULL DEFAULT true,
      UNIQUE (persona_id, correo)
    );
    CREATE TABLE domicilios (
      id serial PRIMARY KEY,
      persona_id integer NOT NULL REFERENCES personas(id),
      calle text NOT NULL,
      numero text,
      colonia text,
      codigo_postal text CHECK (codigo_postal ~ '^[0-9]{5}$'),
      municipio text NOT NULL,
      estado text NOT NULL DEFAULT 'Sonora',
      vigente boolean NOT NULL DEFAULT true
    );

    CREATE TABLE productos (
      id serial PRIMARY KEY,
      clave text NOT NULL UNIQUE,
      nombre text NOT NULL
    );
    -- Rates change over time: a product has dated versions; a credit keeps the one it was signed under.
    CREATE TABLE versiones_producto (
      id serial PRIMARY KEY,
      producto_id integer NOT NULL REFERENCES productos(id),
      vigente_desde date NOT NULL,
      tasa_ordinaria_anual numeric(10, 8) NOT NULL CHECK (tasa_ordinaria_anual BETWEEN 0 AND 1),
      tasa_moratoria_anual numeric(10, 8) NOT NULL CHECK (tasa_moratoria_anual BETWEEN 0 AND 1),
      base_dias smallint NOT NULL DEFAULT 360 CHECK (base_dias IN (360, 365)),
      prelacion text NOT NULL DEFAULT 'por_concepto' CHECK (prelacion IN ('por_concepto', 'por_amortizacion')),
      UNIQUE (producto_id, vigente_desde)
    );

    CREATE TYPE estado_credito AS ENUM ('activo', 'liquidado', 'reestructurado', 'en_juridico');

    CREATE TABLE creditos (
      id serial PRIMARY KEY,
      numero text NOT NULL UNIQUE,
      version_producto_id integer NOT NULL REFERENCES versiones_producto(id),
      oficina_id integer NOT NULL REFERENCES oficinas(id),
      estado estado_credito NOT NULL DEFAULT 'activo',
      fecha_inicio_interes date NOT NULL,
      gestor_id integer REFERENCES usuarios(id),
      despacho_id integer REFERENCES despachos(id),
      creado timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX creditos_oficina ON creditos (oficina_id);
    CREATE INDEX creditos_despacho ON creditos (despacho_id) WHERE despacho_id IS NOT NULL;

    CREATE TABLE participantes_credito (
      credito_id integer NOT NULL REFERENCES creditos(id),
      persona_id integer NOT NULL REFERENCES personas(id),
      rol text NOT NULL CHECK (rol IN ('acreditado', 'aval', 'beneficiario')),
      PRIMARY KEY (credito_id, persona_id, rol)
    );
    CREATE UNIQUE INDEX un_acreditado_por_credito ON participantes_credito (credito_id) WHERE rol = 'acreditado';
    CREATE INDEX participantes_persona ON participantes_credito (persona_id);

    -- One ministración per school period, each with its own contrato-pagaré.
    CREATE TABLE ministraciones (
      id serial PRIMARY KEY,
      credito_id integer NOT NULL REFERENCES creditos(id),
      numero smallint NOT NULL CHECK (numero > 0),
      fecha date NOT NULL,
      monto_centavos bigint NOT NULL CHECK (monto_centavos > 0),
      periodo_escolar text NOT NULL,
      pagare_numero text NOT NULL UNIQUE,
      pagare_vencimiento date NOT NULL,
      UNIQUE (credito_id, numero)
    );

    CREATE TABLE amortizaciones (
      credito_id integer NOT NULL REFERENCES creditos(id),
      numero smallint NOT NULL CHECK (numero > 0),
      fecha date NOT NULL,
      capital_centavos bigint NOT NULL CHECK (capital_centavos >= 0),
      PRIMARY KEY (credito_id, numero)
    );

    -- The ledger. Never updated nor deleted: a correction is a 'cancelacion' row naming the original.
    CREATE TABLE movimientos (
      id bigserial PRIMARY KEY,
      credito_id integer NOT NULL REFERENCES creditos(id),
      tipo text NOT NULL CHECK (tipo IN ('pago', 'condonacion', 'cancelacion')),
      fecha date NOT NULL,
      monto_centavos bigint CHECK (monto_centavos > 0),
      excedente text CHECK (excedente IN ('reducir_plazo', 'adelantar')),
      concepto text CHECK (concepto IN ('moratorio', 'interes', 'capital')),
      cancela_id bigint REFERENCES movimientos(id),
      canal text CHECK (canal IN ('banco', 'caja', 'nomina', 'importacion')),
      referencia text,
      motivo text,
      -- The key a source gave it (spreadsheet row, bank line): importing it again finds it.
      clave_externa text,
      registrado_por integer REFERENCES usuarios(id),
      registrado timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT movimiento_completo CHECK (
        (tipo = 'pago' AND monto_centavos IS NOT NULL AND excedente IS NOT NULL AND cancela_id IS NULL)
        OR (tipo = 'condonacion' AND monto_centavos IS NOT NULL AND concepto IS NOT NULL AND cancela_id IS NULL)
        OR (tipo = 'cancelacion' AND cancela_id IS NOT NULL AND monto_centavos IS NULL)
      ),
      UNIQUE (credito_id, clave_externa)
    );
    CREATE INDEX movimientos_credito ON movimientos (credito_id, id);
    CREATE UNIQUE INDEX una_cancelacion_por_movimiento ON movimientos (cancela_id) WHERE cancela_id IS NOT NULL;

    CREATE FUNCTION libro_solo_anexar() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'los movimientos no se modifican ni se borran: registra una cancelación (% rechazado)', TG_OP
        USING ERRCODE = 'insufficient_privilege';
    END $$;
    CREATE TRIGGER movimientos_sin_cambios BEFORE UPDATE OR DELETE ON movimientos
      FOR EACH ROW EXECUTE FUNCTION libro_solo_anexar();
    CREATE TRIGGER movimientos_sin_truncar BEFORE TRUNCATE ON movimientos
      FOR EACH STATEMENT EXECUTE FUNCTION libro_solo_anexar();

    CREATE TABLE periodos_sin_moratorio (
      id serial PRIMARY KEY,
      credito_id integer NOT NULL REFERENCES creditos(id),
      desde date NOT NULL,
      hasta date NOT NULL,
      motivo text NOT NULL,
      CHECK (hasta > desde)
    );
    CREATE INDEX periodos_credito ON periodos_sin_moratorio (credito_id);

    -- Each credit's aging on a date, computed by the engine (nightly job or on demand).
    CREATE TABLE antiguedad_saldos (
      credito_id integer NOT NULL REFERENCES creditos(id),
      fecha date NOT NULL,
      situacion text NOT NULL CHECK (situacion IN ('al_corriente', 'vencido', 'liquidado')),
      dias_atraso integer NOT NULL CHECK (dias_atraso >= 0),
      bucket text NOT NULL CHECK (bucket IN ('al_corriente', '1-30', '31-60', '61-90', '91-180', '181-365', 'mas_de_365')),
      capital_insoluto_centavos bigint NOT NULL,
      saldo_exigible_centavos bigint NOT NULL,
      saldo_para_liquidar_centavos bigint NOT NULL,
      interes_moratorio_centavos bigint NOT NULL,
      calculado timestamptz NOT NULL,
      PRIMARY KEY (credito_id, fecha)
    );
    CREATE INDEX antiguedad_fecha_bucket ON antiguedad_saldos (fecha, bucket);
  `.execute(db);
}
