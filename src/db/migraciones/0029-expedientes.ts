import { type Kysely, sql } from 'kysely';

/**
 * Expedientes, custody of the pagarés, scans, prescription and the handover to external law
 * firms (issue 10). Written for PostgreSQL 15 and later.
 *
 * A "pieza" is a physical thing kept in custody: the credit's expediente (ministracion_id
 * null) or one contrato-pagaré (its ministración). Every credit has them; a piece without a
 * row in custodia_piezas is in the archive of its credit's office, shelf not yet recorded, so
 * 300,000 credits need no rows until something happens to their papers.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE despachos
      ADD COLUMN activo boolean NOT NULL DEFAULT true,
      ADD COLUMN contacto text,
      ADD COLUMN telefono text,
      ADD COLUMN correo text;

    -- One hand-over, signed on an acuse: who hands over, who receives, what kind of move.
    CREATE TABLE custodia_acuses (
      id bigserial PRIMARY KEY,
      tipo text NOT NULL CHECK (tipo IN (
        'ubicar', 'prestamo', 'devolucion', 'traslado',
        'envio_a_despacho', 'retorno_de_despacho', 'devolucion_al_acreditado')),
      entrega_usuario_id integer NOT NULL REFERENCES usuarios(id),
      -- A staff member, or a named person (a despacho's clerk) when not a user.
      recibe_usuario_id integer REFERENCES usuarios(id),
      recibe_nombre text,
      nota text,
      registrado_por integer NOT NULL REFERENCES usuarios(id),
      registrado_en timestamptz NOT NULL,
      CHECK (recibe_usuario_id IS NOT NULL OR coalesce(recibe_nombre, '') <> '')
    );

    -- The history: one row per piece per acuse, never edited.
    CREATE TABLE custodia_movimientos (
      id bigserial PRIMARY KEY,
      acuse_id bigint NOT NULL REFERENCES custodia_acuses(id),
      credito_id integer NOT NULL REFERENCES creditos(id),
      ministracion_id integer REFERENCES ministraciones(id),
      ubicacion text NOT NULL CHECK (ubicacion IN ('archivo', 'persona', 'despacho', 'devuelto')),
      oficina_id integer REFERENCES oficinas(id),
      estante text,
      caja text,
      usuario_id integer REFERENCES usuarios(id),
      despacho_id integer REFERENCES despachos(id),
      devolver_a_mas_tardar date
    );
    CREATE INDEX custodia_movimientos_pieza ON custodia_movimientos (credito_id, ministracion_id, id);

    -- Where each piece is now (the last movement), kept in the same transaction as the move.
    CREATE TABLE custodia_piezas (
      credito_id integer NOT NULL REFERENCES creditos(id),
      ministracion_id integer REFERENCES ministraciones(id),
      ubicacion text NOT NULL CHECK (ubicacion IN ('archivo', 'persona', 'despacho', 'devuelto')),
      oficina_id integer REFERENCES oficinas(id),
      estante text,
      caja text,
      usuario_id integer REFERENCES usuarios(id),
      despacho_id integer REFERENCES despachos(id),
      -- While lent: the date it must be back; null otherwise.
      devolver_a_mas_tardar date,
      ultimo_movimiento_id bigint NOT NULL REFERENCES custodia_movimientos(id),
      UNIQUE NULLS NOT DISTINCT (credito_id, ministracion_id),
      CHECK (ubicacion <> 'archivo' OR oficina_id IS NOT NULL),
      CHECK (ubicacion <> 'persona' OR usuario_id IS NOT NULL),
      CHECK (ubicacion <> 'despacho' OR despacho_id IS NOT NULL)
    );
    CREATE INDEX custodia_piezas_por_devolver ON custodia_piezas (devolver_a_mas_tardar)
      WHERE devolver_a_mas_tardar IS NOT NULL;
    CREATE INDEX custodia_piezas_estante ON custodia_piezas (oficina_id, estante, caja)
      WHERE ubicacion = 'archivo';

    -- Scans: the bytes live under DATA_DIR/escaneos, named by their SHA-256.
    CREATE TABLE escaneos (
      id bigserial PRIMARY KEY,
      credito_id integer NOT NULL REFERENCES creditos(id),
      ministracion_id integer REFERENCES ministraciones(id),
      sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
      tipo_mime text NOT NULL CHECK (tipo_mime IN ('application/pdf', 'image/jpeg', 'image/png')),
      bytes bigint NOT NULL CHECK (bytes > 0),
      nombre_original text NOT NULL,
      descripcion text,
      subido_por integer NOT NULL REFERENCES usuarios(id),
      subido_en timestamptz NOT NULL
    );
    CREATE INDEX escaneos_credito ON escaneos (credito_id, id);

    -- Accounts turned over to a law firm, until a date; devuelto_en closes it.
    CREATE TABLE turnados (
      id serial PRIMARY KEY,
      credito_id integer NOT NULL REFERENCES creditos(id),
      despacho_id integer NOT NULL REFERENCES despachos(id),
      motivo text NOT NULL CHECK (motivo <> ''),
      desde date NOT NULL,
      hasta date NOT NULL CHECK (hasta >= desde),
      turnado_por integer NOT NULL REFERENCES usuarios(id),
      turnado_en timestamptz NOT NULL,
      devuelto_en timestamptz,
      devuelto_por integer REFERENCES usuarios(id),
      motivo_devolucion text,
      CHECK ((devuelto_en IS NULL) = (devuelto_por IS NULL))
    );
    CREATE UNIQUE INDEX un_turnado_vigente ON turnados (credito_id) WHERE devuelto_en IS NULL;
    CREATE INDEX turnados_despacho ON turnados (despacho_id, credito_id);
    -- The lawyer's scope reads it from the credit: despacho_id and this date, both or neither.
    ALTER TABLE creditos ADD COLUMN turnado_hasta date;

    -- What the law firm did, from a fixed catalogue, with dates (and court data for a lawsuit).
    CREATE TABLE actuaciones_juridicas (
      id serial PRIMARY KEY,
      turnado_id integer NOT NULL REFERENCES turnados(id),
      credito_id integer NOT NULL REFERENCES creditos(id),
      estado text NOT NULL CHECK (estado IN (
        'recibido', 'requerimiento_extrajudicial', 'demanda_presentada', 'emplazado',
        'sentencia', 'embargo', 'convenio_judicial', 'cobrado', 'incobrable')),
      fecha date NOT NULL,
      juzgado text,
      expediente_judicial text,
      nota text,
      registrado_por integer NOT NULL REFERENCES usuarios(id),
      registrado_en timestamptz NOT NULL,
      CHECK (estado <> 'demanda_presentada'
             OR (coalesce(juzgado, '') <> '' AND coalesce(expediente_judicial, '') <> ''))
    );
    CREATE INDEX actuaciones_credito ON actuaciones_juridicas (credito_id, fecha);
    ALTER TABLE escaneos ADD COLUMN actuacion_id integer REFERENCES actuaciones_juridicas(id);

    -- Whether a documented payment restarts the prescription term, and the alert thresholds:
    -- versioned, the last row rules, each with the legal basis the administrador noted.
    CREATE TABLE parametros_prescripcion (
      id serial PRIMARY KEY,
      pago_interrumpe boolean NOT NULL,
      alertas_dias integer[] NOT NULL CHECK (cardinality(alertas_dias) BETWEEN 1 AND 5),
      fundamento text NOT NULL CHECK (fundamento <> ''),
      definido_por integer REFERENCES usuarios(id),
      definido_en timestamptz NOT NULL
    );
    INSERT INTO parametros_prescripcion (pago_interrumpe, alertas_dias, fundamento, definido_en)
      VALUES (false, '{180,90,30}',
              'Valor inicial: un pago no interrumpe la prescripción de la acción cambiaria directa (LGTOC art. 165); la cambie el administrador con su fundamento.',
              now());

    -- Accounts a firm already held before turnados existed (the demo's): one year from today.
    INSERT INTO turnados (credito_id, despacho_id, motivo, desde, hasta, turnado_por, turnado_en)
      SELECT c.id, c.despacho_id, 'Turnado antes del registro de turnados', current_date,
             current_date + 365, (SELECT min(id) FROM usuarios WHERE rol = 'administrador'), now()
        FROM creditos c
       WHERE c.despacho_id IS NOT NULL
         AND EXISTS (SELECT 1 FROM usuarios WHERE rol = 'administrador');
    UPDATE creditos c SET turnado_hasta = t.hasta
      FROM turnados t WHERE t.credito_id = c.id AND t.devuelto_en IS NULL;
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE escaneos DROP COLUMN actuacion_id;
    DROP TABLE parametros_prescripcion, actuaciones_juridicas;
    ALTER TABLE creditos DROP COLUMN turnado_hasta;
    DROP TABLE turnados, escaneos, custodia_piezas, custodia_movimientos, custodia_acuses;
    ALTER TABLE despachos DROP COLUMN activo, DROP COLUMN contacto, DROP COLUMN telefono,
      DROP COLUMN correo;
  `.execute(db);
}
