import type { Selectable } from 'kysely';
import type { Db } from '../../db/conexion.ts';
import type { ParametrosGestionFila } from '../../db/esquema.ts';

export type ParametrosGestion = Omit<Selectable<ParametrosGestionFila>, 'id'>;

/** The one row of the rules' parameters (migration 0017 inserts it). */
export async function leerParametrosGestion(trx: Db): Promise<ParametrosGestion> {
  return trx
    .selectFrom('parametros_gestion')
    .select([
      'intentos_diarios_por_persona',
      'horas_habiles_para_escalar',
      'dias_sin_contacto',
      'minutos_de_toma',
      'saldo_alto_centavos',
    ])
    .executeTakeFirstOrThrow();
}
