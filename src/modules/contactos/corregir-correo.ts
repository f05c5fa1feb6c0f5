import type { Db } from '../../db/conexion.ts';
import type { ContextoAutenticado } from '../contexto.ts';
import { CORREO } from './clases-de-contacto.ts';
import { corregirConClave } from './contacto-con-clave.ts';
import type { FilaCorreo } from './vistas.ts';

/**
 * An e-mail corrected: the old row is retired (validity as it was) and the right address
 * takes its place with the same consent; if the person already has it, that row is used
 * (brought back if it was retired). One history row on the old contact holds both.
 */
export async function corregirCorreo(
  trx: Db,
  fila: FilaCorreo,
  correo: string,
  motivo: string,
  ctx: ContextoAutenticado,
): Promise<FilaCorreo> {
  const heredado = { consentimiento: fila.consentimiento };
  return corregirConClave(trx, CORREO, fila, correo, heredado, motivo, ctx);
}
