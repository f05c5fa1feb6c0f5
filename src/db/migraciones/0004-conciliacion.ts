import { type Kysely, sql } from 'kysely';

/**
 * Bank statement imports and the deposits they could not post by themselves. A deposit line
 * is known by the bank's folio: a posted one is the movement whose clave_externa is
 * `banco:<folio>`; one that needs a person is a row of depositos_pendientes. Either way, the
 * same line imported again finds it and does nothing.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE importaciones_bancarias (
      id serial PRIMARY KEY,
      nombre_archivo text NOT NULL CHECK (length(trim(nombre_archivo)) > 0),
      -- The same file imported twice has the same hash: the record shows it was a repeat.
      sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
      importado_por integer NOT NULL REFERENCES usuarios(id),
      importado timestamptz NOT NULL,
      lineas integer NOT NULL DEFAULT 0 CHECK (lineas >= 0),
      registrados integer NOT NULL DEFAULT 0 CHECK (registrados >= 0),
      ya_registrados integer NOT NULL DEFAULT 0 CHECK (ya_registrados >= 0),
      pendientes integer NOT NULL DEFAULT 0 CHECK (pendientes >= 0),
      ya_pendientes integer NOT NULL DEFAULT 0 CHECK (ya_pendientes >= 0),
      total_registrado_centavos bigint NOT NULL DEFAULT 0 CHECK (total_registrado_centavos >= 0)
    );
    CREATE INDEX importaciones_bancarias_sha256 ON importaciones_bancarias (sha256);

    CREATE TABLE depositos_pendientes (
      id serial PRIMARY KEY,
      importacion_id integer NOT NULL REFERENCES importaciones_bancarias(id),
      folio_banco text NOT NULL UNIQUE,
      linea integer NOT NULL CHECK (linea > 0),
      -- The line exactly as it came in the file, for whoever has to work it out.
      linea_cruda text NOT NULL,
      fecha date NOT NULL,
      referencia text NOT NULL,
      importe_centavos bigint NOT NULL CHECK (importe_centavos > 0),
      concepto text NOT NULL,
      motivo text NOT NULL,
      -- The credit the reference names, when it names one (the payment was refused, or may be
      -- a duplicate): the natural first guess for whoever assigns it.
      credito_referido_id integer REFERENCES creditos(id),
      estado text NOT NULL DEFAULT 'pendiente' CHECK (estado IN ('pendiente', 'asignado', 'descartado')),
      credito_id integer REFERENCES creditos(id),
      movimiento_id bigint REFERENCES movimientos(id),
      resuelto_por integer REFERENCES usuarios(id),
      resuelto timestamptz,
      motivo_resolucion text,
      CONSTRAINT deposito_pendiente_resuelto CHECK (
        (estado = 'pendiente' AND credito_id IS NULL AND movimiento_id IS NULL AND resuelto IS NULL)
        OR (estado = 'asignado' AND credito_id IS NOT NULL AND movimiento_id IS NOT NULL
            AND resuelto_por IS NOT NULL AND resuelto IS NOT NULL)
        OR (estado = 'descartado' AND credito_id IS NULL AND movimiento_id IS NULL
            AND resuelto_por IS NOT NULL AND resuelto IS NOT NULL AND motivo_resolucion IS NOT NULL)
      )
    );
    CREATE INDEX depositos_pendientes_estado ON depositos_pendientes (estado, fecha, id);

    -- A bank line's key is looked up across all credits: a folio assigned by hand to another
    -- credit than its reference names must still count as posted.
    CREATE INDEX movimientos_clave_externa ON movimientos (clave_externa) WHERE clave_externa IS NOT NULL;
  `.execute(db);
}
