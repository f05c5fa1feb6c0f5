import { sql } from 'kysely';
import type { Db } from '../../db/conexion.ts';
import { cierreDelDia } from '../../db/dia-de-negocio.ts';
import type { Fecha } from '../../domain/fecha.ts';

/** The prescription parameters in force: the last version the administrador wrote. */
export interface ParametrosPrescripcion {
  /** Whether a documented payment restarts the 3-year term (default: no). */
  pagoInterrumpe: boolean;
  /** Days before the prescription date at which the queue and the list alert, largest first. */
  alertasDias: number[];
  /** The legal basis noted with this version. */
  fundamento: string;
  /** Who set it (null: the initial value of migration 0029). */
  definidoPor: string | null;
  definidoEn: string;
}

/** Versioned (migration 0029): the last row rules, so one read is the highest id. */
export async function leerParametrosPrescripcion(trx: Db): Promise<ParametrosPrescripcion> {
  const p = await trx
    .selectFrom('parametros_prescripcion as p')
    .leftJoin('usuarios as u', 'u.id', 'p.definido_por')
    .select(['p.pago_interrumpe', 'p.alertas_dias', 'p.fundamento', 'u.nombre', 'p.definido_en'])
    .orderBy('p.id', 'desc')
    .limit(1)
    .executeTakeFirstOrThrow();
  return {
    pagoInterrumpe: p.pago_interrumpe,
    alertasDias: [...p.alertas_dias].sort((a, b) => b - a),
    fundamento: p.fundamento,
    definidoPor: p.nombre,
    definidoEn: p.definido_en.toISOString(),
  };
}

/**
 * Whether a payment restarted the term by the version in force at the close of `fecha`
 * (Hermosillo): the facts of a past day keep the rule of that day. Before the first version
 * was written (migration 0029 dates it when it ran) the first one applies.
 */
export async function pagoInterrumpeAl(trx: Db, fecha: Fecha): Promise<boolean> {
  const p = await trx
    .selectFrom('parametros_prescripcion')
    .select('pago_interrumpe')
    .orderBy(sql`definido_en < ${cierreDelDia(fecha)}`, 'desc')
    // In force then: the last one written; none yet: the first.
    .orderBy(sql`CASE WHEN definido_en < ${cierreDelDia(fecha)} THEN -id ELSE id END`)
    .limit(1)
    .executeTakeFirstOrThrow();
  return p.pago_interrumpe;
}
