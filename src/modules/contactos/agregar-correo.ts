import type { Db } from '../../db/conexion.ts';
import type { ContextoAutenticado } from '../contexto.ts';
import { aplicarCambiosACorreo } from './cambiar-correo.ts';
import { CORREO } from './clases-de-contacto.ts';
import { agregarConClave } from './contacto-con-clave.ts';
import { type CorreoEnFicha, correoEnFicha, type FilaCorreo } from './vistas.ts';

export interface CorreoNuevo {
  /** Lowercase, validated at the edge. */
  correo: string;
  consentimiento: boolean;
}

export interface CorreoAgregado {
  correo: CorreoEnFicha;
  /** False when the person already had it as a current address (it was only updated). */
  nuevo: boolean;
}

/**
 * Adds an e-mail to a person; one she had and was retired comes back (history `alta` with
 * the row before), one she has is updated as the request says.
 */
export async function agregarCorreo(
  trx: Db,
  personaId: number,
  e: CorreoNuevo,
  ctx: ContextoAutenticado,
): Promise<CorreoAgregado> {
  const heredado = { consentimiento: e.consentimiento };
  const actualizar = async (actual: FilaCorreo) => {
    const cambios = { valido: true, consentimiento: e.consentimiento };
    return (await aplicarCambiosACorreo(trx, actual, cambios, null, ctx)).fila;
  };
  const r = await agregarConClave(trx, CORREO, personaId, e.correo, heredado, actualizar, ctx);
  return { correo: correoEnFicha(r.fila), nuevo: r.nuevo };
}
