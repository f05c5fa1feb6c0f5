import type { Db } from '../../../db/conexion.ts';
import { ErrorDominio } from '../../../domain/errores.ts';
import { exigirCreditoVisible } from '../../autorizacion/exigir-credito-visible.ts';
import { registrarEnBitacora } from '../../bitacora/registrar-en-bitacora.ts';
import { type ContextoAutenticado, origenDe } from '../../contexto.ts';
import { escaneoAusente, existeEscaneo, rutaDeEscaneo } from './almacen-de-escaneos.ts';
import type { EscaneoConCredito } from './vista-escaneo.ts';
import { escaneosDe } from './vista-escaneo.ts';

/**
 * One scan to be shown: 404 when it does not exist, 403 when its credit is not in the actor's
 * portfolio. A scan is a debtor's document (a signed pagaré, an INE): viewing it is logged, in
 * the same transaction, before a byte is sent. Its file must be on disk, or the row says so.
 */
export async function consultarEscaneo(
  trx: Db,
  escaneoId: number,
  carpetaDatos: string,
  ctx: ContextoAutenticado,
): Promise<EscaneoConCredito & { ruta: string }> {
  const [escaneo] = await escaneosDe(trx, { escaneoId });
  if (!escaneo) throw new ErrorDominio('no_encontrado', 'El escaneo no existe.');
  await exigirCreditoVisible(trx, escaneo.creditoId, ctx.actor);
  if (!(await existeEscaneo(carpetaDatos, escaneo.sha256))) throw escaneoAusente(escaneo.nombre);
  await registrarEnBitacora(trx, origenDe(ctx), {
    accion: 'escaneo.consultar',
    objetoTipo: 'credito',
    objetoId: escaneo.creditoId,
    detalle: { escaneoId, nombre: escaneo.nombre, sha256: escaneo.sha256 },
  });
  return { ...escaneo, ruta: rutaDeEscaneo(carpetaDatos, escaneo.sha256) };
}
