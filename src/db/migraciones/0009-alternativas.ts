import { type Kysely, sql } from 'kysely';

/**
 * The catalogue of authorized alternatives and the campaigns (issue 5). Each is an identity
 * row plus append-only versions: editing one adds a version, so a convenio (part B) can point
 * to the exact version it was signed under and read it unchanged years later. The version in
 * force on a date is the one with the latest `vigente_desde` on or before it (the highest
 * `version` on a tie). Percentages are numeric shares (0.5 = 50 %), never floats.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE alternativas (
      id serial PRIMARY KEY,
      clave text NOT NULL UNIQUE CHECK (clave ~ '^[a-z0-9][a-z0-9-]{2,39}$'),
      -- The kind fixes the parameters' shape, so it never changes: a new kind is a new alternative.
      tipo text NOT NULL CHECK (tipo IN ('liquidacion_con_descuento', 'regularizacion', 'convenio_de_pagos', 'reestructura', 'prorroga')),
      creada timestamptz NOT NULL,
      creada_por integer REFERENCES usuarios(id)
    );

    CREATE TABLE versiones_alternativa (
      id serial PRIMARY KEY,
      alternativa_id integer NOT NULL REFERENCES alternativas(id),
      version integer NOT NULL CHECK (version > 0),
      vigente_desde date NOT NULL,
      nombre text NOT NULL CHECK (length(trim(nombre)) > 0),
      descripcion text NOT NULL,
      activa boolean NOT NULL,
      -- By kind (validated by the application's schema on write and on read).
      parametros jsonb NOT NULL CHECK (jsonb_typeof(parametros) = 'object'),
      dias_atraso_minimo integer CHECK (dias_atraso_minimo >= 0),
      dias_atraso_maximo integer CHECK (dias_atraso_maximo >= 0),
      productos text[] NOT NULL DEFAULT '{}',
      oficinas text[] NOT NULL DEFAULT '{}',
      generacion_desde smallint,
      generacion_hasta smallint,
      creada timestamptz NOT NULL,
      creada_por integer REFERENCES usuarios(id),
      UNIQUE (alternativa_id, version),
      CHECK (dias_atraso_maximo IS NULL OR dias_atraso_minimo IS NULL OR dias_atraso_minimo <= dias_atraso_maximo),
      CHECK (generacion_hasta IS NULL OR generacion_desde IS NULL OR generacion_desde <= generacion_hasta)
    );
    CREATE INDEX versiones_alternativa_vigencia ON versiones_alternativa (alternativa_id, vigente_desde DESC, version DESC);

    CREATE TABLE campanas (
      id serial PRIMARY KEY,
      clave text NOT NULL UNIQUE CHECK (clave ~ '^[a-z0-9][a-z0-9-]{2,39}$'),
      creada timestamptz NOT NULL,
      creada_por integer REFERENCES usuarios(id)
    );

    CREATE TABLE versiones_campana (
      id serial PRIMARY KEY,
      campana_id integer NOT NULL REFERENCES campanas(id),
      version integer NOT NULL CHECK (version > 0),
      vigente_desde date NOT NULL,
      nombre text NOT NULL CHECK (length(trim(nombre)) > 0),
      -- The acuerdo de Junta Directiva that approved it.
      acuerdo text NOT NULL CHECK (length(trim(acuerdo)) > 0),
      descripcion text NOT NULL,
      inicio date NOT NULL,
      fin date NOT NULL,
      activa boolean NOT NULL,
      descuento_moratorio numeric(9, 8) NOT NULL CHECK (descuento_moratorio BETWEEN 0 AND 1),
      descuento_interes numeric(9, 8) NOT NULL CHECK (descuento_interes BETWEEN 0 AND 1),
      pagos_maximos smallint NOT NULL CHECK (pagos_maximos BETWEEN 1 AND 120),
      congela_moratorio boolean NOT NULL,
      dias_atraso_minimo integer CHECK (dias_atraso_minimo >= 0),
      dias_atraso_maximo integer CHECK (dias_atraso_maximo >= 0),
      productos text[] NOT NULL DEFAULT '{}',
      oficinas text[] NOT NULL DEFAULT '{}',
      generacion_desde smallint,
      generacion_hasta smallint,
      creada timestamptz NOT NULL,
      creada_por integer REFERENCES usuarios(id),
      UNIQUE (campana_id, version),
      CHECK (fin >= inicio),
      CHECK (dias_atraso_maximo IS NULL OR dias_atraso_minimo IS NULL OR dias_atraso_minimo <= dias_atraso_maximo),
      CHECK (generacion_hasta IS NULL OR generacion_desde IS NULL OR generacion_desde <= generacion_hasta)
    );
    CREATE INDEX versiones_campana_vigencia ON versiones_campana (campana_id, vigente_desde DESC, version DESC);

    CREATE FUNCTION versiones_solo_anexar() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'las versiones del catálogo no se modifican ni se borran: crea una versión nueva (% rechazado)', TG_OP
        USING ERRCODE = 'insufficient_privilege';
    END $$;
    CREATE TRIGGER versiones_alternativa_sin_cambios BEFORE UPDATE OR DELETE ON versiones_alternativa
      FOR EACH ROW EXECUTE FUNCTION versiones_solo_anexar();
    CREATE TRIGGER versiones_alternativa_sin_truncar BEFORE TRUNCATE ON versiones_alternativa
      FOR EACH STATEMENT EXECUTE FUNCTION versiones_solo_anexar();
    CREATE TRIGGER versiones_campana_sin_cambios BEFORE UPDATE OR DELETE ON versiones_campana
      FOR EACH ROW EXECUTE FUNCTION versiones_solo_anexar();
    CREATE TRIGGER versiones_campana_sin_truncar BEFORE TRUNCATE ON versiones_campana
      FOR EACH STATEMENT EXECUTE FUNCTION versiones_solo_anexar();

    -- The standard catalogue, in force from any date a simulation can ask about. The
    -- administrador edits it by adding versions.
    INSERT INTO alternativas (clave, tipo, creada) VALUES
      ('liquidacion-con-descuento', 'liquidacion_con_descuento', now()),
      ('regularizacion', 'regularizacion', now()),
      ('convenio-de-pagos', 'convenio_de_pagos', now()),
      ('reestructura', 'reestructura', now()),
      ('prorroga', 'prorroga', now());
    INSERT INTO versiones_alternativa
      (alternativa_id, version, vigente_desde, nombre, descripcion, activa, parametros, dias_atraso_minimo, dias_atraso_maximo, creada)
    SELECT a.id, 1, DATE '2000-01-01', s.nombre, s.descripcion, true, s.parametros::jsonb, s.minimo, s.maximo, now()
      FROM alternativas a
      JOIN (VALUES
        ('liquidacion-con-descuento', 'Liquidación con descuento',
         'Paga todo el adeudo en una sola exhibición a más tardar en 15 días y se condona la mitad del interés moratorio.',
         '{"descuentoMoratorio": "0.50", "descuentoInteres": "0.00", "diasParaPagar": 15}', 90, NULL),
        ('regularizacion', 'Regularización',
         'Ponte al corriente pagando lo vencido hasta en 6 pagos mensuales; mientras cumplas, no corre el interés moratorio.',
         '{"pagosMaximos": 6, "congelaMoratorio": true}', 1, NULL),
        ('convenio-de-pagos', 'Convenio de pagos',
         'Liquida todo el adeudo hasta en 24 pagos mensuales; mientras cumplas, no corre el interés moratorio.',
         '{"pagosMaximos": 24, "congelaMoratorio": true, "descuentoMoratorio": "0.00", "descuentoInteres": "0.00"}', 30, NULL),
        ('reestructura', 'Reestructura',
         'El saldo para liquidar se convierte en un crédito nuevo de hasta 60 meses al 6 % anual, con un pagaré nuevo.',
         '{"plazoMaximoMeses": 60, "tasaOrdinariaAnual": "0.06", "descuentoMoratorio": "0.00", "descuentoInteres": "0.00"}', 90, NULL),
        ('prorroga', 'Prórroga',
         'Pausa de hasta 6 meses sin pagos: el interés ordinario sigue corriendo y el moratorio se suspende durante la pausa.',
         '{"mesesMaximos": 6, "congelaMoratorio": true}', NULL, 90)
      ) AS s (clave, nombre, descripcion, parametros, minimo, maximo) ON s.clave = a.clave;
  `.execute(db);
}
