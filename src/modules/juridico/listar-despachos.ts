import type { Db } from '../../db/conexion.ts';
import type { ContextoAutenticado } from '../contexto.ts';
import { type DespachoJson, despachosComoJson } from './vista-despacho.ts';

/**
 * The catalogue of law firms, inactive ones included (they may still hold accounts). Names a
 * firm and its lawyers, no debtor: not a read of personal data, so not logged.
 */
export async function listarDespachos(
  trx: Db,
  _ctx: ContextoAutenticado,
): Promise<{ despachos: DespachoJson[] }> {
  return { despachos: await despachosComoJson(trx) };
}
