import { type Kysely, sql } from 'kysely';

/**
 * Closed cortes de caja (issue 14). Contabilidad closes a day; the closing keeps what that
 * corte contained, line by line, so that a closed day is read from here and never recomputed:
 * a movement dated that day that arrives later goes to the next open corte, marked
 * «posterior al cierre». Each line keeps the amount, channel, office and who registered it as
 * they were at closing (a credit may later move to another office); the debtor's name is not
 * copied, it is read from the person (a rectified name reads rectified). The app may only add
 * rows (src/db/permisos-de-la-app.ts). Written for PostgreSQL 15 and later.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE cortes_de_caja (
      fecha date PRIMARY KEY,
      cerrado_por integer NOT NULL REFERENCES usuarios(id),
      cerrado_en timestamptz NOT NULL,
      movimientos integer NOT NULL CHECK (movimientos >= 0),
      -- The net total (payments minus cancellations): a check on the lines, kept with them.
      total_centavos bigint NOT NULL
    );

    CREATE TABLE cortes_de_caja_lineas (
      corte date NOT NULL REFERENCES cortes_de_caja(fecha),
      -- A movement is counted in one corte only, whichever closed first.
      movimiento_id bigint NOT NULL UNIQUE REFERENCES movimientos(id),
      tipo text NOT NULL CHECK (tipo IN ('pago', 'cancelacion')),
      fecha date NOT NULL CHECK (fecha <= corte),
      credito_id integer NOT NULL REFERENCES creditos(id),
      monto_centavos bigint NOT NULL CHECK (
        (tipo = 'pago' AND monto_centavos > 0) OR (tipo = 'cancelacion' AND monto_centavos < 0)
      ),
      canal text NOT NULL,
      referencia text NOT NULL,
      oficina text NOT NULL,
      registrado_por text NOT NULL,
      -- For a payment: its reversal existed when the day closed (it is a line too).
      cancelado boolean NOT NULL,
      -- For a cancellation: the payment it reverses, and why.
      cancela_id bigint REFERENCES movimientos(id),
      motivo text,
      posterior boolean NOT NULL,
      PRIMARY KEY (corte, movimiento_id)
    );
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE cortes_de_caja_lineas; DROP TABLE cortes_de_caja`.execute(db);
}
