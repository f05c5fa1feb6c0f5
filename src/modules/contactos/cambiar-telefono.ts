import type { Db } from '../../db/conexion.ts';
import type { CambioContacto, TipoTelefono } from '../../db/esquema.ts';
import type { ContextoAutenticado } from '../contexto.ts';
import { TELEFONO } from './clases-de-contacto.ts';
import { aplicarPasos, cargarContactoParaCambiar, pasoDeRetiro } from './contacto-en-tabla.ts';
import { corregirTelefono } from './corregir-telefono.ts';
import { cambiosTrasCorregir, type Paso } from './pasos.ts';
import { estadoDelDomicilioActual } from './persona-en-cartera.ts';
import { type FilaTelefono, type TelefonoEnFicha, telefonoEnFicha } from './vistas.ts';

/** What a phone's attributes become; an absent field stays as it is. */
export interface AtributosDeTelefono {
  tipo?: TipoTelefono;
  valido?: boolean;
  consentimiento?: boolean;
  /** A zone chosen by hand; null: derived again. */
  zonaHoraria?: string | null;
  retirar?: boolean;
}

export interface CambiosDeTelefono extends AtributosDeTelefono {
  /** The right number: a correction (the old one is retired, never overwritten). */
  numero?: string;
  motivo: string;
}

export interface TelefonoCambiado {
  /** The phone as it is now: the new row after a correction. */
  telefono: TelefonoEnFicha;
  cambios: CambioContacto[];
}

/**
 * Changes a phone's attributes in place, one history row for each (marked wrong or right,
 * consent given or withdrawn, zone chosen, retired); nothing happens when nothing differs.
 */
export async function aplicarCambiosATelefono(
  trx: Db,
  fila: FilaTelefono,
  c: AtributosDeTelefono,
  motivo: string | null,
  ctx: ContextoAutenticado,
): Promise<{ fila: FilaTelefono; cambios: CambioContacto[] }> {
  const pasos: Paso<FilaTelefono>[] = [];
  if (c.tipo !== undefined && c.tipo !== fila.tipo) {
    pasos.push({ cambio: 'correccion', valores: { tipo: c.tipo } });
  }
  if (c.valido !== undefined && c.valido !== fila.valido) {
    pasos.push({ cambio: c.valido ? 'valido' : 'invalido', valores: { valido: c.valido } });
  }
  if (c.consentimiento !== undefined && c.consentimiento !== fila.consentimiento) {
    pasos.push({ cambio: 'consentimiento', valores: { consentimiento: c.consentimiento } });
  }
  if (c.zonaHoraria !== undefined && c.zonaHoraria !== fila.zona_horaria) {
    pasos.push({ cambio: 'zona_horaria', valores: { zona_horaria: c.zonaHoraria } });
  }
  if (c.retirar === true) pasos.push(pasoDeRetiro(TELEFONO, ctx));
  return aplicarPasos(trx, TELEFONO, fila, pasos, motivo, ctx);
}

/**
 * PATCH of a phone: a new number corrects it (the old row is retired and kept), then the
 * other changes apply to the phone as corrected; each change leaves its history row and its
 * bitácora row in this transaction.
 */
export async function cambiarTelefono(
  trx: Db,
  id: number,
  c: CambiosDeTelefono,
  ctx: ContextoAutenticado,
): Promise<TelefonoCambiado> {
  const antes = await cargarContactoParaCambiar(trx, TELEFONO, id, ctx);
  const fila =
    c.numero !== undefined && c.numero !== antes.numero
      ? await corregirTelefono(trx, antes, c.numero, c.motivo, ctx)
      : antes;
  const r = await aplicarCambiosATelefono(trx, fila, c, c.motivo, ctx);
  return {
    telefono: telefonoEnFicha(r.fila, await estadoDelDomicilioActual(trx, r.fila.persona_id)),
    cambios: cambiosTrasCorregir(antes, fila, r.cambios),
  };
}
