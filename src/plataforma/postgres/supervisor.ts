import { type ChildProcess, spawn } from 'node:child_process';
import type { Binarios } from './binarios.ts';
import { comoIdentidad, entornoDelServidor, ultimasLineas } from './cluster.ts';
import type { Identidad } from './identidad.ts';

export interface OpcionesSupervisor {
  carpeta: string;
  puerto: number;
  binarios: Binarios;
  identidad: Identidad | null;
  /** PostgreSQL's own log lines. */
  registrar: (linea: string) => void;
  /** What a person should see: the server died, it is back. */
  avisar: (linea: string) => void;
}

const LISTO = 'database system is ready to accept connections';
/** Fast shutdown gets this long before an immediate one: a stop must fit in SIGTERM's 5 s. */
const ESPERA_MAXIMA_MS = 2_000;

/**
 * The embedded postmaster, kept alive. If it dies without being asked to (an OOM kill, a
 * crash), it is started again on the same port, so the app's pools reconnect by themselves;
 * PostgreSQL's crash recovery replays the WAL, so nothing committed is lost.
 *
 * It runs in its own process group: Ctrl-C in the terminal reaches only the app, which stops
 * it last, after its own connections have closed. If the app dies, `exit` stops it too.
 */
export class PostgresSupervisado {
  private hijo: ChildProcess | null = null;
  private deteniendo = false;
  private reintento: NodeJS.Timeout | null = null;
  private espera = 250;
  private readonly alSalirDelProceso = () => this.hijo?.kill('SIGINT');

  constructor(private readonly o: OpcionesSupervisor) {
    process.on('exit', this.alSalirDelProceso);
  }

  get enMarcha(): boolean {
    return this.hijo !== null;
  }

  /** Starts the postmaster; resolves once it accepts connections. */
  arrancar(): Promise<void> {
    const { binarios, carpeta, puerto, identidad } = this.o;
    return new Promise((resolver, rechazar) => {
      const hijo = spawn(
        binarios.postgres,
        ['-D', carpeta, '-p', String(puerto)].concat(
          ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
          ['-c', 'max_connections=200'],
        ),
        {
          ...comoIdentidad(identidad),
          env: entornoDelServidor(),
          detached: true,
          stdio: ['ignore', 'ignore', 'pipe'],
        },
      );
      let listo = false;
      let bitacora = '';
      hijo.stderr?.setEncoding('utf8').on('data', (texto: string) => {
        if (!listo) bitacora = (bitacora + texto).slice(-4000);
        for (const linea of texto.split('\n')) if (linea.trim()) this.o.registrar(linea);
        if (!listo && bitacora.includes(LISTO)) {
          listo = true;
          if (this.deteniendo)
            hijo.kill('SIGINT'); // stopped while a restart was under way
          else this.hijo = hijo;
          this.espera = 250;
          resolver();
        }
      });
      hijo.on('error', (e) => {
        if (!listo) rechazar(e);
      });
      hijo.on('exit', (codigo, senal) => {
        if (!listo) {
          rechazar(
            new Error(`PostgreSQL no arrancó (${senal ?? codigo}): ${ultimasLineas(bitacora)}`),
          );
          return;
        }
        this.hijo = null;
        if (!this.deteniendo) this.alMorir(senal ?? String(codigo));
      });
    });
  }

  private alMorir(causa: string): void {
    this.o.avisar(`PostgreSQL embebido terminó sin que se pidiera (${causa}); se reinicia.`);
    this.programarReinicio();
  }

  private programarReinicio(): void {
    if (this.deteniendo) return;
    this.reintento = setTimeout(() => {
      this.reintento = null;
      this.arrancar().then(
        () => this.o.avisar('PostgreSQL embebido está en marcha otra vez.'),
        (e: unknown) => {
          // Backends of the killed postmaster may still hold its shared memory for a moment.
          this.o.avisar(`Reinicio de PostgreSQL fallido: ${(e as Error).message}`);
          this.espera = Math.min(this.espera * 2, 4000);
          this.programarReinicio();
        },
      );
    }, this.espera);
  }

  /** Fast shutdown (open transactions roll back); immediate after 2 s (crash recovery later). */
  async detener(): Promise<void> {
    this.deteniendo = true;
    if (this.reintento) clearTimeout(this.reintento);
    process.off('exit', this.alSalirDelProceso);
    const hijo = this.hijo;
    if (!hijo) return;
    const termino = new Promise<void>((r) => hijo.once('exit', () => r()));
    hijo.kill('SIGINT');
    const tarde = setTimeout(() => hijo.kill('SIGQUIT'), ESPERA_MAXIMA_MS);
    await termino;
    clearTimeout(tarde);
    this.hijo = null;
  }
}
