import type { Db } from '../../db/conexion.ts';

/**
 * An ARCO block withdraws the stored copies of the documents that name the person (as
 * acreditado or aval of their credit, or as a convenio's signer): they hold her name and what
 * she owed, and a copy must not outlive the block of the data it holds. The emission records
 * stay (what was issued, when, by whom, with which versions); only a reprint becomes impossible.
 * Returns how many were withdrawn.
 */
export async function retirarContenidosDePersona(
  trx: Db,
  personaId: number,
  ahora: Date,
): Promise<number> {
  const r = await trx
    .updateTable('documentos_emitidos')
    .set({ contenido: null, contenido_retirado_en: ahora })
    .where('contenido', 'is not', null)
    .where((eb) =>
      eb.or([
        eb(
          'credito_id',
          'in',
          eb
            .selectFrom('participantes_credito')
            .select('credito_id')
            .where('persona_id', '=', personaId),
        ),
        eb(
          'convenio_id',
          'in',
          eb
            .selectFrom('convenio_firmantes')
            .select('convenio_id')
            .where('persona_id', '=', personaId),
        ),
      ]),
    )
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}
