import type { Db } from '../../db/conexion.ts';
import type { CambioContacto, TipoTelefono } from '../../db/esquema.ts';
import { enmascararTelefono } from '../../domain/enmascarar.ts';
import { ErrorDominio } from '../../domain/errores.ts';
import type { ContextoAutenticado } from '../contexto.ts';
import { anotarCambio } from './anotar-cambio.ts';
import { corregirTelefono } from './corregir-telefono.ts';
import { type Paso, recorrerPasos } from './pasos.ts';
import { estadoDelDomicilioActual, exigirPersonaEnCartera } from './persona-en-cartera.ts';
import {
  type FilaTelefono,
  fotoDeTelefono,
  type TelefonoEnFicha,
  telefonoEnFicha,
} from './vistas.ts';

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
  if (c.retirar === true)
    pasos.push({ cambio: 'retiro', valores: { retirado: ctx.reloj.ahora() } });
  if (pasos.length === 0) return { fila, cambios: [] };
  const { fila: final, dados } = recorrerPasos(fila, pasos, fotoDeTelefono);
  await trx
    .updateTable('telefonos')
    .set({
      tipo: final.tipo,
      valido: final.valido,
      consentimiento: final.consentimiento,
      zona_horaria: final.zona_horaria,
      retirado: final.retirado,
    })
    .where('id', '=', fila.id)
    .execute();
  for (const d of dados) {
    await anotarCambio(
      trx,
      { personaId: fila.persona_id, tipo: 'telefono', contactoId: fila.id, ...d, motivo },
      ctx,
    );
  }
  return { fila: final, cambios: dados.map((d) => d.cambio) };
}

/** A current phone, locked for a change, within the actor's reach. */
async function telefonoParaCambiar(
  trx: Db,
  id: number,
  ctx: ContextoAutenticado,
): Promise<FilaTelefono> {
  const dueno = await trx
    .selectFrom('telefonos')
    .select('persona_id')
    .where('id', '=', id)
    .executeTakeFirst();
  if (!dueno) throw new ErrorDominio('no_encontrado', 'El teléfono no existe.');
  await exigirPersonaEnCartera(trx, dueno.persona_id, ctx.actor, { bloquear: true });
  const fila = await trx
    .selectFrom('telefonos')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirstOrThrow();
  if (fila.retirado !== null) {
    throw new ErrorDominio(
      'conflicto',
      `El teléfono ${enmascararTelefono(fila.numero)} ya fue retirado: para volver a usarlo, agrégalo de nuevo.`,
    );
  }
  return fila;
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
  let fila = await telefonoParaCambiar(trx, id, ctx);
  const cambios: CambioContacto[] = [];
  if (c.numero !== undefined && c.numero !== fila.numero) {
    fila = await corregirTelefono(trx, fila, c.numero, c.motivo, ctx);
    cambios.push('correccion');
  }
  const r = await aplicarCambiosATelefono(trx, fila, c, c.motivo, ctx);
  return {
    telefono: telefonoEnFicha(r.fila, await estadoDelDomicilioActual(trx, r.fila.persona_id)),
    cambios: [...cambios, ...r.cambios],
  };
}
