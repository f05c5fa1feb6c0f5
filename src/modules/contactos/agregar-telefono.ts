import type { Db } from '../../db/conexion.ts';
import type { TipoTelefono } from '../../db/esquema.ts';
import type { ContextoAutenticado } from '../contexto.ts';
import { anotarCambio } from './anotar-cambio.ts';
import { aplicarCambiosATelefono } from './cambiar-telefono.ts';
import { estadoDelDomicilioActual, exigirPersonaEnCartera } from './persona-en-cartera.ts';
import {
  type FilaTelefono,
  fotoDeTelefono,
  type TelefonoEnFicha,
  telefonoEnFicha,
} from './vistas.ts';

export interface TelefonoNuevo {
  /** Ten digits, already normalized at the edge. */
  numero: string;
  tipo: TipoTelefono;
  consentimiento: boolean;
  /** A zone chosen by hand (abroad); null: derived from the address or the area code. */
  zonaHoraria: string | null;
}

export interface TelefonoAgregado {
  telefono: TelefonoEnFicha;
  /** False when the person already had it as a current number (it was only updated). */
  nuevo: boolean;
}

/**
 * Adds a phone to a person. A number can be hers only once (UNIQUE): if she had it and it was
 * retired it comes back, valid, as given now (history `alta` with the row before); if she has
 * it, what the request says of it now is applied as changes of that row.
 */
export async function agregarTelefono(
  trx: Db,
  personaId: number,
  t: TelefonoNuevo,
  ctx: ContextoAutenticado,
): Promise<TelefonoAgregado> {
  await exigirPersonaEnCartera(trx, personaId, ctx.actor, { bloquear: true });
  const existente = await trx
    .selectFrom('telefonos')
    .selectAll()
    .where('persona_id', '=', personaId)
    .where('numero', '=', t.numero)
    .forUpdate()
    .executeTakeFirst();
  const valores = { tipo: t.tipo, consentimiento: t.consentimiento, zona_horaria: t.zonaHoraria };
  let fila: FilaTelefono;
  if (existente?.retirado === null) {
    const r = await aplicarCambiosATelefono(
      trx,
      existente,
      { tipo: t.tipo, valido: true, consentimiento: t.consentimiento, zonaHoraria: t.zonaHoraria },
      null,
      ctx,
    );
    return {
      telefono: telefonoEnFicha(r.fila, await estadoDelDomicilioActual(trx, personaId)),
      nuevo: false,
    };
  }
  if (existente === undefined) {
    fila = await trx
      .insertInto('telefonos')
      .values({ persona_id: personaId, numero: t.numero, ...valores, agregado: ctx.reloj.ahora() })
      .returningAll()
      .executeTakeFirstOrThrow();
  } else {
    fila = await trx
      .updateTable('telefonos')
      .set({ ...valores, valido: true, retirado: null })
      .where('id', '=', existente.id)
      .returningAll()
      .executeTakeFirstOrThrow();
  }
  await anotarCambio(
    trx,
    {
      personaId,
      tipo: 'telefono',
      contactoId: fila.id,
      cambio: 'alta',
      antes: existente === undefined ? null : fotoDeTelefono(existente),
      despues: fotoDeTelefono(fila),
      motivo: null,
    },
    ctx,
  );
  return {
    telefono: telefonoEnFicha(fila, await estadoDelDomicilioActual(trx, personaId)),
    nuevo: true,
  };
}
