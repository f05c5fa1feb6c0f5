import type { Db } from '../../db/conexion.ts';
import { nombreCompleto } from '../../db/nombre-persona.ts';
import { formatearCentavos, sumarTodos } from '../../domain/dinero.ts';
import { ErrorDominio } from '../../domain/errores.ts';
import { estadoDeCuentaAJson } from '../../domain/estado-de-cuenta/index.ts';
import { type Fecha, numeroDeDia, sumarDias } from '../../domain/fecha.ts';
import { exigirCreditoEnCartera } from '../autorizacion/politicas.ts';
import { registrarEnBitacora } from '../bitacora/registrar-en-bitacora.ts';
import { calcularEstado } from '../cartera/calcular-estado.ts';
import { cargarCredito } from '../cartera/cargar-credito.ts';
import { type ContextoAutenticado, origenDe } from '../contexto.ts';
import type { DatosRecibo } from '../documentos/recibo-pdf.ts';
import { type DatosDelInstituto, datosParaImprimir } from '../instituto/datos-del-instituto.ts';
import { montoExigido } from './monto-del-pago-sql.ts';
import { aplicacionDelPago } from './pago.ts';

/**
 * What a payment's receipt shows. A cancelled payment is shown as it was applied the day
 * before its cancellation (from the cancellation's date on, the engine removes it). A payment
 * stored in parts (migration 0016) is one receipt, under its first row's folio, with its total.
 */
export async function consultarRecibo(
  trx: Db,
  movimientoNombrado: number,
  ctx: ContextoAutenticado,
): Promise<DatosRecibo & { instituto: DatosDelInstituto }> {
  const nombrado = await trx
    .selectFrom('movimientos')
    .select('parte_de')
    .where('id', '=', movimientoNombrado)
    .executeTakeFirst();
  const movimientoId = nombrado?.parte_de ?? movimientoNombrado;
  const partes = await trx
    .selectFrom('movimientos')
    .select(['id', 'monto_centavos'])
    .where('parte_de', '=', movimientoId)
    .orderBy('id')
    .execute();
  const m = await trx
    .selectFrom('movimientos as m')
    .innerJoin('creditos as c', 'c.id', 'm.credito_id')
    .innerJoin('oficinas as o', 'o.id', 'c.oficina_id')
    .innerJoin('participantes_credito as pc', (j) =>
      j.onRef('pc.credito_id', '=', 'c.id').on('pc.rol', '=', 'acreditado'),
    )
    .innerJoin('personas as p', 'p.id', 'pc.persona_id')
    .leftJoin('usuarios as u', 'u.id', 'm.registrado_por')
    .leftJoin('movimientos as x', 'x.cancela_id', 'm.id')
    .select([
      'm.id',
      'm.tipo',
      'm.fecha',
      'm.monto_centavos',
      'm.canal',
      'm.referencia',
      'm.registrado',
      'm.credito_id',
      'c.numero',
      'o.nombre as oficina',
      'p.nombres',
      'p.primer_apellido',
      'p.segundo_apellido',
      'u.nombre as registrado_por',
      'x.fecha as cancelado_fecha',
      'x.motivo as cancelado_motivo',
    ])
    .where('m.id', '=', movimientoId)
    .executeTakeFirst();
  if (m?.tipo !== 'pago') throw new ErrorDominio('no_encontrado', 'El pago no existe.');
  const credito = await cargarCredito(trx, m.credito_id);
  exigirCreditoEnCartera(ctx.actor, credito.alcance);
  const instituto = await datosParaImprimir(trx, 'recibo');
  const hoy = ctx.reloj.hoy();
  const corte: Fecha | null =
    m.cancelado_fecha === null
      ? hoy
      : numeroDeDia(m.cancelado_fecha as Fecha) > numeroDeDia(m.fecha as Fecha)
        ? sumarDias(m.cancelado_fecha as Fecha, -1)
        : null;
  const aplicacion =
    corte === null
      ? null
      : aplicacionDelPago(estadoDeCuentaAJson(calcularEstado(credito, corte)), [
          m.id,
          ...partes.map((p) => p.id),
        ]);
  const total = sumarTodos([m, ...partes].map((x) => montoExigido(x.monto_centavos, x.id)));
  await registrarEnBitacora(trx, origenDe(ctx), {
    accion: 'pago.recibo',
    objetoTipo: 'credito',
    objetoId: m.credito_id,
    detalle: { movimiento: m.id },
  });
  return {
    folio: m.id,
    credito: m.numero,
    acreditado: nombreCompleto(m),
    oficina: m.oficina,
    fecha: m.fecha,
    monto: formatearCentavos(total),
    canal: m.canal ?? 'banco',
    referencia: m.referencia ?? '',
    registradoPor: m.registrado_por ?? 'Importación',
    registrado: m.registrado,
    aplicacion,
    cancelado:
      m.cancelado_fecha === null
        ? null
        : { fecha: m.cancelado_fecha, motivo: m.cancelado_motivo ?? '' },
    instituto,
  };
}
