import type { Db } from '../../db/conexion.ts';
import { transicionConvenio } from '../../domain/convenios/estado-convenio.ts';
import { revisarPromesas } from '../../domain/convenios/seguimiento.ts';
import { ErrorDominio } from '../../domain/errores.ts';
import { type Fecha, sumarDias } from '../../domain/fecha.ts';
import { registrarEnBitacora } from '../bitacora/registrar-en-bitacora.ts';
import { calcularEstado } from '../cartera/calcular-estado.ts';
import { cargarCredito } from '../cartera/cargar-credito.ts';
import { type Contexto, origenDe } from '../contexto.ts';
import { montoExigido } from '../pagos/monto-del-pago-sql.ts';
import { bloquearCredito } from '../pagos/pago.ts';
import type { Actor } from '../seguridad/actor.ts';

export interface ResultadoRevision {
  fecha: Fecha;
  revisados: number;
  cumplidos: number[];
  incumplidos: number[];
  /** Proposed or authorized but never signed, and their first promise is past its tolerance. */
  vencidos: number[];
}

type Ctx = Contexto & { actor?: Pick<Actor, 'id' | 'usuario'> | null };

/**
 * Matches every signed convenio's promises to the credits' payments on today's business date
 * (the nightly job, or on demand). All kept: `cumplido`. One broken past its tolerance:
 * `incumplido`, and in the same transaction its condonaciones are cancelled (cancelacion
 * movements, linked to the convenio), its windows are revoked (`revocado_el` = today: the
 * loader ignores them from today on) and each credit goes to its gestor's queue
 * (`cola_gestor`). The statement then recomputes as if they had never been granted. A
 * reestructura's promises are on the new credit (moved at signing); breaking them leaves the
 * old credit closed and its condonaciones standing: only the new credit goes to the queue.
 */
export async function revisarConvenios(trx: Db, ctx: Ctx): Promise<ResultadoRevision> {
  const hoy = ctx.reloj.hoy();
  const firmados = await trx
    .selectFrom('convenios')
    .select(['id', 'tipo', 'fecha_simulacion', 'tolerancia_dias'])
    .where('estado', '=', 'firmado')
    .orderBy('id')
    .forUpdate()
    .execute();
  const cumplidos: number[] = [];
  const incumplidos: number[] = [];
  for (const c of firmados) {
    const promesas = await trx
      .selectFrom('convenio_promesas')
      .selectAll()
      .where('convenio_id', '=', c.id)
      .orderBy('credito_id')
      .orderBy('numero')
      .execute();
    const creditos = [...new Set(promesas.map((p) => p.credito_id))].sort((a, b) => a - b);
    const revisiones = [];
    for (const creditoId of creditos) {
      const pagos = await trx
        .selectFrom('movimientos as m')
        .select(['m.id', 'm.fecha', 'm.monto_centavos'])
        .where('m.credito_id', '=', creditoId)
        .where('m.tipo', '=', 'pago')
        // A reestructura's closing payment is no money from the debtor: it keeps no promise.
        .where((eb) => eb.or([eb('m.canal', 'is', null), eb('m.canal', '<>', 'reestructura')]))
        .where(({ not, exists, selectFrom }) =>
          not(
            exists(
              selectFrom('movimientos as x').select('x.id').whereRef('x.cancela_id', '=', 'm.id'),
            ),
          ),
        )
        .execute();
      const r = revisarPromesas(
        promesas
          .filter((p) => p.credito_id === creditoId)
          .map((p) => ({
            numero: p.numero,
            fecha: p.fecha as Fecha,
            monto: p.monto_centavos,
          })),
        pagos.map((p) => ({
          fecha: p.fecha as Fecha,
          monto: montoExigido(p.monto_centavos, p.id),
        })),
        c.fecha_simulacion as Fecha,
        c.tolerancia_dias,
        hoy,
      );
      for (const p of r.promesas) {
        await trx
          .updateTable('convenio_promesas')
          .set({ estado: p.estado, revisada_el: hoy })
          .where('convenio_id', '=', c.id)
          .where('credito_id', '=', creditoId)
          .where('numero', '=', p.numero)
          .execute();
      }
      revisiones.push({ creditoId, ...r });
    }
    const incumplida = revisiones.find((r) => r.resultado === 'incumplido');
    if (incumplida) {
      await incumplir(trx, c, creditos, incumplida, hoy, ctx);
      incumplidos.push(c.id);
    } else if (revisiones.length > 0 && revisiones.every((r) => r.resultado === 'cumplido')) {
      const nuevo = transicionConvenio('firmado', 'cumplir');
      if (nuevo === null) throw new ErrorDominio('conflicto', 'Transición imposible.');
      await trx
        .updateTable('convenios')
        .set({ estado: nuevo, cerrado_el: hoy })
        .where('id', '=', c.id)
        .execute();
      await registrarEnBitacora(trx, origenDe(ctx), {
        accion: 'convenio.cumplir',
        objetoTipo: 'convenio',
        objetoId: c.id,
        detalle: { fecha: hoy },
      });
      cumplidos.push(c.id);
    }
  }
  const vencidos = await cancelarVencidos(trx, hoy, ctx);
  return { fecha: hoy, revisados: firmados.length, cumplidos, incumplidos, vencidos };
}

