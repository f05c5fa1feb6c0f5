import { sql } from 'kysely';
import type { Db } from '../../db/conexion.ts';
import { bucketDeAtraso } from '../../domain/antiguedad.ts';
import { type EstadoCredito, eventoPorSituacion, transicion } from '../../domain/estado-credito.ts';
import type { Fecha } from '../../domain/fecha.ts';
import { registrarEnBitacora } from '../bitacora/registrar-en-bitacora.ts';
import { type Contexto, origenDe } from '../contexto.ts';
import type { Actor } from '../seguridad/actor.ts';
import { calcularEstado } from './calcular-estado.ts';
import { leerLoteDeCreditos } from './leer-creditos-en-lotes.ts';

export interface ResultadoAntiguedad {
  fecha: Fecha;
  creditos: number;
  /** Credits the engine refused (inconsistent stored data), by number: reported, not hidden. */
  conError: Array<{ numero: string; mensaje: string }>;
  /** Credits whose administrative state followed today's numbers (settled, or reopened). */
  transiciones: Array<{ numero: string; de: EstadoCredito; a: EstadoCredito }>;
}

/**
 * Where the wall time went, in ms, for bench/antiguedad.ts: waiting for a batch to arrive
 * (`espera`), computing (`motor`, including the turns of the event loop in which the driver
 * reads and writes), and waiting for the last writes and the state changes (`escritura`).
 */
export interface FasesDeAntiguedad {
  espera: number;
  motor: number;
  escritura: number;
}

/** Credits per query: large enough that a round trip is cheap, small enough to overlap. */
const LOTE = 1000;
/** Credits computed between two turns of the event loop (a few ms of the engine). */
const TRAMO = 100;

/**
 * Each credit's aging on `fecha`, stored for lists and indicators. Derived data: recomputing a
 * date replaces that date's snapshot. Runs in the caller's transaction, so a reader sees either
 * the whole old snapshot or the whole new one.
 *
 * A pipeline over the one connection of the transaction: batch k+1 is asked for before batch k
 * is computed, and the engine yields to the event loop every few credits, so PostgreSQL reads
 * the next batch and writes the previous one while the engine works (bench/antiguedad.ts).
 */
export async function calcularAntiguedad(
  trx: Db,
  fecha: Fecha,
  ctx: Contexto & { actor?: Pick<Actor, 'id' | 'usuario'> | null },
  opciones: { lote?: number; fases?: FasesDeAntiguedad } = {},
): Promise<ResultadoAntiguedad> {
  const lote = opciones.lote ?? LOTE;
  const fases = opciones.fases ?? { espera: 0, motor: 0, escritura: 0 };
  const calculado = ctx.reloj.ahora();
  const conError: ResultadoAntiguedad['conError'] = [];
  const transiciones: ResultadoAntiguedad['transiciones'] = [];
  // Only today's numbers move a credit's state: a snapshot of a past date is just a report.
  const esHoy = fecha === ctx.reloj.hoy();
  let total = 0;
  const escrituras: Array<Promise<unknown>> = [];
  let siguiente = observada(leerLoteDeCreditos(trx, 0, lote));
  for (;;) {
    let desde = performance.now();
    const creditos = await siguiente;
    fases.espera += performance.now() - desde;
    desde = performance.now();
    const ultimo = creditos.at(-1);
    if (ultimo === undefined) break;
    siguiente = observada(leerLoteDeCreditos(trx, ultimo.id, lote));
    const filas = filasVacias();
    for (let i = 0; i < creditos.length; i++) {
      // Let the driver send the queued queries and read their answers meanwhile.
      if (i > 0 && i % TRAMO === 0) await new Promise((listo) => setImmediate(listo));
      const credito = creditos[i];
      if (credito === undefined) continue;
      try {
        const e = calcularEstado(credito, fecha);
        if (esHoy) {
          const cambio = cambioDeEstado(credito.estado, e.situacion);
          if (cambio) transiciones.push({ numero: credito.credito.numero, ...cambio });
        }
        filas.credito_id.push(credito.id);
        filas.situacion.push(e.situacion);
        filas.dias_atraso.push(e.diasAtraso);
        filas.bucket.push(bucketDeAtraso(e.diasAtraso));
        filas.capital_insoluto.push(e.capitalInsoluto);
        filas.saldo_exigible.push(e.saldoExigible);
        filas.saldo_para_liquidar.push(e.saldoParaLiquidar);
        filas.interes_moratorio.push(e.interesMoratorio);
      } catch (error) {
        conError.push({
          numero: credito.credito.numero,
          mensaje: error instanceof Error ? error.message : String(error),
        });
      }
    }
    if (filas.credito_id.length > 0) {
      escrituras.push(observada(escribirFilas(trx, fecha, calculado, filas)));
    }
    total += filas.credito_id.length;
    fases.motor += performance.now() - desde;
  }
  const desde = performance.now();
  await Promise.all(escrituras);
  await aplicarTransiciones(trx, transiciones);
  fases.escritura += performance.now() - desde;
  await registrarEnBitacora(trx, origenDe(ctx), {
    accion: 'antiguedad.calcular',
    detalle: {
      fecha,
      creditos: total,
      conError: conError.length,
      transiciones: transiciones.slice(0, 200),
    },
  });
  return { fecha, creditos: total, conError, transiciones };
}

