import { sql } from 'kysely';
import type { Db } from '../../db/conexion.ts';
import type { CanalPago } from '../../db/esquema.ts';
import type { Centavos } from '../../domain/dinero.ts';
import { formatearCentavos } from '../../domain/dinero.ts';
import type { Fecha } from '../../domain/fecha.ts';
import { horaLocal } from '../../domain/gestion/ventana-de-contacto.ts';
import { ZONA_INSTITUTO } from '../../domain/gestion/zona-horaria.ts';
import { montoDelPago, montoExigido } from './monto-del-pago-sql.ts';

export interface PagoParecido {
  movimientoId: number;
  fecha: Fecha;
  monto: string;
  canal: CanalPago | null;
  referencia: string | null;
}

/** A payment posted today that a new capture repeats, as the 409 `posible_duplicado` names it. */
export interface PagoIgual extends PagoParecido {
  /** The name of whoever posted it; null for rows nobody typed (none today, but the column allows it). */
  registradoPor: string | null;
  registrado: string;
  /** `HH:MM` in the institute's time zone, as the message says it. */
  hora: string;
}

/**
 * The payments in force on the credit with this date and amount: a payment's first row (its
 * total counts its parts), not cancelled.
 */
function vigentesConFechaYMonto(trx: Db, creditoId: number, fecha: Fecha, monto: Centavos) {
  return trx
    .selectFrom('movimientos as m')
    .select(['m.id', 'm.fecha', montoDelPago('m').as('monto_centavos'), 'm.canal', 'm.referencia'])
    .where('m.credito_id', '=', creditoId)
    .where('m.tipo', '=', 'pago')
    .where('m.parte_de', 'is', null)
    .where('m.fecha', '=', fecha)
    .where(montoDelPago('m'), '=', monto)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(selectFrom('movimientos as x').select('x.id').whereRef('x.cancela_id', '=', 'm.id')),
      ),
    );
}

/**
 * Payments in force on the credit with the same date and amount: the usual sign that a deposit
 * the bank statement already posted is being typed in again at the counter (the reverse, a
 * statement line matching a typed payment, the import sends to the pending list). Only a
 * warning: two equal payments on one day can be real.
 */
export async function pagosParecidos(
  trx: Db,
  creditoId: number,
  fecha: Fecha,
  monto: Centavos,
): Promise<PagoParecido[]> {
  const filas = await vigentesConFechaYMonto(trx, creditoId, fecha, monto)
    .orderBy('m.id')
    .execute();
  return filas.map((f) => ({
    movimientoId: f.id,
    fecha: f.fecha as Fecha,
    monto: formatearCentavos(montoExigido(f.monto_centavos, f.id)),
    canal: f.canal,
    referencia: f.referencia,
  }));
}

/**
 * The latest payment posted today (the institute's day) that a new capture repeats: the
 * parecidos above that also carry the same reference, compared without case or blanks
 * ("bbva 778812" is "BBVA778812"). Same date, amount and reference typed twice in one day is
 * almost always one deposit captured twice; the next day it is left to the preview's warning.
 */
export async function pagoIgualDeHoy(
  trx: Db,
  creditoId: number,
  pago: { fecha: Fecha; monto: Centavos; referencia: string },
  hoy: Fecha,
): Promise<PagoIgual | null> {
  const sinEspacios = (t: string) => t.replace(/\s+/g, '').toUpperCase();
  const fila = await vigentesConFechaYMonto(trx, creditoId, pago.fecha, pago.monto)
    .leftJoin('usuarios as u', 'u.id', 'm.registrado_por')
    .select(['m.registrado', 'u.nombre as registrado_por'])
    .where(
      sql<string>`upper(regexp_replace(coalesce(m.referencia, ''), '\\s+', '', 'g'))`,
      '=',
      sinEspacios(pago.referencia),
    )
    .where(sql<string>`(m.registrado AT TIME ZONE ${ZONA_INSTITUTO})::date`, '=', hoy)
    .orderBy('m.id', 'desc')
    .executeTakeFirst();
  if (!fila) return null;
  const registrado = new Date(fila.registrado);
  return {
    movimientoId: fila.id,
    fecha: fila.fecha as Fecha,
    monto: formatearCentavos(montoExigido(fila.monto_centavos, fila.id)),
    canal: fila.canal,
    referencia: fila.referencia,
    registradoPor: fila.registrado_por,
    registrado: registrado.toISOString(),
    hora: horaLocal(registrado, ZONA_INSTITUTO).texto,
  };
}
