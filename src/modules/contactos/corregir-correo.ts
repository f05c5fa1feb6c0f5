import type { Db } from '../../db/conexion.ts';
import type { ContextoAutenticado } from '../contexto.ts';
import { anotarCambio } from './anotar-cambio.ts';
import { type FilaCorreo, fotoDeCorreo } from './vistas.ts';

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
  const ahora = ctx.reloj.ahora();
  await trx.updateTable('correos').set({ retirado: ahora }).where('id', '=', fila.id).execute();
  const otra = await trx
    .selectFrom('correos')
    .selectAll()
    .where('persona_id', '=', fila.persona_id)
    .where('correo', '=', correo)
    .forUpdate()
    .executeTakeFirst();
  let nueva: FilaCorreo;
  if (otra === undefined) {
    nueva = await trx
      .insertInto('correos')
      .values({
        persona_id: fila.persona_id,
        correo,
        consentimiento: fila.consentimiento,
        agregado: ahora,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  } else if (otra.retirado === null) {
    nueva = otra;
  } else {
    nueva = await trx
      .updateTable('correos')
      .set({ consentimiento: fila.consentimiento, valido: true, retirado: null })
      .where('id', '=', otra.id)
      .returningAll()
      .executeTakeFirstOrThrow();
  }
  await anotarCambio(
    trx,
    {
      personaId: fila.persona_id,
      tipo: 'correo',
      contactoId: fila.id,
      cambio: 'correccion',
      antes: fotoDeCorreo(fila),
      despues: fotoDeCorreo(nueva),
      motivo,
    },
    ctx,
  );
  return nueva;
}
