import { type Kysely, sql } from 'kysely';

/**
 * Facts of the indicators (issue 11, item 5): small tables the dashboards read instead of the
 * ledger. Each is derived, keyed by the day (`fecha`) it describes, and rewritten whole for
 * that day by src/modules/indicadores/materializar-hechos.ts (delete + insert in one
 * transaction). Flows (recovery, promises made, convenios signed) are the day's own; stocks
 * (coverage so far in the month, portfolio, transitions, prescription, pending promises,
 * current convenios) are as they stood at the end of `fecha`. A null gestor_id is an account
 * nobody held ("Sin asignar"), except in hechos_cobertura where it is the office's own row
 * (distinct accounts). Written for PostgreSQL 15 and later.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    -- Which days are materialized, when, and from which agings.
    CREATE TABLE hechos_materializados (
      fecha date PRIMARY KEY,
      materializado timestamptz NOT NULL,
      -- The aging the portfolio figures read (the latest on or before fecha within its month),
      -- and the previous month's last one, where transitions start.
      antiguedad date,
      antiguedad_inicio date,
      -- Today's recovery is refreshed on read (at most once a minute): the live figure.
      recuperacion_al timestamptz NOT NULL
    );

    CREATE TABLE hechos_recuperacion (
      fecha date NOT NULL,
      oficina_id integer NOT NULL REFERENCES oficinas(id),
      gestor_id integer REFERENCES usuarios(id),
      bucket text NOT NULL,
      canal text NOT NULL CHECK (canal IN ('banco', 'caja', 'nomina', 'importacion')),
      cobrado_centavos bigint NOT NULL,
      cancelado_centavos bigint NOT NULL,
      pagos integer NOT NULL,
      cancelaciones integer NOT NULL
    );
    CREATE UNIQUE INDEX hechos_recuperacion_clave
      ON hechos_recuperacion (fecha, oficina_id, coalesce(gestor_id, 0), bucket, canal);

    -- Month to date, as of the end of fecha (cumulative: the dashboard reads one day's rows).
    CREATE TABLE hechos_cobertura (
      fecha date NOT NULL,
      oficina_id integer NOT NULL REFERENCES oficinas(id),
      -- null: the office's row, distinct accounts (not the sum of its gestores').
      gestor_id integer REFERENCES usuarios(id),
      asignadas integer NOT NULL,
      gestionadas integer NOT NULL,
      con_contacto integer NOT NULL
    );
    CREATE UNIQUE INDEX hechos_cobertura_clave
      ON hechos_cobertura (fecha, oficina_id, coalesce(gestor_id, 0));

    -- Promises and convenios: the day's flows and the stocks at its end.
    CREATE TABLE hechos_compromisos (
      fecha date NOT NULL,
      oficina_id integer NOT NULL REFERENCES oficinas(id),
      gestor_id integer REFERENCES usuarios(id),
      promesas_hechas integer NOT NULL,
      promesas_cumplidas integer NOT NULL,
      promesas_incumplidas integer NOT NULL,
      promesas_pendientes integer NOT NULL,
      convenios_firmados integer NOT NULL,
      convenios_cumplidos integer NOT NULL,
      convenios_incumplidos integer NOT NULL,
      convenios_vigentes integer NOT NULL,
      descuento_centavos bigint NOT NULL
    );
    CREATE UNIQUE INDEX hechos_compromisos_clave
      ON hechos_compromisos (fecha, oficina_id, coalesce(gestor_id, 0));

    CREATE TABLE hechos_cartera (
      fecha date NOT NULL,
      oficina_id integer NOT NULL REFERENCES oficinas(id),
      gestor_id integer REFERENCES usuarios(id),
      bucket text NOT NULL,
      cuentas integer NOT NULL,
      saldo_centavos bigint NOT NULL
    );
    CREATE UNIQUE INDEX hechos_cartera_clave
      ON hechos_cartera (fecha, oficina_id, coalesce(gestor_id, 0), bucket);

    -- From the previous month's last aging to the one hechos_materializados.antiguedad names.
    CREATE TABLE hechos_transiciones (
      fecha date NOT NULL,
      oficina_id integer NOT NULL REFERENCES oficinas(id),
      gestor_id integer REFERENCES usuarios(id),
      de text NOT NULL,
      a text NOT NULL,
      cuentas integer NOT NULL,
      saldo_centavos bigint NOT NULL
    );
    CREATE UNIQUE INDEX hechos_transiciones_clave
      ON hechos_transiciones (fecha, oficina_id, coalesce(gestor_id, 0), de, a);

    CREATE TABLE hechos_prescripcion (
      fecha date NOT NULL,
      oficina_id integer NOT NULL REFERENCES oficinas(id),
      gestor_id integer REFERENCES usuarios(id),
      cuentas_90 integer NOT NULL,
      saldo_90_centavos bigint NOT NULL,
      cuentas_180 integer NOT NULL,
      saldo_180_centavos bigint NOT NULL
    );
    CREATE UNIQUE INDEX hechos_prescripcion_clave
      ON hechos_prescripcion (fecha, oficina_id, coalesce(gestor_id, 0));

    -- Materializing a day finds its payments and cancellations without scanning the ledger.
    CREATE INDEX movimientos_fecha_cobro ON movimientos (fecha)
      WHERE tipo IN ('pago', 'cancelacion');
    CREATE INDEX convenios_fecha_firma ON convenios (fecha_firma) WHERE fecha_firma IS NOT NULL;
    CREATE INDEX promesas_pago_hecha ON promesas_pago (hecha_el);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP INDEX movimientos_fecha_cobro, convenios_fecha_firma, promesas_pago_hecha;
    DROP TABLE hechos_prescripcion, hechos_transiciones, hechos_cartera, hechos_compromisos,
      hechos_cobertura, hechos_recuperacion, hechos_materializados;
  `.execute(db);
}
