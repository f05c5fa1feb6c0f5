import type { Db } from '../../db/conexion.ts';
import { formatearCentavos } from '../../domain/dinero.ts';
import { ErrorDominio } from '../../domain/errores.ts';
import type { ReglaDistribucion } from '../../domain/gestion/distribucion.ts';
import { registrarEnBitacora } from '../bitacora/registrar-en-bitacora.ts';
import { type ContextoAutenticado, origenDe } from '../contexto.ts';
import { type PedidoDistribucion, planearDistribucion } from './planear-distribucion.ts';
import { reasignarEnBloque } from './reasignar-en-bloque.ts';
import { type TotalVista, totalesVista } from './vista-previa-distribucion.ts';

const MOTIVO: Record<ReglaDistribucion, string> = {
  cuentas: 'Distribución por número de cuentas',
  saldo: 'Distribución por saldo',
};

/**
 * Applies a previewed distribution. The plan is recomputed under lock and must have the
 * preview's firma (`plan_cambiado` otherwise: the accounts or their balances moved), then
 * written set-based (reasignar-en-bloque.ts). One bitácora row records the whole distribution.
 */
export async function aplicarDistribucion(
  trx: Db,
  pedido: PedidoDistribucion & { firma: string },
  ctx: ContextoAutenticado,
): Promise<{ asignadas: number; porGestor: TotalVista[] }> {
  const p = await planearDistribucion(trx, pedido, ctx, { bloquear: true });
  if (p.firma !== pedido.firma) {
    throw new ErrorDominio(
      'plan_cambiado',
      'Las cuentas o sus saldos cambiaron desde la vista previa: revisa la nueva vista previa y aplícala.',
      'firma',
    );
  }
  if (p.plan.length === 0) {
    throw new ErrorDominio('conflicto', 'No hay cuentas que distribuir con esa selección.');
  }
  const cambiadas = await reasignarEnBloque(trx, {
    creditoIds: p.plan.map((c) => c.creditoId),
    gestorIds: p.plan.map((c) => c.gestorId),
    instante: ctx.reloj.ahora(),
    asignadoPor: ctx.actor.id,
    motivo: MOTIVO[p.regla],
  });
  const porGestor = totalesVista(p);
  await registrarEnBitacora(trx, origenDe(ctx), {
    accion: 'asignacion.distribuir',
    objetoTipo: 'oficina',
    objetoId: p.oficina.id,
    detalle: {
      regla: p.regla,
      firma: p.firma,
      cuentas: p.plan.length,
      // Accounts whose holder changed; the others were dealt to whoever held them already.
      cambiadas,
      seleccion:
        pedido.creditoIds === undefined
          ? { filtro: pedido.filtro ?? {} }
          : { creditoIds: pedido.creditoIds.length },
      porGestor: p.porGestor.map((t) => ({
        gestorId: t.gestor.id,
        cuentas: t.cuentas,
        saldo: formatearCentavos(t.saldo),
      })),
    },
  });
  return { asignadas: p.plan.length, porGestor };
}
