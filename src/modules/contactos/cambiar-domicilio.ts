import type { Db } from '../../db/conexion.ts';
import type { CambioContacto } from '../../db/esquema.ts';
import { ErrorDominio } from '../../domain/errores.ts';
import type { ContextoAutenticado } from '../contexto.ts';
import { anotarCambio } from './anotar-cambio.ts';
import { type CamposDeDomicilio, corregirDomicilio } from './corregir-domicilio.ts';
import { type Paso, recorrerPasos } from './pasos.ts';
import { exigirPersonaEnCartera } from './persona-en-cartera.ts';
import {
  type DomicilioEnFicha,
  domicilioEnFicha,
  type FilaDomicilio,
  fotoDeDomicilio,
} from './vistas.ts';
import { exigirZonaConocida } from './zona-del-domicilio.ts';

export interface AtributosDeDomicilio {
  /** A zone chosen by hand; null: derived from the state again. */
  zonaHoraria?: string | null;
  retirar?: boolean;
}

export interface CambiosDeDomicilio extends CamposDeDomicilio, AtributosDeDomicilio {
  motivo: string;
}

export interface DomicilioCambiado {
  domicilio: DomicilioEnFicha;
  cambios: CambioContacto[];
}

/** Changes an address' zone or retires it, in place, one history row for each. */
export async function aplicarCambiosADomicilio(
  trx: Db,
  fila: FilaDomicilio,
  c: AtributosDeDomicilio,
  motivo: string | null,
  ctx: ContextoAutenticado,
): Promise<{ fila: FilaDomicilio; cambios: CambioContacto[] }> {
  const pasos: Paso<FilaDomicilio>[] = [];
  if (c.zonaHoraria !== undefined && c.zonaHoraria !== fila.zona_horaria) {
    exigirZonaConocida(fila.estado, c.zonaHoraria);
    pasos.push({ cambio: 'zona_horaria', valores: { zona_horaria: c.zonaHoraria } });
  }
  if (c.retirar === true) {
    pasos.push({ cambio: 'retiro', valores: { retirado: ctx.reloj.ahora(), vigente: false } });
  }
  if (pasos.length === 0) return { fila, cambios: [] };
  const { fila: final, dados } = recorrerPasos(fila, pasos, fotoDeDomicilio);
  await trx
    .updateTable('domicilios')
    .set({ zona_horaria: final.zona_horaria, retirado: final.retirado, vigente: final.vigente })
    .where('id', '=', fila.id)
    .execute();
  for (const d of dados) {
    await anotarCambio(
      trx,
      { personaId: fila.persona_id, tipo: 'domicilio', contactoId: fila.id, ...d, motivo },
      ctx,
    );
  }
  return { fila: final, cambios: dados.map((d) => d.cambio) };
}

async function domicilioParaCambiar(
  trx: Db,
  id: number,
  ctx: ContextoAutenticado,
): Promise<FilaDomicilio> {
  const dueno = await trx
    .selectFrom('domicilios')
    .select('persona_id')
    .where('id', '=', id)
    .executeTakeFirst();
  if (!dueno) throw new ErrorDominio('no_encontrado', 'El domicilio no existe.');
  await exigirPersonaEnCartera(trx, dueno.persona_id, ctx.actor, { bloquear: true });
  const fila = await trx
    .selectFrom('domicilios')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirstOrThrow();
  if (fila.retirado !== null) {
    throw new ErrorDominio(
      'conflicto',
      'Ese domicilio ya fue retirado: si la persona vuelve a vivir ahí, agrégalo de nuevo.',
    );
  }
  return fila;
}

/** PATCH of an address: a correction of its fields first, then its zone or its retirement. */
export async function cambiarDomicilio(
  trx: Db,
  id: number,
  c: CambiosDeDomicilio,
  ctx: ContextoAutenticado,
): Promise<DomicilioCambiado> {
  const antes = await domicilioParaCambiar(trx, id, ctx);
  const fila = await corregirDomicilio(trx, antes, c, c.motivo, ctx);
  const cambios: CambioContacto[] = fila === antes ? [] : ['correccion'];
  const r = await aplicarCambiosADomicilio(trx, fila, c, c.motivo, ctx);
  return { domicilio: domicilioEnFicha(r.fila), cambios: [...cambios, ...r.cambios] };
}
