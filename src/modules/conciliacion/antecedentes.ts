import { sql } from 'kysely';
import type { Db } from '../../db/conexion.ts';
import type { EstadoDepositoPendiente } from '../../db/esquema.ts';
import type { Fecha } from '../../domain/fecha.ts';
import { validarReferencia } from '../../domain/referencia.ts';
import { montoDelPago, montoExigido } from '../pagos/monto-del-pago-sql.ts';
import { claveDeDeposito } from './deposito.ts';
import type { DepositoBancario } from './leer-estado-bancario.ts';

export interface Posteado {
  movimientoId: number;
  creditoId: number;
  numero: string;
}

/** A payment typed in by hand at the counter, which the statement may be reporting again. */
export interface PagoManual {
  id: number;
  referencia: string;
}

/** What the database already knows about a file's deposits, read in a few queries. */
export interface Antecedentes {
  pendientes: Map<
    string,
    { id: number; estado: EstadoDepositoPendiente; posteado: Posteado | null }
  >;
  posteados: Map<string, Posteado>;
  creditos: Map<number, string>;
  manuales: Map<string, PagoManual[]>;
}

export const llaveManual = (creditoId: number, fecha: Fecha, importe: number) =>
  `${creditoId}|${fecha}|${importe}`;

/**
 * Reads everything the decisions need and locks the credits the references name, in id order,
 * before anything is posted: an import then never waits for a credit row while it holds the
 * bitácora lock that a counter payment on that credit is waiting for.
 */
export async function leerAntecedentes(
  trx: Db,
  depositos: readonly DepositoBancario[],
): Promise<Antecedentes> {
  const folios = depositos.map((d) => d.folio);
  const claves = folios.map(claveDeDeposito);
  const [filasPendientes, filasPosteadas] = await Promise.all([
    trx
      .selectFrom('depositos_pendientes as d')
      .leftJoin('creditos as c', 'c.id', 'd.credito_id')
      .select(['d.id', 'd.folio_banco', 'd.estado', 'd.credito_id', 'd.movimiento_id', 'c.numero'])
      .where('d.folio_banco', 'in', folios)
      .execute(),
    trx
      .selectFrom('movimientos as m')
      .innerJoin('creditos as c', 'c.id', 'm.credito_id')
      .select(['m.id', 'm.credito_id', 'm.clave_externa', 'c.numero'])
      .where('m.clave_externa', 'in', claves)
      .execute(),
  ]);
  const pendientes: Antecedentes['pendientes'] = new Map();
  for (const p of filasPendientes) {
    const posteado =
      p.credito_id !== null && p.movimiento_id !== null
        ? { movimientoId: p.movimiento_id, creditoId: p.credito_id, numero: p.numero ?? '' }
        : null;
    pendientes.set(p.folio_banco, { id: p.id, estado: p.estado, posteado });
  }
  const posteados: Antecedentes['posteados'] = new Map();
  for (const m of filasPosteadas) {
    if (m.clave_externa === null) continue;
    posteados.set(m.clave_externa, {
      movimientoId: m.id,
      creditoId: m.credito_id,
      numero: m.numero,
    });
  }
  const ids = new Set<number>();
  for (const d of depositos) {
    const r = validarReferencia(d.referencia);
    if (r.valida) ids.add(r.creditoId);
  }
  const creditos = new Map<number, string>();
  if (ids.size > 0) {
    const filas = await trx
      .selectFrom('creditos')
      .select(['id', 'numero'])
      .where('id', 'in', [...ids])
      .orderBy('id')
      .forUpdate()
      .execute();
    for (const c of filas) creditos.set(c.id, c.numero);
  }
  return {
    pendientes,
    posteados,
    creditos,
    manuales: await pagosManuales(trx, creditos, depositos),
  };
}

/** Bank payments captured by hand (no bank line key), not reversed, on the statement's days. */
async function pagosManuales(
  trx: Db,
  creditos: ReadonlyMap<number, string>,
  depositos: readonly DepositoBancario[],
): Promise<Map<string, PagoManual[]>> {
  const manuales = new Map<string, PagoManual[]>();
  if (creditos.size === 0) return manuales;
  const fechas = [...new Set(depositos.map((d) => d.fecha))];
  const filas = await trx
    .selectFrom('movimientos as m')
    .select([
      'm.id',
      'm.credito_id',
      'm.fecha',
      montoDelPago('m').as('monto_centavos'),
      'm.referencia',
    ])
    .where('m.credito_id', 'in', [...creditos.keys()])
    .where('m.tipo', '=', 'pago')
    .where('m.parte_de', 'is', null)
    .where('m.canal', '=', 'banco')
    .where('m.clave_externa', 'is', null)
    .where('m.fecha', 'in', fechas)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('movimientos as c')
            .select(sql`1`.as('x'))
            .whereRef('c.cancela_id', '=', 'm.id'),
        ),
      ),
    )
    .orderBy('m.id')
    .execute();
  for (const m of filas) {
    const monto = montoExigido(m.monto_centavos, m.id);
    const llave = llaveManual(m.credito_id, m.fecha as Fecha, monto);
    const lista = manuales.get(llave) ?? [];
    lista.push({ id: m.id, referencia: m.referencia ?? '' });
    manuales.set(llave, lista);
  }
  return manuales;
}

const soloAlfanumerico = (t: string) => t.toUpperCase().replace(/[^0-9A-Z]/g, '');

/**
 * A hand-typed payment is this very deposit when its reference carries the bank's folio; a
 * short folio could turn up inside any reference by chance, so it must have four characters.
 */
export function mencionaElFolio(referencia: string, folio: string): boolean {
  const f = soloAlfanumerico(folio);
  return f.length >= 4 && soloAlfanumerico(referencia).includes(f);
}
