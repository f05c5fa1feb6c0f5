import type { Db } from '../../db/conexion.ts';
import type { CanalPago } from '../../db/esquema.ts';
import type { Centavos } from '../../domain/dinero.ts';
import { formatearCentavos } from '../../domain/dinero.ts';
import type { Fecha } from '../../domain/fecha.ts';
import { montoDelPago } from './monto-del-pago-sql.ts';

export interface PagoParecido {
  movimientoId: number;
  fecha: Fecha;
  monto: string;
  canal: CanalPago | null;
  referencia: string | null;
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
  const filas = await trx
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
    )
    .orderBy('m.id')
    .execute();
  return filas.map((f) => ({
    movimientoId: f.id,
    fecha: f.fecha as Fecha,
    monto: formatearCentavos((f.monto_centavos ?? 0) as Centavos),
    canal: f.canal,
    referencia: f.referencia,
  }));
}
