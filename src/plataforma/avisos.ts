import { EventEmitter } from 'node:events';
import pg from 'pg';

/**
 * Changes announced with pg_notify reach every app instance: one LISTEN connection per
 * instance fans them out to its live clients (server-sent events). If the connection drops it
 * reconnects; clients refetch on reconnect, so a missed notice only delays a refresh.
 */
export interface Avisos {
  suscribir(canal: string, oyente: (carga: string) => void): () => void;
  cerrar(): Promise<void>;
}

export async function iniciarAvisos(url: string, canales: readonly string[]): Promise<Avisos> {
  const emisor = new EventEmitter();
  emisor.setMaxListeners(0);
  let cliente: pg.Client | null = null;
  let cerrado = false;

  const conectar = async (): Promise<void> => {
    const c = new pg.Client(url);
    c.on('notification', (n) => emisor.emit(n.channel, n.payload ?? ''));
    c.on('error', () => {
      if (cerrado) return;
      cliente = null;
      setTimeout(() => void conectar().catch(() => {}), 1000);
    });
    await c.connect();
    for (const canal of canales) await c.query(`LISTEN ${pg.escapeIdentifier(canal)}`);
    cliente = c;
    emisor.emit('__reconectado');
  };
  await conectar();

  return {
    suscribir: (canal, oyente) => {
      emisor.on(canal, oyente);
      return () => emisor.off(canal, oyente);
    },
    cerrar: async () => {
      cerrado = true;
      await cliente?.end().catch(() => {});
    },
  };
}
