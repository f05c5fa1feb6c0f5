import type { Db } from '../../db/conexion.ts';

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
