import type { Db } from '../../db/conexion.ts';
import type { ContextoAutenticado } from '../contexto.ts';
import { anotarCambio } from './anotar-cambio.ts';
import { aplicarCambiosACorreo } from './cambiar-correo.ts';
import { exigirPersonaEnCartera } from './persona-en-cartera.ts';
import { type CorreoEnFicha, correoEnFicha, type FilaCorreo, fotoDeCorreo } from './vistas.ts';

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
  await exigirPersonaEnCartera(trx, personaId, ctx.actor, { bloquear: true });
  const existente = await trx
    .selectFrom('correos')
    .selectAll()
    .where('persona_id', '=', personaId)
    .where('correo', '=', e.correo)
    .forUpdate()
    .executeTakeFirst();
  if (existente?.retirado === null) {
    const r = await aplicarCambiosACorreo(
      trx,
      existente,
      { valido: true, consentimiento: e.consentimiento },
      null,
      ctx,
    );
    return { correo: correoEnFicha(r.fila), nuevo: false };
  }
  let fila: FilaCorreo;
  if (existente === undefined) {
    fila = await trx
      .insertInto('correos')
      .values({
        persona_id: personaId,
        correo: e.correo,
        consentimiento: e.consentimiento,
        agregado: ctx.reloj.ahora(),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  } else {
    fila = await trx
      .updateTable('correos')
      .set({ consentimiento: e.consentimiento, valido: true, retirado: null })
      .where('id', '=', existente.id)
      .returningAll()
      .executeTakeFirstOrThrow();
  }
  await anotarCambio(
    trx,
    {
      personaId,
      tipo: 'correo',
      contactoId: fila.id,
      cambio: 'alta',
      antes: existente === undefined ? null : fotoDeCorreo(existente),
      despues: fotoDeCorreo(fila),
      motivo: null,
    },
    ctx,
  );
  return { correo: correoEnFicha(fila), nuevo: true };
}
