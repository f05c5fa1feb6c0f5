import type { Db } from '../../../db/conexion.ts';
import { exigirCreditoVisible } from '../../autorizacion/exigir-credito-visible.ts';
import { registrarEnBitacora } from '../../bitacora/registrar-en-bitacora.ts';
import { type ContextoAutenticado, origenDe } from '../../contexto.ts';
import { type Escaneo, escaneosDe, vistaDeEscaneo } from './vista-escaneo.ts';

/** A credit's scans, oldest first; the list names documents of a debtor, so reading it is logged. */
export async function listarEscaneos(
  trx: Db,
  creditoId: number,
  ctx: ContextoAutenticado,
): Promise<{ escaneos: Escaneo[] }> {
  await exigirCreditoVisible(trx, creditoId, ctx.actor);
  const escaneos = (await escaneosDe(trx, { creditoId })).map(vistaDeEscaneo);
  await registrarEnBitacora(trx, origenDe(ctx), {
    accion: 'escaneos.listar',
    objetoTipo: 'credito',
    objetoId: creditoId,
  });
  return { escaneos };
}
