import { sql } from 'kysely';
import type { Db } from '../../../db/conexion.ts';
import type { Fecha } from '../../../domain/fecha.ts';
import { mesAnterior, mesDeFecha, primerDia, ultimoDia } from '../../../domain/metas/mes.ts';
import { pagoInterrumpeAl } from '../../expedientes/parametros-prescripcion.ts';
import {
  fechaDePrescripcion,
  ultimaDemanda,
  ultimoPago,
  ultimoReconocimiento,
} from '../../expedientes/prescripcion-sql.ts';
import { titularAlCierre } from './comunes.ts';

export interface AgingsDelDia {
  /** The latest aging on or before the day within its month; null: none yet. */
  antiguedad: Fecha | null;
  /** The previous month's last aging, where the month's transitions start. */
  antiguedadInicio: Fecha | null;
}

async function ultimaEntre(trx: Db, desde: Fecha, hasta: Fecha): Promise<Fecha | null> {
  const f = await trx
    .selectFrom('antiguedad_saldos')
    .select((eb) => eb.fn.max('fecha').as('fecha'))
    .where('fecha', '>=', desde)
    .where('fecha', '<=', hasta)
    .executeTakeFirst();
  return (f?.fecha ?? null) as Fecha | null;
}

export async function agingsDelDia(trx: Db, fecha: Fecha): Promise<AgingsDelDia> {
  const mes = mesDeFecha(fecha);
  const anterior = mesAnterior(mes);
  return {
    antiguedad: await ultimaEntre(trx, primerDia(mes), fecha),
    antiguedadInicio: await ultimaEntre(trx, primerDia(anterior), ultimoDia(anterior)),
  };
}

/**
 * The portfolio at the end of `fecha` from the aging `antiguedad` (accounts not liquidated, per
 * bucket, with their balance to settle), attributed to the holder at the close of `fecha`; the
 * accounts (and balance) whose earliest unprescribed pagaré prescribes within 90 and 180 days
 * of `fecha` (the clock of docs/expedientes.md, as it stood that day); and the transitions from `antiguedadInicio` to `antiguedad`, attributed to the
 * holder at the close of the starting aging's date.
 */
export async function materializarCartera(
  trx: Db,
  fecha: Fecha,
  { antiguedad, antiguedadInicio }: AgingsDelDia,
): Promise<void> {
  await trx.deleteFrom('hechos_cartera').where('fecha', '=', fecha).execute();
  await trx.deleteFrom('hechos_transiciones').where('fecha', '=', fecha).execute();
  await trx.deleteFrom('hechos_prescripcion').where('fecha', '=', fecha).execute();
  if (antiguedad === null) return;
  await sql`
    INSERT INTO hechos_cartera (fecha, oficina_id, gestor_id, bucket, cuentas, saldo_centavos)
    SELECT ${fecha}::date, c.oficina_id, ${titularAlCierre(sql`s.credito_id`, fecha)}, s.bucket,
           count(*)::int, sum(s.saldo_para_liquidar_centavos)::int8
      FROM antiguedad_saldos s JOIN creditos c ON c.id = s.credito_id
     WHERE s.fecha = ${antiguedad} AND s.situacion <> 'liquidado'
     GROUP BY 1, 2, 3, 4
  `.execute(trx);
  // A pagaré prescribes three years after it fell due (LGTOC art. 165) or after the latest act
  // up to `fecha` that interrupted the term: an acknowledgment, a lawsuit, a payment when the
  // parameter in force that day says so. The clock of the prescription list
  // (prescripcion-sql.ts), the acts read once per account (OFFSET 0).
  const pagoInterrumpe = await pagoInterrumpeAl(trx, fecha);
  const credito = sql.ref<number>('s.credito_id');
  await sql`
    WITH vence AS (
      SELECT s.credito_id, c.oficina_id, s.saldo_para_liquidar_centavos AS saldo,
             (SELECT min(x.vence) FROM (
                SELECT ${fechaDePrescripcion(sql.ref('m.pagare_vencimiento'), sql.ref('actos.reconocimiento'), sql.ref('actos.demanda'), sql.ref('actos.pago'))} AS vence
                  FROM ministraciones m WHERE m.credito_id = s.credito_id
              ) x WHERE x.vence >= ${fecha}::date) AS vence
        FROM antiguedad_saldos s JOIN creditos c ON c.id = s.credito_id
        CROSS JOIN LATERAL (
          SELECT ${ultimoReconocimiento(credito, fecha)} AS reconocimiento,
                 ${ultimaDemanda(credito, fecha)} AS demanda,
                 ${ultimoPago(credito, fecha, pagoInterrumpe)} AS pago
          OFFSET 0
        ) actos
       WHERE s.fecha = ${antiguedad} AND s.situacion <> 'liquidado'
    )
    INSERT INTO hechos_prescripcion
      (fecha, oficina_id, gestor_id, cuentas_90, saldo_90_centavos, cuentas_180, saldo_180_centavos)
    SELECT ${fecha}::date, v.oficina_id, ${titularAlCierre(sql`v.credito_id`, fecha)},
           count(*) FILTER (WHERE v.vence <= ${fecha}::date + 90)::int,
           coalesce(sum(v.saldo) FILTER (WHERE v.vence <= ${fecha}::date + 90), 0)::int8,
           count(*)::int, sum(v.saldo)::int8
      FROM vence v
     WHERE v.vence <= ${fecha}::date + 180
     GROUP BY 1, 2, 3
  `.execute(trx);
  if (antiguedadInicio === null) return;
  await sql`
    INSERT INTO hechos_transiciones (fecha, oficina_id, gestor_id, de, a, cuentas, saldo_centavos)
    SELECT ${fecha}::date, c.oficina_id, ${titularAlCierre(sql`s0.credito_id`, antiguedadInicio)},
           s0.bucket,
           CASE WHEN s1.situacion = 'liquidado' THEN 'liquidado' ELSE s1.bucket END,
           count(*)::int, sum(s0.saldo_para_liquidar_centavos)::int8
      FROM antiguedad_saldos s0
      JOIN antiguedad_saldos s1 ON s1.credito_id = s0.credito_id AND s1.fecha = ${antiguedad}
      JOIN creditos c ON c.id = s0.credito_id
     WHERE s0.fecha = ${antiguedadInicio} AND s0.situacion <> 'liquidado'
     GROUP BY 1, 2, 3, 4, 5
  `.execute(trx);
}
