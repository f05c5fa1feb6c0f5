import type { Db } from '../../db/conexion.ts';
import { calcularPrescripcion, type Prescripcion } from '../../domain/expedientes/prescripcion.ts';
import type { Fecha } from '../../domain/fecha.ts';
import { actosDeCredito } from './hechos-de-prescripcion.ts';

/**
 * Each pagaré's prescription, by ministración id, on `hoy` (the clock's business date). No
 * scope check and no bitácora: the caller (the expediente, the evidence pack) did both.
 */
export async function prescripcionesDeCredito(
  trx: Db,
  creditoId: number,
  hoy: Fecha,
): Promise<Map<number, Prescripcion>> {
  const [ministraciones, actos] = await Promise.all([
    trx
      .selectFrom('ministraciones')
      .select(['id', 'pagare_vencimiento'])
      .where('credito_id', '=', creditoId)
      .execute(),
    actosDeCredito(trx, creditoId, hoy),
  ]);
  return new Map(
    ministraciones.map((m) => [
      m.id,
      calcularPrescripcion({ ...actos, vencimiento: m.pagare_vencimiento as Fecha }),
    ]),
  );
}
