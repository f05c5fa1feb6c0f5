import type { Db } from '../../db/conexion.ts';
import { formatearCentavos } from '../../domain/dinero.ts';
import type { ContextoAutenticado } from '../contexto.ts';
import type { Gestor } from './gestores-de-oficina.ts';
import {
  type PedidoDistribucion,
  type PlanDistribucion,
  planearDistribucion,
} from './planear-distribucion.ts';

export interface TotalVista {
  gestor: Gestor;
  cuentas: number;
  saldo: string;
}

export function totalesVista(plan: PlanDistribucion): TotalVista[] {
  return plan.porGestor.map((t) => ({
    gestor: t.gestor,
    cuentas: t.cuentas,
    saldo: formatearCentavos(t.saldo),
  }));
}

/**
 * What a distribution would do, changing nothing: how many accounts and how much balance each
 * gestor would get, and the firma to send back when applying it.
 */
export async function vistaPreviaDistribucion(
  trx: Db,
  pedido: PedidoDistribucion,
  ctx: ContextoAutenticado,
): Promise<{ firma: string; cuentas: number; porGestor: TotalVista[] }> {
  const plan = await planearDistribucion(trx, pedido, ctx, { bloquear: false });
  return { firma: plan.firma, cuentas: plan.plan.length, porGestor: totalesVista(plan) };
}
