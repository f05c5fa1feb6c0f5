import { sql } from 'kysely';
import type { Db } from '../../db/conexion.ts';
import { totalizarCorte } from '../../domain/caja/corte.ts';
import { formatearCentavos } from '../../domain/dinero.ts';
import { ErrorDominio } from '../../domain/errores.ts';
import { type Fecha, formatearFecha, formatearInstante } from '../../domain/fecha.ts';
import { registrarEnBitacora } from '../bitacora/registrar-en-bitacora.ts';
import { type ContextoAutenticado, origenDe } from '../contexto.ts';
import { inicioDelCorte, leerCierre } from './corte-de-caja.ts';
import { lineasAbiertas } from './lineas-del-corte.ts';

// Namespace of the advisory lock that serializes closings: two of them must not both count a
// late movement (the table's unique movimiento_id would refuse the second with a 500).
const CANDADO_CORTES = 727_034;
const ZONA = 'America/Hermosillo';
const LOTE = 2_000;

export interface CorteCerrado {
  fecha: string;
  cerradoPor: string;
  cerradoEn: Date;
  movimientos: number;
  total: string;
}

/**
 * Contabilidad closes a day's corte: its lines, as the open corte shows them now, are stored
 * with who closed it and when, and from then on the corte is read from them. A movement dated
 * that day that arrives later goes to the next open corte, «posterior al cierre».
 *
 * Today may be closed (the end of the day's counter work, explicitly); a later movement dated
 * today then goes to tomorrow's corte. A future day may not: its corte has not happened yet.
 * A day closes once; closing it again is refused (a retry with the same Idempotency-Key gets
 * the first answer back).
 */
export async function cerrarCorteDeCaja(
  trx: Db,
  fecha: Fecha,
  ctx: ContextoAutenticado,
): Promise<CorteCerrado> {
  const hoy = ctx.reloj.hoy();
  if (fecha > hoy) {
    throw new ErrorDominio(
      'entrada_invalida',
      `El corte del ${formatearFecha(fecha)} aún no se puede cerrar: es una fecha futura.`,
      'fecha',
    );
  }
  await sql`SELECT pg_advisory_xact_lock(${CANDADO_CORTES})`.execute(trx);
  const previo = await leerCierre(trx, fecha);
  if (previo !== null) {
    throw new ErrorDominio(
      'conflicto',
      `El corte del ${formatearFecha(fecha)} ya está cerrado: lo cerró ${previo.cerradoPor} el ${formatearInstante(previo.cerradoEn, ZONA)}.`,
      'fecha',
    );
  }
  // Every credit, whoever closes: the corte is the institute's, not one office's.
  const lineas = await lineasAbiertas(trx, fecha, await inicioDelCorte(trx, fecha), null);
  const { total } = totalizarCorte(lineas);
  const cerradoEn = ctx.reloj.ahora();
  await trx
    .insertInto('cortes_de_caja')
    .values({
      fecha,
      cerrado_por: ctx.actor.id,
      cerrado_en: cerradoEn,
      movimientos: lineas.length,
      total_centavos: total.centavos,
    })
    .execute();
  // In batches: a day of an imported history can hold thousands of payments, and a statement
  // takes at most 65,535 parameters.
  for (let i = 0; i < lineas.length; i += LOTE) {
    await trx
      .insertInto('cortes_de_caja_lineas')
      .values(
        lineas.slice(i, i + LOTE).map((l) => ({
          corte: fecha,
          movimiento_id: l.folio,
          tipo: l.tipo,
          fecha: l.fecha,
          credito_id: l.creditoId,
          monto_centavos: l.centavos,
          canal: l.canal,
          referencia: l.referencia,
          oficina: l.oficina,
          registrado_por: l.registradoPor,
          cancelado: l.cancelado,
          cancela_id: l.cancela,
          motivo: l.motivo,
          posterior: l.posterior,
        })),
      )
      .execute();
  }
  await registrarEnBitacora(trx, origenDe(ctx), {
    accion: 'caja.cerrar_corte',
    objetoTipo: 'corte_de_caja',
    objetoId: fecha,
    detalle: {
      fecha,
      movimientos: lineas.length,
      total: formatearCentavos(total.centavos),
      posteriores: lineas.filter((l) => l.posterior).length,
    },
  });
  return {
    fecha,
    cerradoPor: ctx.actor.nombre,
    cerradoEn,
    movimientos: lineas.length,
    total: formatearCentavos(total.centavos),
  };
}
