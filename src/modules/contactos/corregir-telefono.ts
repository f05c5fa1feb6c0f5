import type { Db } from '../../db/conexion.ts';
import type { ContextoAutenticado } from '../contexto.ts';
import { TELEFONO } from './clases-de-contacto.ts';
import { corregirConClave } from './contacto-con-clave.ts';
import type { FilaTelefono } from './vistas.ts';

/**
 * A number corrected: the old row is retired (its validity left as it was: a mistyped number
 * is not a wrong one) and the new number takes its place with the same type, consent and
 * chosen zone, since they belong to the channel the person gave, not to its digits. If she
 * already has the new number, that row is used (brought back if it was retired). One history
 * row, on the old contact, holds both: before the old number, after the new one.
 */
export async function corregirTelefono(
  trx: Db,
  fila: FilaTelefono,
  numero: string,
  motivo: string,
  ctx: ContextoAutenticado,
): Promise<FilaTelefono> {
  const heredado = {
    tipo: fila.tipo,
    consentimiento: fila.consentimiento,
    zona_horaria: fila.zona_horaria,
  };
  return corregirConClave(trx, TELEFONO, fila, numero, heredado, motivo, ctx);
}
