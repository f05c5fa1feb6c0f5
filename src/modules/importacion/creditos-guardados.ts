import { sql } from 'kysely';
import type { Db } from '../../db/conexion.ts';
import type { RolEnCredito } from '../../db/esquema.ts';
import type { Centavos } from '../../domain/dinero.ts';
import type { Fecha } from '../../domain/fecha.ts';
import type {
  CalendarioGuardado,
  CreditoGuardado,
  HuellasDeCalendario,
  MovimientoGuardado,
  ProductoGuardado,
  VersionGuardada,
} from './base-existente.ts';
import { excedeOrdinaria } from './leer-filas.ts';

/** The stored credits the workbook names, for base-existente.ts: header, digests, ledger, schedule. */

export const idsDe = (filas: ReadonlyArray<{ id: number }>) => filas.map((f) => f.id);

async function cargarHuellas(
  trx: Db,
  ids: readonly number[],
): Promise<Map<number, HuellasDeCalendario>> {
  const huellas = new Map<number, HuellasDeCalendario>();
  if (ids.length === 0) return huellas;
  // Same text as huellas.ts builds from the rows: fields joined by U+001F, rows by U+001E.
  const { rows } = await sql<{ id: number; m: string | null; a: string | null; p: string | null }>`
    SELECT c.id,
      (SELECT md5(string_agg(concat_ws(chr(31), numero, fecha, monto_centavos, periodo_escolar, pagare_numero, pagare_vencimiento), chr(30) ORDER BY numero))
         FROM ministraciones WHERE credito_id = c.id) AS m,
      (SELECT md5(string_agg(concat_ws(chr(31), numero, fecha, capital_centavos), chr(30) ORDER BY numero))
         FROM amortizaciones WHERE credito_id = c.id) AS a,
      (SELECT md5(string_agg(concat_ws(chr(31), desde, hasta, motivo), chr(30) ORDER BY desde, hasta, motivo COLLATE "C"))
         FROM periodos_sin_moratorio WHERE credito_id = c.id) AS p
    FROM unnest(${ids}::int4[]) AS c(id)`.execute(trx);
  for (const r of rows)
    huellas.set(r.id, {
      ministraciones: r.m ?? '',
      amortizaciones: r.a ?? '',
      periodos: r.p ?? '',
    });
  return huellas;
}

export async function cargarMovimientos(
  trx: Db,
  ids: readonly number[],
): Promise<Map<number, MovimientoGuardado[]>> {
  const porCredito = new Map<number, MovimientoGuardado[]>();
  if (ids.length === 0) return porCredito;
  const { rows } = await sql<MovimientoGuardado & { creditoId: number }>`
    SELECT credito_id AS "creditoId", id, clave_externa AS clave, tipo, fecha, monto_centavos AS monto,
      excedente, concepto, cancela_id AS "cancelaId", canal, referencia, motivo
    FROM movimientos WHERE credito_id = ANY(${ids}::int4[]) ORDER BY credito_id, id`.execute(trx);
  for (const r of rows) {
    const lista = porCredito.get(r.creditoId);
    if (lista) lista.push(r);
    else porCredito.set(r.creditoId, [r]);
  }
  return porCredito;
}

async function cargarCalendarios(
  trx: Db,
  ids: readonly number[],
): Promise<Map<number, CalendarioGuardado>> {
  const calendarios = new Map<number, CalendarioGuardado>();
  if (ids.length === 0) return calendarios;
  const [ministraciones, amortizaciones, periodos] = await Promise.all([
    sql<{ credito_id: number; fecha: Fecha; monto: Centavos }>`
      SELECT credito_id, fecha, monto_centavos AS monto FROM ministraciones
       WHERE credito_id = ANY(${ids}::int4[]) ORDER BY credito_id, numero`.execute(trx),
    sql<{ credito_id: number; numero: number; fecha: Fecha; capital: Centavos }>`
      SELECT credito_id, numero, fecha, capital_centavos AS capital FROM amortizaciones
       WHERE credito_id = ANY(${ids}::int4[]) ORDER BY credito_id, numero`.execute(trx),
    sql<{ credito_id: number; desde: Fecha; hasta: Fecha }>`
      SELECT credito_id, desde, hasta FROM periodos_sin_moratorio
       WHERE credito_id = ANY(${ids}::int4[]) ORDER BY credito_id, id`.execute(trx),
  ]);
  for (const id of ids)
    calendarios.set(id, { ministraciones: [], amortizaciones: [], periodos: [] });
  for (const m of ministraciones.rows) calendarios.get(m.credito_id)?.ministraciones.push(m);
  for (const a of amortizaciones.rows) calendarios.get(a.credito_id)?.amortizaciones.push(a);
  for (const p of periodos.rows) calendarios.get(p.credito_id)?.periodos.push(p);
  return calendarios;
}

