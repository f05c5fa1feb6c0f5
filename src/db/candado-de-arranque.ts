import pg from 'pg';

/**
 * Serializes the start-up work of instances that start together on one database (migrations,
 * the queue's own tables): two instances starting at once on a fresh database deadlocked in
 * pg-boss's `create_queue`. A session-level advisory lock on its own connection, released when
 * the work ends or the connection drops.
 */
const CANDADO_DE_ARRANQUE = 7_265_370_011; // any fixed bigint; "recupera" on a phone keypad

export async function candadoDeArranque<T>(url: string, trabajo: () => Promise<T>): Promise<T> {
  const cliente = new pg.Client(url);
  cliente.on('error', () => {}); // a drop releases the lock; the work itself will fail loudly
  await cliente.connect();
  try {
    await cliente.query('SELECT pg_advisory_lock($1)', [CANDADO_DE_ARRANQUE]);
    return await trabajo();
  } finally {
    await cliente.end().catch(() => {});
  }
}
