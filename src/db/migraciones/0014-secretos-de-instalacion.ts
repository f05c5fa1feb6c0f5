import { type Kysely, sql } from 'kysely';

/**
 * Secrets every instance of one installation must share. Behind a load balancer each instance
 * generated its own session secret under its own DATA_DIR, so a session made by one was a 401
 * on the others. With DATABASE_URL and no SESSION_SECRET, the first instance creates it here
 * and the rest read it. (The cookie's signature only guards a random token whose hash is in
 * `sesiones`: whoever reads this table still cannot make a valid session.)
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE secretos_de_instalacion (
      nombre text PRIMARY KEY,
      valor text NOT NULL,
      creado_en timestamptz NOT NULL DEFAULT now()
    );
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE secretos_de_instalacion;`.execute(db);
}