/**
 * A query whose promise is awaited later, after other awaits: a failure meanwhile must not
 * count as unhandled (Node would end the process); it is thrown where the promise is awaited.
 */
function observada<T>(promesa: Promise<T>): Promise<T> {
  promesa.catch(() => {});
  return promesa;
}

interface FilasDeAntiguedad {
  credito_id: number[];
  situacion: string[];
  dias_atraso: number[];
  bucket: string[];
  capital_insoluto: number[];
  saldo_exigible: number[];
  saldo_para_liquidar: number[];
  interes_moratorio: number[];
}

function filasVacias(): FilasDeAntiguedad {
  return {
    credito_id: [],
    situacion: [],
    dias_atraso: [],
    bucket: [],
    capital_insoluto: [],
    saldo_exigible: [],
    saldo_para_liquidar: [],
    interes_moratorio: [],
  };
}

/** One statement per batch, one array parameter per column: no statement text per row. */
async function escribirFilas(
  trx: Db,
  fecha: Fecha,
  calculado: Date,
  f: FilasDeAntiguedad,
): Promise<void> {
  await sql`
    INSERT INTO antiguedad_saldos (credito_id, fecha, situacion, dias_atraso, bucket,
           capital_insoluto_centavos, saldo_exigible_centavos, saldo_para_liquidar_centavos,
           interes_moratorio_centavos, calculado)
    SELECT u.credito_id, ${fecha}::date, u.situacion, u.dias_atraso, u.bucket, u.capital_insoluto,
           u.saldo_exigible, u.saldo_para_liquidar, u.interes_moratorio, ${calculado}::timestamptz
      FROM unnest(${f.credito_id}::int4[], ${f.situacion}::text[], ${f.dias_atraso}::int4[],
                  ${f.bucket}::text[], ${f.capital_insoluto}::int8[], ${f.saldo_exigible}::int8[],
                  ${f.saldo_para_liquidar}::int8[], ${f.interes_moratorio}::int8[])
           AS u(credito_id, situacion, dias_atraso, bucket, capital_insoluto, saldo_exigible,
                saldo_para_liquidar, interes_moratorio)
    ON CONFLICT (credito_id, fecha) DO UPDATE SET
           situacion = excluded.situacion,
           dias_atraso = excluded.dias_atraso,
           bucket = excluded.bucket,
           capital_insoluto_centavos = excluded.capital_insoluto_centavos,
           saldo_exigible_centavos = excluded.saldo_exigible_centavos,
           saldo_para_liquidar_centavos = excluded.saldo_para_liquidar_centavos,
           interes_moratorio_centavos = excluded.interes_moratorio_centavos,
           calculado = excluded.calculado`.execute(trx);
}

/** Each credit moves only from the state it was read in (a concurrent change wins). */
async function aplicarTransiciones(
  trx: Db,
  transiciones: ResultadoAntiguedad['transiciones'],
): Promise<void> {
  if (transiciones.length === 0) return;
  await sql`
    UPDATE creditos c SET estado = t.a
      FROM unnest(${transiciones.map((t) => t.numero)}::text[],
                  ${transiciones.map((t) => t.de)}::estado_credito[],
                  ${transiciones.map((t) => t.a)}::estado_credito[]) AS t(numero, de, a)
     WHERE c.numero = t.numero AND c.estado = t.de`.execute(trx);
}

function cambioDeEstado(
  estado: EstadoCredito,
  situacion: 'al_corriente' | 'vencido' | 'liquidado',
): { de: EstadoCredito; a: EstadoCredito } | null {
  const evento = eventoPorSituacion(estado, situacion);
  const a = evento === null ? null : transicion(estado, evento);
  return a === null ? null : { de: estado, a };
}
