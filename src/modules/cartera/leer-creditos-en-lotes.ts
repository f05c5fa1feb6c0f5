import { sql } from 'kysely';
import type { Db } from '../../db/conexion.ts';
import type { FilasDeCredito } from '../../db/mapeo-caso.ts';
import { tasaOrdinariaEnVigor, tasaPuntualDeVersion } from '../../db/tasas-en-vigor.ts';
import { type Centavos, centavosDesdeEntero } from '../../domain/dinero.ts';
import { type ColumnasDeCredito, type CreditoCargado, creditoCargado } from './cargar-credito.ts';

type Ministracion = FilasDeCredito['ministraciones'][number];
type Amortizacion = FilasDeCredito['amortizaciones'][number];
type Movimiento = FilasDeCredito['movimientos'][number];
type Periodo = FilasDeCredito['periodos'][number];

/**
 * One row per credit: its own columns plus each history column as a JSON array, aggregated by
 * PostgreSQL in schedule or ledger order. The driver parses a JSON column with the native
 * `JSON.parse`, several times cheaper than building one driver row object per amortización and
 * movement (the 30,000-acreditado portfolio has 1.8 million amortizaciones and a million
 * movements); arrays of scalars, one per column, are also the cheapest JSON for PostgreSQL to
 * build (about half the cost of one small array per row).
 */
interface FilaDelLote extends ColumnasDeCredito {
  // null: the credit has no such rows (an aggregate over nothing).
  mi_fecha: Array<Ministracion['fecha']> | null;
  mi_monto: number[] | null;
  am_numero: Array<Amortizacion['numero']> | null;
  am_fecha: Array<Amortizacion['fecha']> | null;
  am_capital: number[] | null;
  mo_id: Array<Movimiento['id']> | null;
  mo_tipo: Array<Movimiento['tipo']> | null;
  mo_fecha: Array<Movimiento['fecha']> | null;
  mo_monto: Array<number | null> | null;
  mo_excedente: Array<Movimiento['excedente']> | null;
  mo_concepto: Array<Movimiento['concepto']> | null;
  mo_cancela: Array<Movimiento['cancela_id']> | null;
  pe_desde: Array<Periodo['desde']> | null;
  pe_hasta: Array<Periodo['hasta']> | null;
  pe_revocado: Array<string | null> | null;
}

/**
 * The credits after `despuesDe` (by id), at most `tamano`, each with everything the engine needs
 * in the shape `cargarCreditos` gives, in id order; schedules and ledgers in the same order as
 * there. One query: a keyset scan of `creditos` and, per credit, index scans of its rows.
 */
export async function leerLoteDeCreditos(
  db: Db,
  despuesDe: number,
  tamano: number,
): Promise<CreditoCargado[]> {
  // Dates inside JSON are ISO text, as the driver gives `date` columns; bigint amounts and ids
  // are JSON numbers, and amounts become Centavos only through `montoDeJson`'s check.
  const { rows } = await sql<FilaDelLote>`
    SELECT c.id, c.numero, c.fecha_inicio_interes, c.estado, c.oficina_id, c.despacho_id,
           c.turnado_hasta, o.nombre AS oficina, p.clave AS producto_clave,
           p.nombre AS producto_nombre,
           ${tasaOrdinariaEnVigor} AS tasa_ordinaria_anual,
           ${tasaPuntualDeVersion} AS tasa_puntual_version,
           c.tasa_puntual_anual, c.tasa_puntual_motivo, v.tasa_moratoria_anual, v.base_dias,
           v.prelacion, mi.*, am.*, mo.*, pe.*
      FROM creditos c
      JOIN versiones_producto v ON v.id = c.version_producto_id
      JOIN productos p ON p.id = v.producto_id
      JOIN oficinas o ON o.id = c.oficina_id
     CROSS JOIN LATERAL (
           SELECT json_agg(m.fecha ORDER BY m.numero) AS mi_fecha,
                  json_agg(m.monto_centavos ORDER BY m.numero) AS mi_monto
             FROM ministraciones m WHERE m.credito_id = c.id) mi
     CROSS JOIN LATERAL (
           SELECT json_agg(a.numero ORDER BY a.numero) AS am_numero,
                  json_agg(a.fecha ORDER BY a.numero) AS am_fecha,
                  json_agg(a.capital_centavos ORDER BY a.numero) AS am_capital
             FROM amortizaciones a WHERE a.credito_id = c.id) am
     CROSS JOIN LATERAL (
           SELECT json_agg(x.id ORDER BY x.id) AS mo_id,
                  json_agg(x.tipo ORDER BY x.id) AS mo_tipo,
                  json_agg(x.fecha ORDER BY x.id) AS mo_fecha,
                  json_agg(x.monto_centavos ORDER BY x.id) AS mo_monto,
                  json_agg(x.excedente ORDER BY x.id) AS mo_excedente,
                  json_agg(x.concepto ORDER BY x.id) AS mo_concepto,
                  json_agg(x.cancela_id ORDER BY x.id) AS mo_cancela
             FROM movimientos x WHERE x.credito_id = c.id) mo
     CROSS JOIN LATERAL (
           SELECT json_agg(s.desde ORDER BY s.desde) AS pe_desde,
                  json_agg(s.hasta ORDER BY s.desde) AS pe_hasta,
                  json_agg(s.revocado_el ORDER BY s.desde) AS pe_revocado
             FROM periodos_sin_moratorio s WHERE s.credito_id = c.id) pe
     WHERE c.id > ${despuesDe}
     ORDER BY c.id
     LIMIT ${tamano}`.execute(db);
  return rows.map(creditoDeFila);
}

