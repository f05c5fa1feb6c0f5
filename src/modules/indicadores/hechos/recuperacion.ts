import { type RawBuilder, sql } from 'kysely';
import type { Db } from '../../../db/conexion.ts';
import type { Fecha } from '../../../domain/fecha.ts';
import { titularAlCierre } from './comunes.ts';

/**
 * The day's recovery (docs/metas-e-indicadores.md, «Indicadores»): each payment received on
 * `fecha` (its whole amount: a payment stored in parts is its first row plus the rows naming it
 * in `parte_de`), and each cancellation dated `fecha` of such a payment, subtracted. Both are
 * attributed as the payment was: the holder at the close of the payment's date, the credit's
 * office, the bucket of the latest aging before the payment's date ('sin_dato' if none) and its
 * channel. A reestructura's closing payment brought no money: it counts nowhere, nor does its
 * cancellation. A payment with no channel (older imports) counts as 'importacion'.
 */
/** A payment's whole amount: its first row plus the rows stored as its parts. */
function montoDelPago(m: RawBuilder<unknown>): RawBuilder<number> {
  return sql<number>`(${m}.monto_centavos + coalesce(
    (SELECT sum(p.monto_centavos) FROM movimientos p WHERE p.parte_de = ${m}.id), 0))::int8`;
}

export async function materializarRecuperacion(trx: Db, fecha: Fecha): Promise<void> {
  await trx.deleteFrom('hechos_recuperacion').where('fecha', '=', fecha).execute();
  await sql`
    WITH del_dia AS (
      SELECT m.credito_id, m.fecha, coalesce(m.canal, 'importacion') AS canal,
             ${montoDelPago(sql`m`)} AS cobrado, 0::bigint AS cancelado, 1 AS pagos, 0 AS cancelaciones
        FROM movimientos m
       WHERE m.fecha = ${fecha} AND m.tipo = 'pago' AND m.parte_de IS NULL
         AND m.canal IS DISTINCT FROM 'reestructura'
      UNION ALL
      SELECT m.credito_id, m.fecha, coalesce(m.canal, 'importacion'),
             0::bigint, ${montoDelPago(sql`m`)}, 0, 1
        FROM movimientos x JOIN movimientos m ON m.id = x.cancela_id
       WHERE x.fecha = ${fecha} AND x.tipo = 'cancelacion'
         AND m.tipo = 'pago' AND m.parte_de IS NULL
         AND m.canal IS DISTINCT FROM 'reestructura'
    )
    INSERT INTO hechos_recuperacion
      (fecha, oficina_id, gestor_id, bucket, canal, cobrado_centavos, cancelado_centavos,
       pagos, cancelaciones)
    SELECT ${fecha}::date, c.oficina_id,
           ${titularAlCierre(sql`d.credito_id`, sql`d.fecha`)} AS gestor_id,
           coalesce((SELECT s.bucket FROM antiguedad_saldos s
                      WHERE s.credito_id = d.credito_id AND s.fecha < d.fecha
                      ORDER BY s.fecha DESC LIMIT 1), 'sin_dato') AS bucket,
           d.canal,
           sum(d.cobrado)::int8, sum(d.cancelado)::int8, sum(d.pagos)::int, sum(d.cancelaciones)::int
      FROM del_dia d JOIN creditos c ON c.id = d.credito_id
     GROUP BY 1, 2, 3, 4, 5
  `.execute(trx);
}
