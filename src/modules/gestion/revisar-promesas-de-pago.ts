import type { Db } from '../../db/conexion.ts';
import { revisarPromesas } from '../../domain/convenios/seguimiento.ts';
import type { Fecha } from '../../domain/fecha.ts';
import { registrarEnBitacora } from '../bitacora/registrar-en-bitacora.ts';
import { type Contexto, origenDe } from '../contexto.ts';
import { montoExigido } from '../pagos/monto-del-pago-sql.ts';
import type { Actor } from '../seguridad/actor.ts';

export interface PromesasRevisadas {
  cumplidas: number[];
  incumplidas: number[];
}

/**
 * Settles the pending promesas de pago of one credit (a payment was just registered) or of
 * all (the nightly job), on `hoy`. Each promise is read alone, as a convenio's first promise
 * is (`revisarPromesas`): the payments from the day it was made on, up to its date plus the
 * tolerance, must cover it. Two promises open at once may both count the same payment: the
 * debtor kept his word to whoever asked. Cancelled payments and a reestructura's closing
 * payment do not count.
 */
export async function revisarPromesasDePago(
  trx: Db,
  ctx: Contexto & { actor?: Pick<Actor, 'id' | 'usuario'> | null },
): Promise<PromesasRevisadas> {
  const r = await resolverPromesasDePago(trx, ctx.reloj.hoy(), null);
  if (r.cumplidas.length + r.incumplidas.length > 0) {
    await registrarEnBitacora(trx, origenDe(ctx), {
      accion: 'promesas_pago.revisadas',
      detalle: { fecha: ctx.reloj.hoy(), ...r },
    });
  }
  return r;
}

/**
 * `revisarPromesasDePago` for one credit (or all, with null) without a bitácora row: the
 * payment that settles a promise names it in its own row.
 */
export async function resolverPromesasDePago(
  trx: Db,
  hoy: Fecha,
  creditoId: number | null,
): Promise<PromesasRevisadas> {
  let q = trx
    .selectFrom('promesas_pago')
    .select(['id', 'credito_id', 'monto_centavos', 'fecha', 'tolerancia_dias', 'hecha_el'])
    .where('estado', '=', 'pendiente');
  if (creditoId !== null) q = q.where('credito_id', '=', creditoId);
  const pendientes = await q.orderBy('id').forUpdate().execute();
  if (pendientes.length === 0) return { cumplidas: [], incumplidas: [] };
  const pagos = await trx
    .selectFrom('movimientos as m')
    .select(['m.id', 'm.credito_id', 'm.fecha', 'm.monto_centavos'])
    .where('m.credito_id', 'in', [...new Set(pendientes.map((p) => p.credito_id))])
    .where('m.tipo', '=', 'pago')
    .where('m.fecha', '>=', pendientes.map((p) => p.hecha_el).sort()[0] ?? hoy)
    .where((eb) => eb.or([eb('m.canal', 'is', null), eb('m.canal', '<>', 'reestructura')]))
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(selectFrom('movimientos as x').select('x.id').whereRef('x.cancela_id', '=', 'm.id')),
      ),
    )
    .execute();
  const cumplidas: number[] = [];
  const incumplidas: number[] = [];
  for (const p of pendientes) {
    const r = revisarPromesas(
      [{ numero: 1, fecha: p.fecha as Fecha, monto: p.monto_centavos }],
      pagos
        .filter((g) => g.credito_id === p.credito_id)
        .map((g) => ({ fecha: g.fecha as Fecha, monto: montoExigido(g.monto_centavos, g.id) })),
      p.hecha_el as Fecha,
      p.tolerancia_dias,
      hoy,
    );
    if (r.resultado === 'cumplido') cumplidas.push(p.id);
    else if (r.resultado === 'incumplido') incumplidas.push(p.id);
  }
  if (cumplidas.length > 0) {
    await trx
      .updateTable('promesas_pago')
      .set({ estado: 'cumplida', resuelta_el: hoy })
      .where('id', 'in', cumplidas)
      .execute();
  }
  if (incumplidas.length > 0) {
    await trx
      .updateTable('promesas_pago')
      .set({ estado: 'incumplida', resuelta_el: hoy })
      .where('id', 'in', incumplidas)
      .execute();
  }
  return { cumplidas, incumplidas };
}
