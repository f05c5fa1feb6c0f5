import type { Db } from '../../db/conexion.ts';
import { nombreCompleto } from '../../db/nombre-persona.ts';

/** The full name of a credit's acreditado, for the papers that print it; null if it has none. */
export async function nombreDelAcreditado(trx: Db, creditoId: number): Promise<string | null> {
  const persona = await trx
    .selectFrom('participantes_credito as pc')
    .innerJoin('personas as pe', 'pe.id', 'pc.persona_id')
    .select(['pe.nombres', 'pe.primer_apellido', 'pe.segundo_apellido'])
    .where('pc.credito_id', '=', creditoId)
    .where('pc.rol', '=', 'acreditado')
    .executeTakeFirst();
  return persona === undefined ? null : nombreCompleto(persona);
}
