import type { Db } from '../../db/conexion.ts';
import type { ContextoAutenticado } from '../contexto.ts';
import { type VistaConvenio, vistaConvenio } from './vista-convenio.ts';

/** One convenio with its promises, condonaciones, window, signers and authorization. */
export function consultarConvenio(
  trx: Db,
  id: number,
  ctx: ContextoAutenticado,
): Promise<VistaConvenio> {
  return vistaConvenio(trx, id, ctx);
}
