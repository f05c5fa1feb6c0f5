import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Db } from '../../src/db/conexion.ts';
import {
  calcularCaso,
  estadoDeCuentaAJson,
  type PuntualidadJson,
  puntualidadAJson,
} from '../../src/domain/estado-de-cuenta/index.ts';
import { cargarCreditos } from '../../src/modules/cartera/cargar-credito.ts';
import { puertoLibre } from '../../src/plataforma/postgres-embebido.ts';
import { relojDelSistema } from '../../src/plataforma/reloj-sistema.ts';
import { casoJsonDesdeFilas } from './caso-json.ts';

const raiz = join(import.meta.dirname, '..', '..');

/**
 * The real server as `npm start` runs it: against a given database (DATABASE_URL mode), or,
 * with `url` null, on its own embedded PostgreSQL under `datos`.
 */
export class Servidor {
  private hijo: ChildProcess | null = null;
  private salida = '';
  readonly datos = mkdtempSync(join(tmpdir(), 'recupera-fiabilidad-'));
  constructor(
    readonly url: string | null,
    readonly puerto: number,
  ) {
    chmodSync(this.datos, 0o755); // as root, the embedded server's own user must reach it
  }

  get registro(): string {
    return this.salida;
  }

  async arrancar(): Promise<void> {
    if (this.hijo) return;
    this.salida = '';
    const entorno: NodeJS.ProcessEnv = { ...process.env };
    if (this.url) entorno.DATABASE_URL = this.url;
    else delete entorno.DATABASE_URL;
    // PERFILAR_SERVIDOR="--cpu-prof --cpu-prof-dir=/tmp/perfil": profile the server of a bench.
    const perfil = process.env.PERFILAR_SERVIDOR?.split(' ').filter(Boolean) ?? [];
    const hijo = spawn(process.execPath, [...perfil, '--import', 'tsx', 'src/main.ts'], {
      cwd: raiz,
      env: {
        ...entorno,
        PORT: String(this.puerto),
        DATA_DIR: this.datos,
        HOST: '127.0.0.1',
      },
    });
    hijo.stdout?.on('data', (d) => (this.salida += d));
    hijo.stderr?.on('data', (d) => (this.salida += d));
    this.hijo = hijo;
    const limite = Date.now() + 60_000;
    while (!this.salida.includes('Recupera está listo')) {
      if (Date.now() > limite || hijo.exitCode !== null)
        throw new Error(`el servidor no arrancó:\n${this.salida}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /** kill -9: no shutdown hook runs, in-flight transactions die with their connections. */
  async matar(): Promise<void> {
    const hijo = this.hijo;
    if (!hijo) return;
    const fin = new Promise((r) => hijo.once('exit', r));
    hijo.kill('SIGKILL');
    await fin;
    this.hijo = null;
  }

  /** kill -9 of the embedded postmaster, as the OOM killer or a crash would. */
  matarPostmaster(): void {
    const pid = Number(
      readFileSync(join(this.datos, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0],
    );
    process.kill(pid, 'SIGKILL');
  }

  /** SIGTERM, as an orchestrator stops it; resolves with its exit code. */
  async detener(): Promise<number | null> {
    const hijo = this.hijo;
    let codigo: number | null = null;
    if (hijo) {
      const fin = new Promise<number | null>((r) => hijo.once('exit', (c) => r(c)));
      hijo.kill('SIGTERM');
      codigo = await fin;
      this.hijo = null;
    }
    rmSync(this.datos, { recursive: true, force: true });
    return codigo;
  }
}

export interface Envio {
  clave: string;
  creditoId: number;
  monto: string;
  /** The movement the server acknowledged (201), once it did. */
  movimientoId: number | null;
  /** Every HTTP status it got (a dropped connection adds none). */
  estados: number[];
}

async function entrar(base: string, usuario: string): Promise<{ cookie: string; csrf: string }> {
  const r = await fetch(`${base}/api/sesion`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ usuario, contrasena: 'Recupera.2026' }),
  });
  if (r.status !== 200) throw new Error(`no se pudo entrar: ${r.status}`);
  const cookie = (r.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  return { cookie, csrf: ((await r.json()) as { csrf: string }).csrf };
}

/** Sends one payment; a dropped connection leaves it unacknowledged, to be retried with its key. */
async function enviar(
  base: string,
  sesion: { cookie: string; csrf: string },
  e: Envio,
): Promise<void> {
  try {
    const r = await fetch(`${base}/api/creditos/${e.creditoId}/pagos`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        cookie: sesion.cookie,
        'x-csrf-token': sesion.csrf,
        'idempotency-key': e.clave,
      },
      body: JSON.stringify({
        monto: e.monto,
        canal: 'banco',
        referencia: `F-${e.clave.slice(0, 8)}`,
      }),
      signal: AbortSignal.timeout(15_000),
    });
    e.estados.push(r.status);
    if (r.status === 201)
      e.movimientoId = ((await r.json()) as { movimiento: { id: number } }).movimiento.id;
  } catch {
    // Connection reset or timeout: not acknowledged.
  }
}

function contarEstados(envios: Envio[]): Record<number, number> {
  const cuenta: Record<number, number> = {};
  for (const e of envios) for (const s of e.estados) cuenta[s] = (cuenta[s] ?? 0) + 1;
  return cuenta;
}

/** Waits for /api/salud to answer 200, without a human: the app must recover by itself. */
export async function esperarSalud(base: string, ms: number): Promise<number> {
  const inicio = Date.now();
  while (Date.now() - inicio < ms) {
    const r = await fetch(`${base}/api/salud`).catch(() => null);
    if (r?.status === 200) return Date.now() - inicio;
    await new Promise((listo) => setTimeout(listo, 200));
  }
  throw new Error(`/api/salud no volvió a 200 en ${ms / 1000} s`);
}

export interface Resultado {
  enviados: number;
  reconocidosAntesDeMorir: number;
  reintentados: number;
  movimientos: number;
  estadosRevisados: number;
  /** How many answers of each HTTP status the stream got, e.g. { 201: 60, 503: 4 }. */
  estadosHttp: Record<number, number>;
}

/**
 * A stream of payments with idempotency keys; the server is killed with SIGKILL partway, then
 * restarted; unacknowledged payments are retried with their own keys. Checks: every
 * acknowledged payment exists exactly once, nothing unacknowledged was posted twice, and every
 * affected credit's statement over HTTP equals the engine's recomputation from the stored rows.
 */
export async function correrFiabilidad(
  servidor: Servidor,
  db: Db,
  creditos: number[],
  opciones: {
    pagos: number;
    muertes: number;
    concurrencia: number;
    /** Who dies mid-stream: the app (restarted by hand) or its embedded PostgreSQL. */
    muere?: 'servidor' | 'postmaster';
  },
): Promise<Resultado> {
  const base = `http://127.0.0.1:${servidor.puerto}`;
  await servidor.arrancar();
  let sesion = await entrar(base, 'contabilidad');
  const envios: Envio[] = Array.from({ length: opciones.pagos }, (_, i) => ({
    clave: randomUUID(),
    creditoId: creditos[i % creditos.length] ?? 0,
    monto: `${10 + (i % 37)}.${String(i % 100).padStart(2, '0')}`,
    movimientoId: null,
    estados: [],
  }));
  const tramo = Math.ceil(envios.length / (opciones.muertes + 1));
  let reconocidosAntesDeMorir = 0;
  for (let m = 0; m <= opciones.muertes; m++) {
    const lote = envios.slice(m * tramo, (m + 1) * tramo);
    const enVuelo: Promise<void>[] = [];
    for (const [i, e] of lote.entries()) {
      enVuelo.push(enviar(base, sesion, e));
      if (enVuelo.length >= opciones.concurrencia) await Promise.race(enVuelo.splice(0, 1));
      // Die in the middle of the stream, with requests in flight.
      if (m < opciones.muertes && i === Math.floor(lote.length / 2)) {
        if (opciones.muere === 'postmaster') {
          servidor.matarPostmaster();
          reconocidosAntesDeMorir = envios.filter((x) => x.movimientoId !== null).length;
          await Promise.allSettled(enVuelo);
          await esperarSalud(base, 30_000);
        } else {
          await servidor.matar();
          reconocidosAntesDeMorir = envios.filter((x) => x.movimientoId !== null).length;
          await Promise.allSettled(enVuelo);
          await servidor.arrancar();
          sesion = await entrar(base, 'contabilidad');
        }
      }
    }
    await Promise.allSettled(enVuelo);
  }
  const pendientes = envios.filter((e) => e.movimientoId === null);
  for (let ronda = 0; ronda < 3; ronda++) {
    for (const e of envios) if (e.movimientoId === null) await enviar(base, sesion, e);
  }
  const sinRespuesta = envios.filter((e) => e.movimientoId === null);
  if (sinRespuesta.length > 0)
    throw new Error(`${sinRespuesta.length} pagos nunca se reconocieron`);

  const filas = await db
    .selectFrom('movimientos')
    .select(['id', 'credito_id', 'monto_centavos'])
    .where('tipo', '=', 'pago')
    .where('canal', '=', 'banco')
    .where('referencia', 'like', 'F-%')
    .execute();
  const ids = new Set(filas.map((f) => f.id));
  const reconocidos = new Set(envios.map((e) => e.movimientoId));
  if (filas.length !== envios.length || reconocidos.size !== envios.length) {
    throw new Error(
      `se esperaban ${envios.length} pagos únicos; hay ${filas.length} filas y ${reconocidos.size} reconocidos distintos`,
    );
  }
  for (const e of envios)
    if (e.movimientoId === null || !ids.has(e.movimientoId))
      throw new Error(`falta el pago ${e.clave}`);

  const hoy = relojDelSistema('America/Hermosillo').hoy();
  const cargados = await cargarCreditos(db, creditos);
  let revisados = 0;
  for (const c of cargados.values()) {
    const r = calcularCaso(casoJsonDesdeFilas(c, hoy));
    if (!r.ok) throw new Error(`el crédito ${c.id} no se puede recalcular: ${r.error.mensaje}`);
    const http = await fetch(`${base}/api/creditos/${c.id}/estado-de-cuenta?fecha=${hoy}`, {
      headers: { cookie: sesion.cookie },
    });
    // The API adds `puntualidad` (R9's rates) to the engine's contract fields: compare both.
    const { puntualidad, ...contrato } = (await http.json()) as { puntualidad: unknown };
    if (JSON.stringify(contrato) !== JSON.stringify(estadoDeCuentaAJson(r.valor)))
      throw new Error(`el estado del crédito ${c.id} no coincide con el motor`);
    if (
      JSON.stringify((puntualidad as PuntualidadJson | null)?.amortizaciones ?? null) !==
      JSON.stringify(puntualidadAJson(r.valor)?.amortizaciones ?? null)
    )
      throw new Error(`la puntualidad del crédito ${c.id} no coincide con el motor`);
    revisados++;
  }
  await servidor.detener();
  return {
    enviados: envios.length,
    reconocidosAntesDeMorir,
    reintentados: pendientes.length,
    movimientos: filas.length,
    estadosRevisados: revisados,
    estadosHttp: contarEstados(envios),
  };
}

export { puertoLibre };
