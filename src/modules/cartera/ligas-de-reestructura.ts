import type { Db } from '../../db/conexion.ts';

export interface LigasDeReestructura {
  /** The ordinary rate agreed in a reestructura; null if the product's applies. */
  tasaOrdinariaPactada: string | null;
  /** The credit this one restructured, and the one that restructured this one. */
  reestructuraDe: { id: number; numero: string } | null;
  reestructuradoEn: { id: number; numero: string } | null;
}

const ligado = (id: number | null, numero: string | null) =>
  id === null || numero === null ? null : { id, numero };

/** Each credit's reestructura links, both ways (migration 0012), and its agreed rate. */
export async function ligasDeReestructura(
  trx: Db,
  ids: readonly number[],
): Promise<Map<number, LigasDeReestructura>> {
  if (ids.length === 0) return new Map();
  const filas = await trx
    .selectFrom('creditos as c')
    .leftJoin('creditos as anterior', 'anterior.id', 'c.reestructura_de')
    .leftJoin('creditos as nuevo', 'nuevo.reestructura_de', 'c.id')
    .select([
      'c.id',
      'c.tasa_ordinaria_pactada',
      'anterior.id as anterior_id',
      'anterior.numero as anterior_numero',
      'nuevo.id as nuevo_id',
      'nuevo.numero as nuevo_numero',
    ])
    .where('c.id', 'in', [...ids])
    .execute();
  return new Map(
    filas.map((f) => [
      f.id,
      {
        tasaOrdinariaPactada: f.tasa_ordinaria_pactada,
        reestructuraDe: ligado(f.anterior_id, f.anterior_numero),
        reestructuradoEn: ligado(f.nuevo_id, f.nuevo_numero),
      },
    ]),
  );
}

export const SIN_LIGAS: LigasDeReestructura = {
  tasaOrdinariaPactada: null,
  reestructuraDe: null,
  reestructuradoEn: null,
};
