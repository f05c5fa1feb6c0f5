import { sql } from 'kysely';
import type { Db } from '../../db/conexion.ts';
import { registrarEnBitacora } from '../bitacora/registrar-en-bitacora.ts';
import { type ContextoAutenticado, origenDe } from '../contexto.ts';
import {
  type CuentaEnCola,
  cuentaEnCola,
  cuentasOrdenadas,
  nombresDeAcreditados,
} from './consultar-cola.ts';
import { leerParametrosGestion } from './parametros-gestion.ts';

/**
 * "Siguiente cuenta": the top account of the user's queue that nobody else holds, taken for
 * `minutos_de_toma` so that two people covering the same accounts do not call the same
 * debtor. The take is an upsert that only wins over an expired or own take: two users asking
 * at once cannot both get the same account (the loser moves to the next one).
 */
export async function tomarSiguienteCuenta(
  trx: Db,
  ctx: ContextoAutenticado,
): Promise<{ cuenta: CuentaEnCola | null; hasta: string | null }> {
  const ahora = ctx.reloj.ahora();
  const { minutos_de_toma } = await leerParametrosGestion(trx);
  const hasta = new Date(ahora.getTime() + minutos_de_toma * 60_000);
  const { parametros, cuentas } = await cuentasOrdenadas(trx, ctx.actor.id, ctx);
  for (const c of cuentas) {
    const h = c.hechos;
    if (h.tomadaPor !== null && h.tomadaPor.id !== ctx.actor.id) continue;
    const tomada = await sql<{ credito_id: number }>`
      INSERT INTO tomas_de_cuenta (credito_id, usuario_id, hasta)
      VALUES (${h.creditoId}, ${ctx.actor.id}, ${hasta})
      ON CONFLICT (credito_id) DO UPDATE SET usuario_id = excluded.usuario_id, hasta = excluded.hasta
        WHERE tomas_de_cuenta.hasta <= ${ahora} OR tomas_de_cuenta.usuario_id = excluded.usuario_id
      RETURNING credito_id
    `.execute(trx);
    if (tomada.rows.length === 0) continue;
    const nombres = await nombresDeAcreditados(trx, [h.creditoId]);
    await registrarEnBitacora(trx, origenDe(ctx), {
      accion: 'cola.tomar',
      objetoTipo: 'credito',
      objetoId: h.creditoId,
      detalle: { hasta: hasta.toISOString() },
    });
    return {
      cuenta: cuentaEnCola(
        { ...c, hechos: { ...h, tomadaPor: { id: ctx.actor.id, nombre: ctx.actor.nombre } } },
        nombres,
        parametros,
      ),
      hasta: hasta.toISOString(),
    };
  }
  return { cuenta: null, hasta: null };
}
