import type { Db } from '../../db/conexion.ts';
import { type EstadoCredito, transicion } from '../../domain/estado-credito.ts';
import { registrarEnBitacora } from '../bitacora/registrar-en-bitacora.ts';
import { type ContextoAutenticado, origenDe } from '../contexto.ts';
import { creditoTurnado } from './turnado-vigente.ts';

export interface DevolucionRegistrada {
  turnadoId: number;
  creditoId: number;
  despacho: { id: number; nombre: string };
  devueltoEn: string;
  motivo: string;
  estado: EstadoCredito;
  /** Pieces the firm still has: they come back when the archive checks them in (custodia). */
  piezasEnDespacho: number;
}

/**
 * Recalls an account from its law firm (coordinador of its office, administrador): closes the
 * turnado, takes the credit back through the state table (regresar_de_juridico → activo; a
 * credit settled meanwhile stays liquidado) and clears `despacho_id`/`turnado_hasta`, which
 * ends the lawyers' access at once. The papers do not move here: they are still at the firm
 * until someone receives them (a custodia `devolucion`), and the acuse of that says who did.
 */
export async function devolverCredito(
  trx: Db,
  creditoId: number,
  motivo: string,
  ctx: ContextoAutenticado,
): Promise<DevolucionRegistrada> {
  const { credito: c, turnado: t } = await creditoTurnado(trx, creditoId, ctx.actor, {
    bloquear: true,
    sinTurnado: (numero) =>
      `El crédito ${numero} no está turnado a ningún despacho: no hay nada que devolver.`,
  });
  const ahora = ctx.reloj.ahora();
  const estado = transicion(c.estado, 'regresar_de_juridico') ?? c.estado;
  await trx
    .updateTable('turnados')
    .set({ devuelto_en: ahora, devuelto_por: ctx.actor.id, motivo_devolucion: motivo })
    .where('id', '=', t.id)
    .execute();
  await trx
    .updateTable('creditos')
    .set({ estado, despacho_id: null, turnado_hasta: null })
    .where('id', '=', creditoId)
    .execute();
  const { n } = await trx
    .selectFrom('custodia_piezas')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('credito_id', '=', creditoId)
    .where('ubicacion', '=', 'despacho')
    .executeTakeFirstOrThrow();
  await registrarEnBitacora(trx, origenDe(ctx), {
    accion: 'credito.devolver_de_despacho',
    objetoTipo: 'credito',
    objetoId: creditoId,
    detalle: { turnadoId: t.id, despachoId: t.despacho_id, motivo, estadoAntes: c.estado, estado },
  });
  return {
    turnadoId: t.id,
    creditoId,
    despacho: { id: t.despacho_id, nombre: t.despacho },
    devueltoEn: ahora.toISOString(),
    motivo,
    estado,
    piezasEnDespacho: Number(n),
  };
}
