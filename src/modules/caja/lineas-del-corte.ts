import { sql } from 'kysely';
import type { Db } from '../../db/conexion.ts';
import type { LineaDeCorte } from '../../domain/caja/corte.ts';
import { CERO, type Centavos, restar } from '../../domain/dinero.ts';
import type { Fecha } from '../../domain/fecha.ts';
import { filtroDeAlcance } from '../cartera/alcance-sql.ts';
import { montoDelPago, montoExigido } from '../pagos/monto-del-pago-sql.ts';
import type { Actor } from '../seguridad/actor.ts';

/** A line with what the screen and the XLSX print besides the sums. */
export interface LineaLeida extends LineaDeCorte {
  creditoId: number;
  credito: string;
  referencia: string;
  /** A payment whose reversal exists (its own line, here or in another corte). */
  cancelado: boolean;
  /** A cancellation: the payment it reverses, and why. */
  cancela: number | null;
  motivo: string | null;
}

// A payment that registered nobody came from the bank statement's reconciliation.
const SIN_USUARIO = 'Conciliación bancaria';

/**
 * What an open day's corte holds: the payments and payment cancellations dated `desde` to
 * `dia` that no closed corte holds yet. `desde` is the first of the closed days right before
 * `dia`, whose late movements it receives (`dia` when the day before is open); a line dated
 * before `dia` is «posterior al cierre». `alcance` limits the lines to an actor's credits (null: all, for the closing).
 *
 * Left out: the closing payments of reestructuras (canal `reestructura`): the debt moved to
 * the new credit and no money reached the institute (docs/convenios.md); condonaciones and
 * their reversals, which are not money either; the rows of a payment stored in parts
 * (migration 0016) other than its first, which stands for the whole payment.
 */
export async function lineasAbiertas(
  trx: Db,
  dia: Fecha,
  desde: Fecha,
  alcance: Actor | null,
): Promise<LineaLeida[]> {
  const filas = await trx
    .selectFrom('movimientos as m')
    // The payment the line is about: the movement itself (no cancela_id), or the one a
    // cancellation reverses; a condonación or its reversal finds no payment and drops out.
    .innerJoin('movimientos as p', (j) =>
      j.on(sql.ref('p.id'), '=', sql<number>`coalesce(m.cancela_id, m.id)`),
    )
    .innerJoin('creditos as c', 'c.id', 'm.credito_id')
    .innerJoin('oficinas as o', 'o.id', 'c.oficina_id')
    .leftJoin('usuarios as u', 'u.id', 'm.registrado_por')
    .select([
      'm.id',
      'm.tipo',
      'm.fecha',
      'm.cancela_id',
      'm.motivo',
      'c.id as credito_id',
      'c.numero',
      'o.nombre as oficina',
      'p.canal',
      'p.referencia',
      montoDelPago('p').as('monto_centavos'),
      'u.nombre as registrado_por',
      sql<boolean>`exists (select 1 from movimientos x where x.cancela_id = m.id)`.as('cancelado'),
    ])
    // Matches the partial index movimientos_fecha_cobro (migration 0024).
    .where('m.tipo', 'in', ['pago', 'cancelacion'])
    .where('p.tipo', '=', 'pago')
    .where('p.parte_de', 'is', null)
    .where((eb) => eb.or([eb('p.canal', 'is', null), eb('p.canal', '<>', 'reestructura')]))
    .where('m.fecha', '>=', desde)
    .where('m.fecha', '<=', dia)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('cortes_de_caja_lineas as l')
            .select('l.movimiento_id')
            .whereRef('l.movimiento_id', '=', 'm.id'),
        ),
      ),
    )
    .$if(alcance !== null, (q) => q.where(filtroDeAlcance(alcance as Actor)))
    .orderBy('m.fecha')
    .orderBy('m.id')
    .execute();
  return filas.map((f) => {
    const monto = montoExigido(f.monto_centavos, f.cancela_id ?? f.id);
    const tipo = f.tipo === 'cancelacion' ? 'cancelacion' : 'pago';
    return {
      folio: f.id,
      tipo,
      fecha: f.fecha as Fecha,
      canal: f.canal ?? 'banco',
      oficina: f.oficina,
      registradoPor: f.registrado_por ?? SIN_USUARIO,
      centavos: tipo === 'pago' ? monto : restar(CERO, monto),
      posterior: f.fecha !== dia,
      creditoId: f.credito_id,
      credito: f.numero,
      referencia: f.referencia ?? '',
      cancelado: tipo === 'pago' && f.cancelado,
      cancela: f.cancela_id,
      motivo: f.motivo,
    };
  });
}

/** A closed day's lines, as its closing stored them; `alcance` as in `lineasAbiertas`. */
export async function lineasCerradas(
  trx: Db,
  dia: Fecha,
  alcance: Actor | null,
): Promise<LineaLeida[]> {
  const filas = await trx
    .selectFrom('cortes_de_caja_lineas as l')
    .innerJoin('creditos as c', 'c.id', 'l.credito_id')
    .selectAll('l')
    .select('c.numero')
    .where('l.corte', '=', dia)
    .$if(alcance !== null, (q) => q.where(filtroDeAlcance(alcance as Actor)))
    .orderBy('l.fecha')
    .orderBy('l.movimiento_id')
    .execute();
  return filas.map((f) => ({
    folio: f.movimiento_id,
    tipo: f.tipo,
    fecha: f.fecha as Fecha,
    canal: f.canal,
    oficina: f.oficina,
    registradoPor: f.registrado_por,
    centavos: f.monto_centavos as Centavos,
    posterior: f.posterior,
    creditoId: f.credito_id,
    credito: f.numero,
    referencia: f.referencia,
    cancelado: f.cancelado,
    cancela: f.cancela_id,
    motivo: f.motivo,
  }));
}
