import type { Db } from '../../db/conexion.ts';
import type { ContextoAutenticado } from '../contexto.ts';
import {
  type CuentaEnCola,
  cuentaEnCola,
  cuentasOrdenadas,
  gestorDeLaCola,
  nombresDeAcreditados,
} from './consultar-cola.ts';

/**
 * Orphan accounts: assigned, but with no next action (never worked, or the latest gestión
 * set none). Ranked as the queue.
 */
export async function listarHuerfanas(
  trx: Db,
  filtro: { gestorId: number | null; limite: number },
  ctx: ContextoAutenticado,
): Promise<{ total: number; cuentas: CuentaEnCola[] }> {
  const gestor = await gestorDeLaCola(trx, filtro.gestorId, ctx);
  const { parametros, cuentas } = await cuentasOrdenadas(trx, gestor.id, ctx);
  const huerfanas = cuentas.filter((c) => c.hechos.proximaAccion === null);
  const primeras = huerfanas.slice(0, filtro.limite);
  const nombres = await nombresDeAcreditados(
    trx,
    primeras.map((c) => c.hechos.creditoId),
  );
  return {
    total: huerfanas.length,
    cuentas: primeras.map((c) => cuentaEnCola(c, nombres, parametros)),
  };
}
