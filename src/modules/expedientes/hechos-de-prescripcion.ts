import type { Db } from '../../db/conexion.ts';
import type { HechosDePrescripcion } from '../../domain/expedientes/prescripcion.ts';
import type { Fecha } from '../../domain/fecha.ts';
import { leerParametrosPrescripcion } from './parametros-prescripcion.ts';

/** The acts of a credit that may restart its pagarés' prescription, all of them. */
export type ActosDeCredito = Omit<HechosDePrescripcion, 'vencimiento'>;

/**
 * A credit's signed acknowledgments, lawsuits filed and documented payments (not cancelled;
 * a reestructura's closing payment moved no money and is not one), with the parameter in
 * force. The clock (src/domain/expedientes/prescripcion.ts) decides which counts.
 */
export async function actosDeCredito(
  trx: Db,
  creditoId: number,
  hoy: Fecha,
): Promise<ActosDeCredito> {
  const [parametros, reconocimientos, demandas, pagos] = await Promise.all([
    leerParametrosPrescripcion(trx),
    trx
      .selectFrom('reconocimientos_de_adeudo')
      .select(['fecha', 'convenio_id'])
      .where('credito_id', '=', creditoId)
      .execute(),
    trx
      .selectFrom('actuaciones_juridicas')
      .select('fecha')
      .where('credito_id', '=', creditoId)
      .where('estado', '=', 'demanda_presentada')
      .execute(),
    trx
      .selectFrom('movimientos as p')
      .select('p.fecha')
      .distinct()
      .where('p.credito_id', '=', creditoId)
      .where('p.tipo', '=', 'pago')
      .where((eb) => eb.or([eb('p.canal', 'is', null), eb('p.canal', '<>', 'reestructura')]))
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('movimientos as x').select('x.id').whereRef('x.cancela_id', '=', 'p.id'),
          ),
        ),
      )
      .execute(),
  ]);
  return {
    reconocimientos: reconocimientos.map((r) => ({
      fecha: r.fecha as Fecha,
      convenioId: r.convenio_id,
    })),
    demandas: demandas.map((d) => d.fecha as Fecha),
    pagos: pagos.map((p) => p.fecha as Fecha),
    pagoInterrumpe: parametros.pagoInterrumpe,
    hoy,
  };
}