/** An unsigned convenio whose first promise is already past its tolerance cannot be kept. */
async function cancelarVencidos(trx: Db, hoy: Fecha, ctx: Ctx): Promise<number[]> {
  const pendientes = await trx
    .selectFrom('convenios as c')
    .innerJoin('convenio_promesas as p', 'p.convenio_id', 'c.id')
    .select(['c.id', 'c.estado', 'c.tolerancia_dias'])
    .select(({ fn }) => fn.min('p.fecha').as('primera'))
    .where('c.estado', 'in', ['propuesto', 'autorizado'])
    .groupBy(['c.id', 'c.estado', 'c.tolerancia_dias'])
    .orderBy('c.id')
    .execute();
  const vencidos: number[] = [];
  for (const c of pendientes) {
    if (sumarDias(c.primera as Fecha, c.tolerancia_dias) >= hoy) continue;
    const nuevo = transicionConvenio(c.estado, 'cancelar');
    if (nuevo === null) continue;
    const motivo = 'Venció sin firmarse: la fecha del primer pago ya pasó.';
    await trx
      .updateTable('convenios')
      .set({ estado: nuevo, motivo_cancelacion: motivo, cerrado_el: hoy })
      .where('id', '=', c.id)
      .where('estado', '=', c.estado)
      .execute();
    await registrarEnBitacora(trx, origenDe(ctx), {
      accion: 'convenio.cancelar',
      objetoTipo: 'convenio',
      objetoId: c.id,
      detalle: { estadoAnterior: c.estado, motivo },
    });
    vencidos.push(c.id);
  }
  return vencidos;
}

async function incumplir(
  trx: Db,
  { id, tipo }: { id: number; tipo: string },
  creditos: readonly number[],
  causa: { creditoId: number; incumplida: number | null },
  hoy: Fecha,
  ctx: Ctx,
): Promise<void> {
  const nuevo = transicionConvenio('firmado', 'incumplir');
  if (nuevo === null) throw new ErrorDominio('conflicto', 'Transición imposible.');
  for (const creditoId of creditos) await bloquearCredito(trx, creditoId);
  const motivo = `convenio ${id} incumplido`;
  // A reestructura's novation is final: its discount was consumed in settling the old credit,
  // which stays closed; the new pagaré governs, and its arrears accrue moratorium by themselves.
  const condonaciones =
    tipo === 'reestructura'
      ? []
      : await trx
          .selectFrom('convenio_movimientos as cm')
          .innerJoin('movimientos as m', 'm.id', 'cm.movimiento_id')
          .select(['m.id', 'm.credito_id'])
          .where('cm.convenio_id', '=', id)
          .where('m.tipo', '=', 'condonacion')
          .execute();
  const ahora = ctx.reloj.ahora();
  for (const k of condonaciones) {
    const cancelacion = await trx
      .insertInto('movimientos')
      .values({
        credito_id: k.credito_id,
        tipo: 'cancelacion',
        fecha: hoy,
        cancela_id: k.id,
        motivo,
        registrado_por: ctx.actor?.id ?? null,
        registrado: ahora,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('convenio_movimientos')
      .values({ convenio_id: id, movimiento_id: cancelacion.id })
      .execute();
  }
  await trx
    .updateTable('periodos_sin_moratorio')
    .set({ revocado_el: hoy })
    .where('convenio_id', '=', id)
    .where('revocado_el', 'is', null)
    .execute();
  await trx
    .insertInto('cola_gestor')
    .values(
      creditos.map((creditoId) => ({
        credito_id: creditoId,
        convenio_id: id,
        motivo: `Convenio ${id} incumplido: llamar al acreditado.`,
        fecha: hoy,
      })),
    )
    .execute();
  for (const creditoId of creditos) {
    calcularEstado(
      await cargarCredito(trx, creditoId),
      hoy,
      (m) => new ErrorDominio('credito_inconsistente', `Convenio ${id}: ${m}`),
    );
  }
  await trx
    .updateTable('convenios')
    .set({ estado: nuevo, cerrado_el: hoy })
    .where('id', '=', id)
    .execute();
  await registrarEnBitacora(trx, origenDe(ctx), {
    accion: 'convenio.incumplir',
    objetoTipo: 'convenio',
    objetoId: id,
    detalle: {
      fecha: hoy,
      credito: causa.creditoId,
      promesa: causa.incumplida,
      condonacionesCanceladas: condonaciones.map((k) => k.id),
    },
  });
}
