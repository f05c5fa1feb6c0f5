import pg from 'pg';
import PgBoss from 'pg-boss';
import { ErrorDeArranque } from './postgres/errores.ts';

/** pg-boss's schema (src/plataforma/trabajos.ts). */
export const ESQUEMA_DE_LA_COLA = 'trabajos';

/**
 * Run by the owner at start, under the start-up lock: pg-boss installs or migrates its schema
 * (the app's role cannot create it), and `create_queue` — which makes a partition per new
 * queue, DDL that only the owner may do — runs with the owner's rights, so the app can still
 * create a queue it has not met before. Then src/db/permisos-de-la-app.ts grants the app the
 * rows of `trabajos`, as of the tables a new queue will add. With one role for both
 * (`appAparte` false) nothing needs the owner's rights.
 */
export async function prepararCola(urlDuenio: string, appAparte: boolean): Promise<void> {
  const boss = new PgBoss({
    connectionString: urlDuenio,
    schema: ESQUEMA_DE_LA_COLA,
    max: 1,
    migrate: true,
    supervise: false,
    schedule: false,
  });
  boss.on('error', () => {});
  await boss.start();
  await boss.stop({ graceful: false });
  if (!appAparte) return;
  const cliente = new pg.Client(urlDuenio);
  cliente.on('error', () => {});
  await cliente.connect();
  try {
    await cliente.query(
      `ALTER FUNCTION ${ESQUEMA_DE_LA_COLA}.create_queue(text, json)
         SECURITY DEFINER SET search_path = pg_catalog, pg_temp`,
    );
  } catch (e) {
    if ((e as { code?: string }).code !== '42501') throw e;
    // An installation that ran with one role and now separates them (docs/bitacora.md).
    throw new ErrorDeArranque(
      `El esquema ${ESQUEMA_DE_LA_COLA} de la cola de trabajos no es del rol de DATABASE_URL_MIGRACIONES: pásalo a ese rol (como superusuario, REASSIGN OWNED BY <rol anterior> TO <rol dueño>; docs/bitacora.md).`,
    );
  } finally {
    await cliente.end().catch(() => {});
  }
}
