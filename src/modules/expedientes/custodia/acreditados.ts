import type { Db } from '../../../db/conexion.ts';
import { nombreCompleto } from '../../../db/nombre-persona.ts';

/** The acreditado's full name of each credit, in one query (a sheet of labels, an acuse). */
export async function nombresDeAcreditados(
  trx: Db,
  creditoIds: readonly number[],
): Promise<Map<number, string>> {
  if (creditoIds.length === 0) return new Map();
  const filas = await trx
    .selectFrom('participantes_credito as pc')
    .innerJoin('personas as pe', 'pe.id', 'pc.persona_id')
    .select(['pc.credito_id', 'pe.nombres', 'pe.primer_apellido', 'pe.segundo_apellido'])
    .where('pc.credito_id', 'in', creditoIds)
    .where('pc.rol', '=', 'acreditado')
    .execute();
  return new Map(filas.map((f) => [f.credito_id, nombreCompleto(f)]));
}
