import type { Db } from '../../db/conexion.ts';
import type { ContextoAutenticado } from '../contexto.ts';
import type { ContextoDeCambio } from './anotar-cambio.ts';
import {
  anotarAlta,
  buscarPorClave,
  type ClaseConClave,
  type FilaDe,
  type Heredado,
  retirarYAgregar,
  revivirOInsertar,
  type TablaConClave,
} from './contacto-en-tabla.ts';
import { exigirPersonaEnCartera } from './persona-en-cartera.ts';

/**
 * Adding and correcting a phone or an e-mail: the value can be the person's only once
 * (UNIQUE), so a row she already has is reused rather than duplicated.
 */

/**
 * Adds the value to a person. If she has it current, `actualizar` applies what the request
 * says of it; if it was retired it comes back, valid, as given now (history `alta` with the
 * row before).
 */
export async function agregarConClave<T extends TablaConClave>(
  trx: Db,
  clase: ClaseConClave<T>,
  personaId: number,
  valor: string,
  heredado: Heredado[T],
  actualizar: (actual: FilaDe<T>) => Promise<FilaDe<T>>,
  ctx: ContextoAutenticado,
): Promise<{ fila: FilaDe<T>; nuevo: boolean }> {
  await exigirPersonaEnCartera(trx, personaId, ctx.actor, { bloquear: true });
  const existente = await buscarPorClave(trx, clase, personaId, valor);
  if (existente?.retirado === null) return { fila: await actualizar(existente), nuevo: false };
  const ahora = ctx.reloj.ahora();
  const fila = await revivirOInsertar(trx, clase, personaId, valor, heredado, existente, ahora);
  await anotarAlta(trx, clase, existente, fila, ctx);
  return { fila, nuevo: true };
}

/**
 * A correction: the old row is retired (its validity left as it was: a mistyped value is not
 * a wrong one) and the new value takes its place with what it inherits; if the person already
 * has it, that row is used (brought back if it was retired).
 */
export async function corregirConClave<T extends TablaConClave>(
  trx: Db,
  clase: ClaseConClave<T>,
  fila: FilaDe<T>,
  valor: string,
  heredado: Heredado[T],
  motivo: string,
  ctx: ContextoDeCambio,
): Promise<FilaDe<T>> {
  const agregar = async (ahora: Date): Promise<FilaDe<T>> => {
    const otra = await buscarPorClave(trx, clase, fila.persona_id, valor);
    if (otra?.retirado === null) return otra;
    return revivirOInsertar(trx, clase, fila.persona_id, valor, heredado, otra, ahora);
  };
  return retirarYAgregar(trx, clase, fila, agregar, motivo, ctx);
}
