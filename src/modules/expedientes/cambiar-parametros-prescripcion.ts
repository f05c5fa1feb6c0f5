import type { Db } from '../../db/conexion.ts';
import { registrarEnBitacora } from '../bitacora/registrar-en-bitacora.ts';
import { type ContextoAutenticado, origenDe } from '../contexto.ts';
import {
  leerParametrosPrescripcion,
  type ParametrosPrescripcion,
} from './parametros-prescripcion.ts';

export interface NuevosParametrosPrescripcion {
  pagoInterrumpe: boolean;
  alertasDias: number[];
  fundamento: string;
}

/**
 * The administrador sets whether a payment restarts prescription and the alert thresholds,
 * noting the legal basis. A new version is inserted (the table takes no updates): the history
 * of what was in force, and on whose word, stays. Before and after go to the bitácora.
 */
export async function cambiarParametrosPrescripcion(
  trx: Db,
  nuevos: NuevosParametrosPrescripcion,
  ctx: ContextoAutenticado,
): Promise<ParametrosPrescripcion> {
  const antes = await leerParametrosPrescripcion(trx);
  const alertasDias = [...new Set(nuevos.alertasDias)].sort((a, b) => b - a);
  await trx
    .insertInto('parametros_prescripcion')
    .values({
      pago_interrumpe: nuevos.pagoInterrumpe,
      alertas_dias: alertasDias,
      fundamento: nuevos.fundamento,
      definido_por: ctx.actor.id,
      definido_en: ctx.reloj.ahora(),
    })
    .execute();
  const despues = await leerParametrosPrescripcion(trx);
  await registrarEnBitacora(trx, origenDe(ctx), {
    accion: 'prescripcion.parametros',
    objetoTipo: 'parametros_prescripcion',
    detalle: {
      antes: { pagoInterrumpe: antes.pagoInterrumpe, alertasDias: antes.alertasDias },
      despues: { pagoInterrumpe: despues.pagoInterrumpe, alertasDias: despues.alertasDias },
      fundamento: despues.fundamento,
    },
  });
  return despues;
}
