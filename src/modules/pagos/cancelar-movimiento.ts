import type { Db } from '../../db/conexion.ts';
import { conMovimientos, type MovimientoGuardado } from '../../db/mapeo-caso.ts';
import { ErrorDominio } from '../../domain/errores.ts';
import {
  type EstadoDeCuentaJson,
  estadoDeCuentaAJson,
} from '../../domain/estado-de-cuenta/index.ts';
import type { Fecha } from '../../domain/fecha.ts';
import { exigirCreditoEnCartera } from '../autorizacion/politicas.ts';
import { registrarEnBitacora } from '../bitacora/registrar-en-bitacora.ts';
import { calcularEstado } from '../cartera/calcular-estado.ts';
import { cargarCredito } from '../cartera/cargar-credito.ts';
import { type ContextoAutenticado, origenDe } from '../contexto.ts';
import { bloquearCredito } from './pago.ts';

export interface MovimientoCancelado {
  cancelacion: { id: number; fecha: string; cancela: number; motivo: string };
  /** The other rows of the same payment (stored in parts), cancelled with it: their reversals. */
  partes: Array<{ id: number; cancela: number }>;
  estado: EstadoDeCuentaJson;
}

/** One 'cancelacion' row dated today naming `cancela`; returns its id. */
function insertarReversion(
  trx: Db,
  creditoId: number,
  cancela: number,
  motivo: string,
  ctx: ContextoAutenticado,
): Promise<{ id: number }> {
  return trx
    .insertInto('movimientos')
    .values({
      credito_id: creditoId,
      tipo: 'cancelacion',
      fecha: ctx.reloj.hoy(),
      cancela_id: cancela,
      motivo,
      registrado_por: ctx.actor.id,
      registrado: ctx.reloj.ahora(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

/** A reversal as `cargarCredito` would read its row back, so the engine sees no difference. */
function filaDeReversion(id: number, cancela: number, fecha: Fecha): MovimientoGuardado {
  return {
    id,
    tipo: 'cancelacion',
    fecha,
    monto_centavos: null,
    excedente: null,
    concepto: null,
    cancela_id: cancela,
  };
}

/**
 * A reversal, never a deletion: a new 'cancelacion' row dated today names the original, which
 * stays in the ledger. From today on the statement is recomputed as if the original had never
 * existed; statements of earlier dates still show it, as they were.
 *
 * A payment stored in parts (migration 0016) is one payment: naming any of its rows cancels
 * all of them, each with its own reversal, and `cancela` names the payment's first row.
 */
export async function cancelarMovimiento(
  trx: Db,
  movimientoId: number,
  motivo: string,
  ctx: ContextoAutenticado,
): Promise<MovimientoCancelado> {
  const nombrado = await trx
    .selectFrom('movimientos')
    .select(['id', 'parte_de'])
    .where('id', '=', movimientoId)
    .executeTakeFirst();
  if (!nombrado) throw new ErrorDominio('no_encontrado', 'El movimiento no existe.');
  const pagoId = nombrado.parte_de ?? nombrado.id;
  const original = await trx
    .selectFrom('movimientos')
    .select(['id', 'credito_id', 'tipo', 'fecha'])
    .where('id', '=', pagoId)
    .executeTakeFirstOrThrow();
  await bloquearCredito(trx, original.credito_id);
  const credito = await cargarCredito(trx, original.credito_id);
  exigirCreditoEnCartera(ctx.actor, credito.alcance);
  if (original.tipo === 'cancelacion')
    throw new ErrorDominio('pago_invalido', 'Una cancelación no se cancela.');
  // The novation is final: reopening the old credit would owe the debt twice.
  if (credito.estado === 'reestructurado') {
    throw new ErrorDominio(
      'conflicto',
      'El crédito fue reestructurado: sus movimientos ya no se cancelan (la deuda sigue en el crédito nuevo).',
    );
  }
  const yaCancelado = await trx
    .selectFrom('movimientos')
    .select('id')
    .where('cancela_id', '=', pagoId)
    .executeTakeFirst();
  if (yaCancelado) throw new ErrorDominio('conflicto', 'Ese movimiento ya estaba cancelado.');
  const otrasPartes = await trx
    .selectFrom('movimientos')
    .select('id')
    .where('parte_de', '=', pagoId)
    .orderBy('id')
    .execute();
  const hoy = ctx.reloj.hoy();
  const revertir = (cancela: number) =>
    insertarReversion(trx, original.credito_id, cancela, motivo, ctx);
  const cancelacion = await revertir(pagoId);
  const partes: MovimientoCancelado['partes'] = [];
  for (const parte of otrasPartes) {
    partes.push({ id: (await revertir(parte.id)).id, cancela: parte.id });
  }
  // The reversals just written, appended to the rows loaded under the lock: no second load.
  const despues = conMovimientos(credito, [
    filaDeReversion(cancelacion.id, pagoId, hoy),
    ...partes.map((p) => filaDeReversion(p.id, p.cancela, hoy)),
  ]);
  const estado = estadoDeCuentaAJson(
    calcularEstado(
      despues,
      hoy,
      (m) => new ErrorDominio('pago_invalido', `No se puede cancelar: ${m}`),
    ),
  );
  await registrarEnBitacora(trx, origenDe(ctx), {
    accion: 'movimiento.cancelar',
    objetoTipo: 'credito',
    objetoId: original.credito_id,
    detalle: {
      movimiento: pagoId,
      tipo: original.tipo,
      fecha: original.fecha,
      motivo,
      ...(partes.length === 0 ? {} : { partes: partes.map((p) => p.cancela) }),
    },
  });
  return {
    cancelacion: { id: cancelacion.id, fecha: hoy, cancela: pagoId, motivo },
    partes,
    estado,
  };
}