function creditoDeFila(c: FilaDelLote): CreditoCargado {
  return creditoCargado(c, {
    ministraciones: ministraciones(c),
    amortizaciones: amortizaciones(c),
    movimientos: movimientos(c),
    periodos: periodos(c),
  });
}

/**
 * An amount from a JSON array. JSON.parse rounds a number past 2^53 to one that is not a safe
 * integer, so this check is as strict as the int8 parser's (src/db/conexion.ts).
 */
function montoDeJson(n: number): Centavos {
  const c = centavosDesdeEntero(n);
  if (c === null) throw new RangeError(`monto de la base fuera del rango exacto: ${n}`);
  return c;
}

const nulo = <T, U>(v: T | null, f: (v: T) => U): U | null => (v === null ? null : f(v));

/** The i-th value of a history column; all of a history's columns have the same length. */
function en<T>(columna: readonly T[], i: number): T {
  const valor = columna[i];
  if (valor === undefined) throw new Error('Columnas de un historial de distinto largo.');
  return valor;
}

function ministraciones({ mi_fecha: fecha, mi_monto: monto }: FilaDelLote): Ministracion[] {
  if (fecha === null || monto === null) return [];
  return fecha.map((f, i) => ({ fecha: f, monto_centavos: montoDeJson(en(monto, i)) }));
}

function amortizaciones(c: FilaDelLote): Amortizacion[] {
  const { am_numero: numero, am_fecha: fecha, am_capital: capital } = c;
  if (numero === null || fecha === null || capital === null) return [];
  return numero.map((n, i) => ({
    numero: n,
    fecha: en(fecha, i),
    capital_centavos: montoDeJson(en(capital, i)),
  }));
}

function movimientos(c: FilaDelLote): Movimiento[] {
  const { mo_id: id, mo_tipo: tipo, mo_fecha: fecha, mo_monto: monto } = c;
  const { mo_excedente: excedente, mo_concepto: concepto, mo_cancela: cancela } = c;
  if (
    id === null ||
    tipo === null ||
    fecha === null ||
    monto === null ||
    excedente === null ||
    concepto === null ||
    cancela === null
  )
    return [];
  return id.map((m, i) => ({
    id: m,
    tipo: en(tipo, i),
    fecha: en(fecha, i),
    monto_centavos: nulo(en(monto, i), montoDeJson),
    excedente: en(excedente, i),
    concepto: en(concepto, i),
    cancela_id: en(cancela, i),
  }));
}

function periodos(c: FilaDelLote): Periodo[] {
  const { pe_desde: desde, pe_hasta: hasta, pe_revocado: revocado } = c;
  if (desde === null || hasta === null || revocado === null) return [];
  return desde.map((d, i) => ({ desde: d, hasta: en(hasta, i), revocado_el: en(revocado, i) }));
}
