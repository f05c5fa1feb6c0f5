import type { Db } from '../../db/conexion.ts';
import type { Fecha } from '../../domain/fecha.ts';
import { leerParametrosArco } from './parametros-arco.ts';
import type { Calendario } from './vista-solicitud.ts';

/**
 * Every non-working day the administrador keeps (besides weekends). The table holds a few
 * dozen rows a year: all of them are read, and the deadline arithmetic (src/domain/arco) needs
 * no date range guessed in advance.
 */
export async function leerDiasInhabiles(trx: Db): Promise<Set<string>> {
  const filas = await trx.selectFrom('dias_inhabiles').select('fecha').execute();
  return new Set(filas.map((f) => f.fecha));
}

/** What the deadlines of the views are computed with: today, the warning, the holidays. */
export async function calendarioArco(trx: Db, hoy: Fecha): Promise<Calendario> {
  const [parametros, inhabiles] = await Promise.all([
    leerParametrosArco(trx),
    leerDiasInhabiles(trx),
  ]);
  return { hoy, diasDeAviso: parametros.diasDeAviso, inhabiles };
}
