import type { Db } from '../../db/conexion.ts';
import { type Origen, registrarEnBitacora } from './registrar-en-bitacora.ts';

/** A refused request, as the HTTP edge knows it once the use case's transaction rolled back. */
export interface Denegacion {
  /** The route as registered: `GET /api/creditos/:id`. */
  ruta: string;
  objetoTipo: string | null;
  objetoId: string | null;
  /** The sentence the caller read: «Este crédito no está en tu cartera.» */
  motivo: string;
}

export const ACCION_DENEGADA = 'acceso.denegado';

const MINUTO_MS = 60_000;

/**
 * Counts the refusal in its minute's row (one per who, from where, route and object), in the
 * caller's own short transaction, never the refused one. The first refusal of a window also
 * goes into the bitácora, so the sealed chain names who probed what; the rest of a flood only
 * adds to the counter: 2,000 refusals of one credit in a minute are one row and one entry.
 */
export async function registrarDenegacion(
  trx: Db,
  origen: Origen,
  denegacion: Denegacion,
): Promise<void> {
  const minuto = new Date(Math.floor(origen.instante.getTime() / MINUTO_MS) * MINUTO_MS);
  const { veces } = await trx
    .insertInto('denegaciones')
    .values({
      minuto,
      usuario_id: origen.actor?.id ?? null,
      usuario: origen.actor?.usuario ?? null,
      ip: origen.ip,
      ruta: denegacion.ruta,
      objeto_tipo: denegacion.objetoTipo,
      objeto_id: denegacion.objetoId,
      motivo: denegacion.motivo,
      veces: 1,
      primera: origen.instante,
      ultima: origen.instante,
    })
    .onConflict((oc) =>
      oc.constraint('denegaciones_una_por_minuto').doUpdateSet((eb) => ({
        veces: eb('denegaciones.veces', '+', 1),
        ultima: eb.fn('greatest', ['denegaciones.ultima', 'excluded.ultima']),
      })),
    )
    .returning('veces')
    .executeTakeFirstOrThrow();
  // The row's lock serializes concurrent refusals: exactly one of them sees the first count.
  if (veces !== 1) return;
  await registrarEnBitacora(trx, origen, {
    accion: ACCION_DENEGADA,
    ...(denegacion.objetoTipo === null ? {} : { objetoTipo: denegacion.objetoTipo }),
    ...(denegacion.objetoId === null ? {} : { objetoId: denegacion.objetoId }),
    detalle: { ruta: denegacion.ruta, motivo: denegacion.motivo, minuto: minuto.toISOString() },
  });
}