export interface QueCargar {
  huellas: boolean;
  movimientos: boolean;
  calendario: boolean;
}

/** Stored credits by number: header and people, and what `que` asks for. */
export async function cargarCreditos(
  trx: Db,
  numeros: readonly string[],
  productos: ReadonlyMap<string, ProductoGuardado>,
  que: QueCargar,
): Promise<Map<string, CreditoGuardado>> {
  const creditos = new Map<string, CreditoGuardado>();
  if (numeros.length === 0) return creditos;
  const cabeceras = await trx
    .selectFrom('creditos as c')
    .innerJoin('oficinas as o', 'o.id', 'c.oficina_id')
    .select([
      'c.id',
      'c.numero',
      'c.version_producto_id',
      'c.fecha_inicio_interes',
      'c.tasa_ordinaria_pactada',
      'c.tasa_puntual_anual',
      'c.gestor_id',
      'o.clave',
      'c.estado',
      (eb) =>
        eb
          .selectFrom('creditos as nuevo')
          .select('nuevo.numero')
          .whereRef('nuevo.reestructura_de', '=', 'c.id')
          .as('reestructurado_en'),
    ])
    .where(sql<boolean>`c.numero = ANY(${numeros}::text[])`)
    // The credits the import extends must not change under it.
    .forUpdate()
    .execute();
  if (cabeceras.length === 0) return creditos;
  const ids = idsDe(cabeceras);
  const participantes = await sql<{ credito_id: number; curp: string | null; rol: RolEnCredito }>`
    SELECT pc.credito_id, p.curp, pc.rol FROM participantes_credito pc JOIN personas p ON p.id = pc.persona_id
     WHERE pc.credito_id = ANY(${ids}::int4[])`.execute(trx);
  const huellas = que.huellas
    ? await cargarHuellas(trx, ids)
    : new Map<number, HuellasDeCalendario>();
  const movimientos = que.movimientos
    ? await cargarMovimientos(trx, ids)
    : new Map<number, MovimientoGuardado[]>();
  const calendarios = que.calendario
    ? await cargarCalendarios(trx, ids)
    : new Map<number, CalendarioGuardado>();
  const quienes = new Map<number, CreditoGuardado['participantes']>();
  for (const p of participantes.rows)
    quienes.set(p.credito_id, [...(quienes.get(p.credito_id) ?? []), { curp: p.curp, rol: p.rol }]);
  const versiones = new Map<number, { producto: string; version: VersionGuardada }>();
  for (const [clave, p] of productos)
    for (const v of p.versiones) versiones.set(v.id, { producto: clave, version: v });
  for (const c of cabeceras) {
    const v = versiones.get(c.version_producto_id);
    if (!v) continue;
    creditos.set(c.numero, {
      id: c.id,
      numero: c.numero,
      producto: v.producto,
      // A restructured credit's movements are checked at its agreed rate (migration 0012),
      // and its version's punctual rate no higher than that (src/db/tasas-en-vigor.ts).
      version:
        c.tasa_ordinaria_pactada === null
          ? v.version
          : {
              ...v.version,
              tasaOrdinaria: c.tasa_ordinaria_pactada,
              tasaPuntual:
                v.version.tasaPuntual !== null &&
                excedeOrdinaria(v.version.tasaPuntual, c.tasa_ordinaria_pactada)
                  ? c.tasa_ordinaria_pactada
                  : v.version.tasaPuntual,
            },
      oficina: c.clave,
      fechaInicioInteres: c.fecha_inicio_interes as Fecha,
      tasaPuntual: c.tasa_puntual_anual,
      gestorId: c.gestor_id,
      reestructurado: c.estado === 'reestructurado' ? { nuevo: c.reestructurado_en ?? null } : null,
      participantes: quienes.get(c.id) ?? [],
      huellas: huellas.get(c.id) ?? { ministraciones: '', amortizaciones: '', periodos: '' },
      movimientos: movimientos.get(c.id) ?? [],
      calendario: calendarios.get(c.id) ?? null,
    });
  }
  return creditos;
}
