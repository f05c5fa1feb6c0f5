import { sql } from 'kysely';
import type { Db } from '../../db/conexion.ts';

/**
 * Failed logins slow down whoever fails, never the account (OWASP Authentication Cheat Sheet,
 * "Account Lockout"; ASVS 2.2.1): locking a user after N failures from anywhere let any stranger
 * keep `admin` or a whole office out. A (user, address) pair that failed `umbral` times waits
 * `base · 2^(fallos − umbral)` seconds after its last failure, up to `tope`; an address that
 * fails for many users waits the same way. The right password from an address that has not
 * failed is always checked.
 */
interface Regla {
  umbral: number;
  baseSegundos: number;
  topeSegundos: number;
}

export const FRENO_POR_PAR: Regla = { umbral: 5, baseSegundos: 30, topeSegundos: 15 * 60 };
export const FRENO_POR_DIRECCION: Regla = { umbral: 20, baseSegundos: 30, topeSegundos: 15 * 60 };
/** Failures older than this no longer count; a success of the pair also starts it over. */
const VENTANA_MIN = 60;

// Namespace of the advisory lock that serializes the logins from one address (issue 13).
const CANDADO_INTENTOS = 727_013;

/** Seconds still to wait after `fallos` failures, the last at `ultimo`; 0 when free. */
export function esperaRestante(
  regla: Regla,
  fallos: number,
  ultimo: Date | null,
  ahora: Date,
): number {
  if (fallos < regla.umbral || ultimo === null) return 0;
  const espera = Math.min(regla.baseSegundos * 2 ** (fallos - regla.umbral), regla.topeSegundos);
  const restanteMs = ultimo.getTime() + espera * 1000 - ahora.getTime();
  return restanteMs > 0 ? Math.ceil(restanteMs / 1000) : 0;
}

/**
 * Serializes the check and the count of every login from the address until the transaction
 * ends: parallel guesses from it wait here, so each one sees the failures of those before it
 * (40 parallel wrong guesses were checked 12 times against the password instead of 5). One lock
 * per address covers both counters that read its failures: the pair's and the address's.
 */
export async function serializarIntentos(trx: Db, ip: string): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(${CANDADO_INTENTOS}, hashtext(${ip}))`.execute(trx);
}

/** How long this (user, address) must still wait before its password is checked; 0: go on. */
export async function esperaDeIntento(
  trx: Db,
  usuario: string,
  ip: string,
  ahora: Date,
): Promise<number> {
  const desde = new Date(ahora.getTime() - VENTANA_MIN * 60_000);
  const { rows } = await sql<{
    fallos_par: number;
    ultimo_par: Date | null;
    fallos_ip: number;
    ultimo_ip: Date | null;
  }>`
    WITH exito AS (
      SELECT coalesce(max(id), 0) AS id FROM intentos_login
       WHERE ip = ${ip} AND lower(usuario) = lower(${usuario}) AND exitoso
    ), par AS (
      SELECT count(*)::int AS fallos, max(instante) AS ultimo FROM intentos_login, exito
       WHERE ip = ${ip} AND lower(usuario) = lower(${usuario}) AND NOT exitoso
         AND instante > ${desde} AND intentos_login.id > exito.id
    ), dir AS (
      SELECT count(*)::int AS fallos, max(instante) AS ultimo FROM intentos_login
       WHERE ip = ${ip} AND NOT exitoso AND instante > ${desde}
    )
    SELECT par.fallos AS fallos_par, par.ultimo AS ultimo_par,
           dir.fallos AS fallos_ip, dir.ultimo AS ultimo_ip
      FROM par, dir`.execute(trx);
  const c = rows[0];
  if (!c) return 0;
  return Math.max(
    esperaRestante(FRENO_POR_PAR, c.fallos_par, c.ultimo_par, ahora),
    esperaRestante(FRENO_POR_DIRECCION, c.fallos_ip, c.ultimo_ip, ahora),
  );
}

/** "30 segundos", "1 minuto", "15 minutos": how long the login page tells the person to wait. */
export function textoDeEspera(segundos: number): string {
  if (segundos < 60) return segundos === 1 ? '1 segundo' : `${segundos} segundos`;
  const minutos = Math.ceil(segundos / 60);
  return minutos === 1 ? '1 minuto' : `${minutos} minutos`;
}
