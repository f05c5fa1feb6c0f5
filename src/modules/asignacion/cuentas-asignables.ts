import { sql } from 'kysely';
import type { Db } from '../../db/conexion.ts';
import type { Bucket } from '../../domain/antiguedad.ts';
import type { Centavos } from '../../domain/dinero.ts';

/** The filters of the assignment list and of a distribution (docs/gestion.md, Asignación). */
export interface FiltroCuentas {
  bucket?: Bucket;
  saldoMin?: Centavos;
  saldoMax?: Centavos;
  municipio?: string;
  nuncaContactado?: boolean;
  sinAsignar?: boolean;
  gestorId?: number;
}

/**
 * Balance and bucket come from each credit's latest aging snapshot (the nightly one); a credit
 * without one counts as balance 0 and an unknown bucket.
 */
export const saldoDeCuenta = sql<Centavos>`coalesce(a.saldo_exigible_centavos, 0)`;

/** `creditos as c` with its latest aging snapshot as `a` (null columns when it has none). */
export function creditosConSaldo(trx: Db) {
  return trx.selectFrom('creditos as c').leftJoinLateral(
    (eb) =>
      eb
        .selectFrom('antiguedad_saldos as s')
        .select(['s.bucket', 's.saldo_exigible_centavos'])
        .whereRef('s.credito_id', '=', 'c.id')
        .orderBy('s.fecha', 'desc')
        .limit(1)
        .as('a'),
    (j) => j.onTrue(),
  );
}

/**
 * The office's accounts that may be (re)assigned, filtered: only active credits that are not
 * with an external law firm (a settled, restructured or turned-over account is nobody's work).
 */
export function cuentasAsignables(trx: Db, oficinaId: number, filtro: FiltroCuentas) {
  let q = creditosConSaldo(trx)
    .where('c.oficina_id', '=', oficinaId)
    .where('c.estado', '=', 'activo')
    .where('c.despacho_id', 'is', null);
  if (filtro.bucket !== undefined) q = q.where('a.bucket', '=', filtro.bucket);
  if (filtro.saldoMin !== undefined) q = q.where(saldoDeCuenta, '>=', filtro.saldoMin);
  if (filtro.saldoMax !== undefined) q = q.where(saldoDeCuenta, '<=', filtro.saldoMax);
  if (filtro.sinAsignar) q = q.where('c.gestor_id', 'is', null);
  if (filtro.gestorId !== undefined) q = q.where('c.gestor_id', '=', filtro.gestorId);
  if (filtro.nuncaContactado) {
    q = q.where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('gestiones as g')
            .select(eb.lit(1).as('uno'))
            .whereRef('g.credito_id', '=', 'c.id'),
        ),
      ),
    );
  }
  const municipio = filtro.municipio;
  if (municipio !== undefined) {
    // The acreditado's current address; compared without accents or case ("Álamos" = "alamos").
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('participantes_credito as pm')
          .innerJoin('domicilios as dm', 'dm.persona_id', 'pm.persona_id')
          .select(eb.lit(1).as('uno'))
          .whereRef('pm.credito_id', '=', 'c.id')
          .where('pm.rol', '=', 'acreditado')
          .where('dm.vigente', '=', true)
          .where('dm.retirado', 'is', null)
          .where(sql<boolean>`texto_busqueda(dm.municipio) = texto_busqueda(${municipio})`),
      ),
    );
  }
  return q;
}
