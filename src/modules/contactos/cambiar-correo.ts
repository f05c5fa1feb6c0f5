import type { Db } from '../../db/conexion.ts';
import type { CambioContacto } from '../../db/esquema.ts';
import type { ContextoAutenticado } from '../contexto.ts';
import { CORREO } from './clases-de-contacto.ts';
import { aplicarPasos, cargarContactoParaCambiar, pasoDeRetiro } from './contacto-en-tabla.ts';
import { corregirCorreo } from './corregir-correo.ts';
import { cambiosTrasCorregir, type Paso } from './pasos.ts';
import { type CorreoEnFicha, correoEnFicha, type FilaCorreo } from './vistas.ts';

export interface AtributosDeCorreo {
  valido?: boolean;
  consentimiento?: boolean;
  retirar?: boolean;
}

export interface CambiosDeCorreo extends AtributosDeCorreo {
  /** The right address: a correction (the old one is retired, never overwritten). */
  correo?: string;
  motivo: string;
}

export interface CorreoCambiado {
  correo: CorreoEnFicha;
  cambios: CambioContacto[];
}

/** Changes an e-mail's attributes in place, one history row for each. */
export async function aplicarCambiosACorreo(
  trx: Db,
  fila: FilaCorreo,
  c: AtributosDeCorreo,
  motivo: string | null,
  ctx: ContextoAutenticado,
): Promise<{ fila: FilaCorreo; cambios: CambioContacto[] }> {
  const pasos: Paso<FilaCorreo>[] = [];
  if (c.valido !== undefined && c.valido !== fila.valido) {
    pasos.push({ cambio: c.valido ? 'valido' : 'invalido', valores: { valido: c.valido } });
  }
  if (c.consentimiento !== undefined && c.consentimiento !== fila.consentimiento) {
    pasos.push({ cambio: 'consentimiento', valores: { consentimiento: c.consentimiento } });
  }
  if (c.retirar === true) pasos.push(pasoDeRetiro(CORREO, ctx));
  return aplicarPasos(trx, CORREO, fila, pasos, motivo, ctx);
}

/** PATCH of an e-mail: a correction first, then the other changes on the corrected one. */
export async function cambiarCorreo(
  trx: Db,
  id: number,
  c: CambiosDeCorreo,
  ctx: ContextoAutenticado,
): Promise<CorreoCambiado> {
  const antes = await cargarContactoParaCambiar(trx, CORREO, id, ctx);
  const fila =
    c.correo !== undefined && c.correo !== antes.correo
      ? await corregirCorreo(trx, antes, c.correo, c.motivo, ctx)
      : antes;
  const r = await aplicarCambiosACorreo(trx, fila, c, c.motivo, ctx);
  return { correo: correoEnFicha(r.fila), cambios: cambiosTrasCorregir(antes, fila, r.cambios) };
}
