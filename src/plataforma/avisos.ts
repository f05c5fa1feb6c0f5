import { EventEmitter } from 'node:events';
import pg from 'pg';

/**
 * Changes announced with pg_notify reach every app instance: one LISTEN connection per
 * instance fans them out to its live clients (server-sent events). If the connection drops it
 * keeps trying to reconnect (the database may be restarting); clients refetch on reconnect,
 * so a missed notice only delays a refresh.
 */
export interface Avisos {
  suscribir(canal: string, oyente: (carga: string) => void): () => void;
  cerrar(): Promise<void>;
}

const ESPERA_MAXIMA_MS = 5_000;

export async function iniciarAvisos(url: string, canales: readonly string[]): Promise<Avisos> {
  const emisor = new EventEmitter();
  emisor.setMaxListeners(0);
  let cliente: pg.Client | null = null;
  let cerrado = false;
  let reintento: NodeJS.Timeout | null = null;
  let espera = 500;

  const reconectarLuego = () => {
    if (cerrado || reintento) return;
    reintento = setTimeout(() => {
      reintento = null;
      conectar().catch(() => {
        espera = Math.min(espera * 2, ESPERA_MAXIMA_MS);
        reconectarLuego();
      });
    }, espera);
  };

  const conectar = async (): Promise<void> => {
    const c = new pg.Client(url);
    c.on('notification', (n) => emisor.emit(n.channel, n.payload ?? ''));
    // Without this handler a dropped connection's 'error' event would end the process.
    c.on('error', () => {
      if (cliente === c) cliente = null;
      c.end().catch(() => {});
      reconectarLuego();
    });
    try {
      await c.connect();
      for (const canal of canales) await c.query(`LISTEN ${pg.escapeIdentifier(canal)}`);
    } catch (e) {
      await c.end().catch(() => {});
      throw e;
    }
    if (cerrado) {
      await c.end().catch(() => {});
      return;
    }
    cliente = c;
    espera = 500;
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
      if (reintento) clearTimeout(reintento);
      await cliente?.end().catch(() => {});
    },
  };
}
