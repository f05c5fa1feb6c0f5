import { type Kysely, sql } from 'kysely';

/**
 * Failed logins slow down the (user, address) pair and the address that fails, never the
 * account (issue 13, src/modules/seguridad/frenar-intentos.ts): the pair's failures are counted
 * since its last success, which this index finds without reading the user's whole history.
 * A burst against one user or from one address leaves an alert the administrador sees.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE INDEX intentos_login_par ON intentos_login (ip, lower(usuario), id);

    CREATE TABLE alertas_acceso (
      id bigserial PRIMARY KEY,
      instante timestamptz NOT NULL,
      tipo text NOT NULL CHECK (tipo IN ('usuario', 'direccion')),
      -- The user name as typed, in lower case, or the address.
      clave text NOT NULL,
      fallos integer NOT NULL CHECK (fallos > 0),
      -- Distinct addresses that failed for the user, or distinct users tried from the address.
      distintos integer NOT NULL CHECK (distintos > 0)
    );
    CREATE INDEX alertas_acceso_clave ON alertas_acceso (tipo, clave, instante);
    CREATE INDEX alertas_acceso_instante ON alertas_acceso (instante);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP TABLE alertas_acceso;
    DROP INDEX intentos_login_par;
  `.execute(db);
}
