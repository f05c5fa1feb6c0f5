import type { Db } from '../../db/conexion.ts';
import { formatearCentavos, sumarTodos } from '../../domain/dinero.ts';
import { ErrorDominio } from '../../domain/errores.ts';
import { exigirCreditoEnCartera } from '../autorizacion/politicas.ts';
import { registrarEnBitacora } from '../bitacora/registrar-en-bitacora.ts';
import { calcularEstado } from '../cartera/calcular-estado.ts';
import { cargarCredito } from '../cartera/cargar-credito.ts';
import { type ContextoAutenticado, origenDe } from '../contexto.ts';
import { bloquearCredito } from '../pagos/pago.ts';

export interface CartaEmitida {
  folio: number;
  creditoId: number;
  fecha: string;
  totalPagado: string;
  nueva: boolean;
}

/**
 * Issues the carta finiquito of a credit the engine finds settled today. One per credit: asking
 * again returns the letter already issued (reprint), never a second folio.
 */
export async function emitirCartaFiniquito(
  trx: Db,
  creditoId: number,
  ctx: ContextoAutenticado,
): Promise<CartaEmitida> {
  await bloquearCredito(trx, creditoId);
  const existente = await trx
    .selectFrom('cartas_finiquito')
    .selectAll()
    .where('credito_id', '=', creditoId)
    .executeTakeFirst();
  const credito = await cargarCredito(trx, creditoId);
  exigirCreditoEnCartera(ctx.actor, credito.alcance);
  if (existente) {
    return {
      folio: existente.folio,
      creditoId,
      fecha: existente.fecha,
      totalPagado: formatearCentavos(existente.total_pagado_centavos),
      nueva: false,
    };
  }
  // Settled by a reestructura's closing payment, not paid: the debt lives on in the new credit.
  if (credito.estado === 'reestructurado') {
    throw new ErrorDominio(
      'conflicto',
      'El crédito fue reestructurado: su adeudo sigue en el crédito nuevo y no procede carta finiquito.',
    );
  }
  const hoy = ctx.reloj.hoy();
  const estado = calcularEstado(credito, hoy);
  if (estado.situacion !== 'liquidado') {
    throw new ErrorDominio(
      'conflicto',
      `El crédito no está liquidado: su saldo para liquidar hoy es ${formatearCentavos(estado.saldoParaLiquidar)}.`,
    );
  }
  // `adelanto-N` lines re-apply money already counted in the payment that brought it.
  const totalPagado = sumarTodos(
    estado.aplicaciones.filter((a) => !a.id.startsWith('adelanto-')).map((a) => a.monto),
  );
  const carta = await trx
    .insertInto('cartas_finiquito')
    .values({
      credito_id: creditoId,
      fecha: hoy,
      total_pagado_centavos: totalPagado,
      emitida_por: ctx.actor.id,
      emitida: ctx.reloj.ahora(),
    })
    .returning('folio')
    .executeTakeFirstOrThrow();
  await registrarEnBitacora(trx, origenDe(ctx), {
    accion: 'carta_finiquito.emitir',
    objetoTipo: 'credito',
    objetoId: creditoId,
    detalle: { folio: carta.folio },
  });
  return {
    folio: carta.folio,
    creditoId,
    fecha: hoy,
    totalPagado: formatearCentavos(totalPagado),
    nueva: true,
  };
}
