import type { Selectable } from 'kysely';
import { sql } from 'kysely';
import type { Db } from '../../db/conexion.ts';
import { cierreDelDia } from '../../db/dia-de-negocio.ts';
import type { MetaFila } from '../../db/esquema.ts';
import type { Fecha } from '../../domain/fecha.ts';
import type { ItemMeta, ObjetivoItem } from '../../domain/metas/indice-de-cumplimiento.ts';
import { type Mes, primerDia } from '../../domain/metas/mes.ts';

export interface MetaVigente {
  oficinaId: number;
  /** null: the office's goal. */
  gestorId: number | null;
  version: number;
  objetivos: Partial<Record<ItemMeta, ObjetivoItem>>;
}

/** `o:<oficina>` for an office's goal, `g:<gestor>` for a gestor's. */
export const claveDeMeta = (oficinaId: number, gestorId: number | null) =>
  gestorId === null ? `o:${oficinaId}` : `g:${gestorId}`;

type Columnas = Pick<
  Selectable<MetaFila>,
  | 'recuperacion_centavos'
  | 'recuperacion_peso'
  | 'contactos_efectivos'
  | 'contactos_efectivos_peso'
  | 'convenios'
  | 'convenios_peso'
  | 'turnos_atendidos'
  | 'turnos_atendidos_peso'
>;

export function objetivosDeFila(f: Columnas): Partial<Record<ItemMeta, ObjetivoItem>> {
  const o: Partial<Record<ItemMeta, ObjetivoItem>> = {};
  const poner = (item: ItemMeta, meta: number | null, peso: string | null) => {
    if (meta !== null && peso !== null) o[item] = { meta: BigInt(meta), peso };
  };
  poner('recuperacion', f.recuperacion_centavos, f.recuperacion_peso);
  poner('contactosEfectivos', f.contactos_efectivos, f.contactos_efectivos_peso);
  poner('convenios', f.convenios, f.convenios_peso);
  poner('turnosAtendidos', f.turnos_atendidos, f.turnos_atendidos_peso);
  return o;
}

/**
 * The goals of `mes` as they stood at the end of `alCorte` (business time): for each gestor and
 * office, the highest version registered by then. Figures "as of a past date" measure against
 * the goal in force that day, not against a later change. Keyed by claveDeMeta.
 */
export async function metasVigentes(
  trx: Db,
  mes: Mes,
  alCorte: Fecha,
): Promise<Map<string, MetaVigente>> {
  // A gestor who moved office in the month may have goals under both: his latest one counts.
  const sujeto = sql`CASE WHEN metas.gestor_id IS NULL THEN 'o:' || metas.oficina_id
                          ELSE 'g:' || metas.gestor_id END`;
  const filas = await trx
    .selectFrom('metas')
    .selectAll()
    .distinctOn([sujeto])
    .where('mes', '=', primerDia(mes))
    .where('registrada', '<', cierreDelDia(alCorte))
    .orderBy(sujeto)
    .orderBy('registrada', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return new Map(
    filas.map((f) => [
      claveDeMeta(f.oficina_id, f.gestor_id),
      {
        oficinaId: f.oficina_id,
        gestorId: f.gestor_id,
        version: f.version,
        objetivos: objetivosDeFila(f),
      },
    ]),
  );
}
