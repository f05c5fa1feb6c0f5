import type { Db } from '../../db/conexion.ts';
import type { ContextoAutenticado } from '../contexto.ts';
import { anotarCambio } from './anotar-cambio.ts';
import { type FilaTelefono, fotoDeTelefono } from './vistas.ts';

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
  const ahora = ctx.reloj.ahora();
  await trx.updateTable('telefonos').set({ retirado: ahora }).where('id', '=', fila.id).execute();
  const otra = await trx
    .selectFrom('telefonos')
    .selectAll()
    .where('persona_id', '=', fila.persona_id)
    .where('numero', '=', numero)
    .forUpdate()
    .executeTakeFirst();
  const heredado = {
    tipo: fila.tipo,
    consentimiento: fila.consentimiento,
    zona_horaria: fila.zona_horaria,
  };
  let nueva: FilaTelefono;
  if (otra === undefined) {
    nueva = await trx
      .insertInto('telefonos')
      .values({ persona_id: fila.persona_id, numero, ...heredado, agregado: ahora })
      .returningAll()
      .executeTakeFirstOrThrow();
  } else if (otra.retirado === null) {
    nueva = otra;
  } else {
    nueva = await trx
      .updateTable('telefonos')
      .set({ ...heredado, valido: true, retirado: null })
      .where('id', '=', otra.id)
      .returningAll()
      .executeTakeFirstOrThrow();
  }
  await anotarCambio(
    trx,
    {
      personaId: fila.persona_id,
      tipo: 'telefono',
      contactoId: fila.id,
      cambio: 'correccion',
      antes: fotoDeTelefono(fila),
      despues: fotoDeTelefono(nueva),
      motivo,
    },
    ctx,
  );
  return nueva;
}
