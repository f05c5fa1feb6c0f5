import { sql } from 'kysely';
import type { Db } from '../../db/conexion.ts';
import { BUCKETS, type Bucket } from '../../domain/antiguedad.ts';
import { CERO, type Centavos, formatearCentavos } from '../../domain/dinero.ts';
import type { ContextoAutenticado } from '../contexto.ts';
import { filtroDeAlcance } from './alcance-sql.ts';

export interface ResumenAntiguedad {
  fecha: string | null;
  buckets: Array<{
    bucket: Bucket;
    creditos: number;
    saldoExigible: string;
    saldoParaLiquidar: string;
  }>;
}

/** Credits and balances per aging bucket, on the latest snapshot date, within the actor's scope. */
export async function resumirAntiguedad(
  db: Db,
  ctx: ContextoAutenticado,
): Promise<ResumenAntiguedad> {
  const ultima = await db
    .selectFrom('antiguedad_saldos')
    .select((eb) => eb.fn.max('fecha').as('fecha'))
    .executeTakeFirst();
  const fecha = ultima?.fecha ?? null;
  if (fecha === null) return { fecha: null, buckets: [] };
  const filas = await db
    .selectFrom('antiguedad_saldos as a')
    .innerJoin('creditos as c', 'c.id', 'a.credito_id')
    .select([
      'a.bucket',
      sql<number>`count(*)::int`.as('creditos'),
      // A sum of int8 is numeric (text from pg): cast back, it arrives as checked Centavos.
      sql<Centavos>`coalesce(sum(a.saldo_exigible_centavos), 0)::int8`.as('exigible'),
      sql<Centavos>`coalesce(sum(a.saldo_para_liquidar_centavos), 0)::int8`.as('para_liquidar'),
    ])
    .where('a.fecha', '=', fecha)
    .where(filtroDeAlcance(ctx.actor))
    .groupBy('a.bucket')
    .execute();
  return {
    fecha,
    buckets: BUCKETS.map((bucket) => {
      // A bucket without credits has no row: it holds nothing.
      const f = filas.find((x) => x.bucket === bucket);
      return {
        bucket,
        creditos: f?.creditos ?? 0,
        saldoExigible: formatearCentavos(f?.exigible ?? CERO),
        saldoParaLiquidar: formatearCentavos(f?.para_liquidar ?? CERO),
      };
    }),
  };
}
