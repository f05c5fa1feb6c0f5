import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import type { Db } from '../db/conexion.ts';
import type { Reloj } from '../domain/reloj.ts';
import { avisoLimitado } from './aviso-limitado.ts';

/**
 * The bitácora's head (its last id and hash), written outside the database, signed with a key
 * the database never sees (docs/bitacora.md). A superuser can delete the last rows, or change
 * one and re-seal the chain after it with the database's own functions: the chain still fits
 * together, but no longer reaches an anchored id, or has another hash there.
 */
export interface Ancla {
  id: number;
  hash: string;
  /** When it was anchored (ISO instant). */
  instante: string;
}

export const ARCHIVO_DE_ANCLAS = 'anclas-bitacora.jsonl';
export const ARCHIVO_DE_CLAVE = 'clave-anclas-bitacora';
/** Rows written after the last anchor are not covered: at most this long, plus at shutdown. */
export const CADA_MS = 60_000;

function leerClave(carpeta: string): Buffer | null {
  const archivo = join(carpeta, ARCHIVO_DE_CLAVE);
  return existsSync(archivo) ? Buffer.from(readFileSync(archivo, 'utf8').trim(), 'hex') : null;
}

/** Created once, 0600; `wx` so that two processes starting together keep the same key. */
function claveCreada(carpeta: string): Buffer {
  const archivo = join(carpeta, ARCHIVO_DE_CLAVE);
  try {
    writeFileSync(archivo, `${randomBytes(32).toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  }
  const clave = leerClave(carpeta);
  if (clave?.length !== 32) throw new Error(`${archivo} no tiene una clave válida`);
  return clave;
}

const firma = (clave: Buffer, a: Ancla) =>
  createHmac('sha256', clave)
    .update(JSON.stringify(['recupera-bitacora', a.id, a.hash, a.instante]))
    .digest('hex');

async function cabeza(db: Db): Promise<{ id: number; hash: string } | undefined> {
  return db
    .selectFrom('bitacora')
    .select(['id', 'hash'])
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/**
 * Appends the current head to DATA_DIR/anclas-bitacora.jsonl (one signed JSON line, synced to
 * disk), unless it is `anterior`. Returns what it anchored, or null: empty bitácora, unchanged.
 */
export async function anclarBitacora(
  db: Db,
  carpeta: string,
  instante: Date,
  anterior: Pick<Ancla, 'id' | 'hash'> | null = null,
): Promise<Ancla | null> {
  const fila = await cabeza(db);
  if (!fila || (anterior && anterior.id === fila.id && anterior.hash === fila.hash)) return null;
  const ancla: Ancla = { id: fila.id, hash: fila.hash, instante: instante.toISOString() };
  const linea = `${JSON.stringify({ ...ancla, hmac: firma(claveCreada(carpeta), ancla) })}\n`;
  const archivo = await open(join(carpeta, ARCHIVO_DE_ANCLAS), 'a', 0o600);
  try {
    await archivo.appendFile(linea);
    await archivo.sync();
  } finally {
    await archivo.close();
  }
  return ancla;
}

export type AnclasLeidas =
  | { ok: true; anclas: Ancla[]; archivo: string }
  | { ok: false; error: string; archivo: string };

function esAncla(x: unknown): x is Ancla & { hmac: string } {
  const a = x as Record<string, unknown> | null;
  return (
    typeof a === 'object' &&
    a !== null &&
    Number.isSafeInteger(a.id) &&
    typeof a.hash === 'string' &&
    typeof a.instante === 'string' &&
    typeof a.hmac === 'string'
  );
}

/** Every anchor of DATA_DIR, each signature checked; a line that fails names the tampering. */
export function leerAnclas(carpeta: string): AnclasLeidas {
  const archivo = join(carpeta, ARCHIVO_DE_ANCLAS);
  if (!existsSync(archivo)) return { ok: true, anclas: [], archivo };
  const clave = leerClave(carpeta);
  if (!clave) {
    return {
      ok: false,
      archivo,
      error: `Hay anclas en ${archivo}, pero falta su clave (${ARCHIVO_DE_CLAVE}): no se pueden comprobar.`,
    };
  }
  const anclas: Ancla[] = [];
  const lineas = readFileSync(archivo, 'utf8').split('\n');
  for (const [i, texto] of lineas.entries()) {
    if (texto.trim() === '') continue;
    let dato: unknown;
    try {
      dato = JSON.parse(texto);
    } catch {
      dato = null;
    }
    const ancla = esAncla(dato) ? { id: dato.id, hash: dato.hash, instante: dato.instante } : null;
    const valida =
      esAncla(dato) &&
      ancla !== null &&
      dato.hmac.length === 64 &&
      timingSafeEqual(Buffer.from(dato.hmac, 'hex'), Buffer.from(firma(clave, ancla), 'hex'));
    // A write cut short by a crash leaves a partial last line: not a tampering.
    if (!valida && i === lineas.length - 1) break;
    if (!valida || ancla === null) {
      return {
        ok: false,
        archivo,
        error: `La línea ${i + 1} de ${archivo} no tiene una firma válida: el archivo de anclas fue alterado.`,
      };
    }
    anclas.push(ancla);
  }
  return { ok: true, anclas, archivo };
}

export interface Anclaje {
  /** Anchors now if the head moved since the last anchor. */
  anclar(): Promise<void>;
  /** Stops the timer and anchors one last time (at shutdown, before the pool closes). */
  detener(): Promise<void>;
}

/** The running app anchors at start, every CADA_MS while the head moves, and at shutdown. */
export function iniciarAnclaje(db: Db, carpeta: string, reloj: Reloj, cadaMs = CADA_MS): Anclaje {
  const avisar = avisoLimitado('Bitácora: no se pudo anclar la cabeza de la cadena');
  let ultima: Pick<Ancla, 'id' | 'hash'> | null = null;
  let enCurso: Promise<void> = Promise.resolve();
  const anclar = () => {
    enCurso = enCurso.then(async () => {
      try {
        ultima = (await anclarBitacora(db, carpeta, reloj.ahora(), ultima)) ?? ultima;
      } catch (e) {
        avisar(e instanceof Error ? e : new Error(String(e)));
      }
    });
    return enCurso;
  };
  void anclar();
  const temporizador = setInterval(() => void anclar(), cadaMs);
  temporizador.unref();
  return {
    anclar,
    detener: async () => {
      clearInterval(temporizador);
      await anclar();
    },
  };
}
