import type { Db } from '../../db/conexion.ts';

/** The credit's open turnado (not recalled), if any, with its firm. */
export function turnadoVigente(trx: Db, creditoId: number) {
  return trx
    .selectFrom('turnados as t')
    .innerJoin('despachos as d', 'd.id', 't.despacho_id')
    .select(['t.id', 't.despacho_id', 'd.nombre as despacho', 't.desde', 't.hasta', 't.motivo'])
    .where('t.credito_id', '=', creditoId)
    .where('t.devuelto_en', 'is', null)
    .executeTakeFirst();
}
