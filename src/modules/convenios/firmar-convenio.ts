import type { Db } from '../../db/conexion.ts';
import { motivoDeRechazo, transicionConvenio } from '../../domain/convenios/estado-convenio.ts';
import { ErrorDominio } from '../../domain/errores.ts';
import type { Fecha } from '../../domain/fecha.ts';
import { registrarEnBitacora } from '../bitacora/registrar-en-bitacora.ts';
import { calcularEstado } from '../cartera/calcular-estado.ts';
import { cargarCredito } from '../cartera/cargar-credito.ts';
import { type ContextoAutenticado, origenDe } from '../contexto.ts';
import { bloquearCredito } from '../pagos/pago.ts';
import { bloquearConvenio } from './bloquear-convenio.ts';
import { reestructurarCreditos } from './reestructurar-creditos.ts';
import { type VistaConvenio, vistaConvenio } from './vista-convenio.ts';

/**
 * The debtor signs. In one transaction: the discount's condonaciones are posted as movements
 * (motivo «convenio N», linked in convenio_movimientos), the moratorium-free window becomes a
 * periodos_sin_moratorio row linked to the convenio, and each credit records the signing date
 * as an acknowledgment of the debt (it interrupts prescription, LGTOC art. 165). A reestructura
 * then creates the new credits and closes the old ones (reestructurar-creditos.ts). The engine
 * must accept every credit afterwards, or nothing is written.
 */
export async function firmarConvenio(
  trx: Db,
  id: number,
  fechaFirma: Fecha | null,
  ctx: ContextoAutenticado,
): Promise<VistaConvenio> {
  const c = await bloquearConvenio(trx, id, ctx);
  const nuevo = transicionConvenio(c.estado, 'firmar');
  if (nuevo === null) throw new ErrorDominio('conflicto', motivoDeRechazo(c.estado, 'firmar'));
  const hoy = ctx.reloj.hoy();
  const fecha = fechaFirma ?? hoy;
  if (fecha > hoy) {
    throw new ErrorDominio(
      'entrada_invalida',
      'Campo «fechaFirma»: no puede ser posterior a hoy.',
      'fechaFirma',
    );
  }
  if (fecha < c.fecha_simulacion) {
    throw new ErrorDominio(
      'entrada_invalida',
      'Campo «fechaFirma»: no puede ser anterior a la fecha del convenio.',
      'fechaFirma',
    );
  }
  const motivo = `convenio ${id}`;
  const ahora = ctx.reloj.ahora();
  for (const creditoId of [...c.creditos].sort((a, b) => a - b))
    await bloquearCredito(trx, creditoId);
  const condonaciones = await trx
    .selectFrom('convenio_condonaciones')
    .selectAll()
    .where('convenio_id', '=', id)
    .execute();
  for (const k of condonaciones) {
    const m = await trx
      .insertInto('movimientos')
      .values({
        credito_id: k.credito_id,
        tipo: 'condonacion',
        fecha: k.fecha,
        monto_centavos: k.monto_centavos,
        concepto: k.concepto,
        motivo,
        registrado_por: ctx.actor.id,
        registrado: ahora,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('convenio_movimientos')
      .values({ convenio_id: id, movimiento_id: m.id })
      .execute();
  }
  const ventanas = await trx
    .selectFrom('convenio_ventanas')
    .selectAll()
    .where('convenio_id', '=', id)
    .execute();
  if (ventanas.length > 0) {
    await trx
      .insertInto('periodos_sin_moratorio')
      .values(
        ventanas.map((v) => ({
          credito_id: v.credito_id,
          desde: v.desde,
          hasta: v.hasta,
          motivo,
          convenio_id: id,
        })),
      )
      .execute();
  }
  await trx
    .insertInto('reconocimientos_de_adeudo')
    .values(c.creditos.map((creditoId) => ({ credito_id: creditoId, convenio_id: id, fecha })))
    .execute();
  // A reestructura: the new credits, the old ones settled and closed, the promises moved.
  const reestructurados = c.tipo === 'reestructura' ? await reestructurarCreditos(trx, c, ctx) : [];
  for (const creditoId of c.creditos) {
    calcularEstado(
      await cargarCredito(trx, creditoId),
      hoy,
      (m) => new ErrorDominio('conflicto', `No se puede firmar: ${m}`),
    );
  }
  await trx
    .updateTable('convenios')
    .set({ estado: nuevo, fecha_firma: fecha })
    .where('id', '=', id)
    .execute();
  await registrarEnBitacora(trx, origenDe(ctx), {
    accion: 'convenio.firmar',
    objetoTipo: 'convenio',
    objetoId: id,
    detalle: {
      fechaFirma: fecha,
      creditos: c.creditos,
      condonaciones: condonaciones.map((k) => ({
        creditoId: k.credito_id,
        concepto: k.concepto,
        monto: k.monto_centavos,
      })),
      ventanas: ventanas.map((v) => ({ creditoId: v.credito_id, desde: v.desde, hasta: v.hasta })),
      ...(reestructurados.length > 0 ? { reestructura: reestructurados } : {}),
    },
  });
  return vistaConvenio(trx, id, ctx);
}
