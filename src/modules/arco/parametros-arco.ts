import type { Db } from '../../db/conexion.ts';
import { registrarEnBitacora } from '../bitacora/registrar-en-bitacora.ts';
import { type ContextoAutenticado, origenDe } from '../contexto.ts';

/** The ARCO terms (business days) and the blocking period (years), as the API shows them. */
export interface ParametrosArco {
  diasParaResponder: number;
  diasDeAmpliacion: number;
  diasParaEjecutar: number;
  /** An open request is flagged «por vencer» this many business days before its deadline. */
  diasDeAviso: number;
  /** How long a cancellation keeps the blocked data before the job deletes them. */
  aniosDeBloqueo: number;
}

/** The one row (migration 0022 inserts it). */
export async function leerParametrosArco(trx: Db): Promise<ParametrosArco> {
  const p = await trx.selectFrom('parametros_arco').selectAll().executeTakeFirstOrThrow();
  return {
    diasParaResponder: p.dias_para_responder,
    diasDeAmpliacion: p.dias_de_ampliacion,
    diasParaEjecutar: p.dias_para_ejecutar,
    diasDeAviso: p.dias_de_aviso,
    aniosDeBloqueo: p.anios_de_bloqueo,
  };
}

/**
 * The administrador changes them when the law or the institute's retention schedule does. A
 * request keeps the terms in force when it was received; before and after go to the bitácora.
 */
export async function cambiarParametrosArco(
  trx: Db,
  nuevos: ParametrosArco,
  ctx: ContextoAutenticado,
): Promise<ParametrosArco> {
  const antes = await leerParametrosArco(trx);
  await trx
    .updateTable('parametros_arco')
    .set({
      dias_para_responder: nuevos.diasParaResponder,
      dias_de_ampliacion: nuevos.diasDeAmpliacion,
      dias_para_ejecutar: nuevos.diasParaEjecutar,
      dias_de_aviso: nuevos.diasDeAviso,
      anios_de_bloqueo: nuevos.aniosDeBloqueo,
    })
    .execute();
  const despues = await leerParametrosArco(trx);
  await registrarEnBitacora(trx, origenDe(ctx), {
    accion: 'arco.parametros',
    objetoTipo: 'parametros_arco',
    detalle: { antes, despues },
  });
  return despues;
}
