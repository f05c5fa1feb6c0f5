import { sql } from 'kysely';
import type { Db } from '../../db/conexion.ts';
import { type Centavos, formatearCentavos } from '../../domain/dinero.ts';
import { ErrorDominio } from '../../domain/errores.ts';
import type { Fecha } from '../../domain/fecha.ts';
import { ZONA_INSTITUTO } from '../../domain/gestion/zona-horaria.ts';
import { registrarEnBitacora } from '../bitacora/registrar-en-bitacora.ts';
import { filtroDeAlcance } from '../cartera/alcance-sql.ts';
import { type ContextoAutenticado, origenDe } from '../contexto.ts';

export interface RenglonDeDespacho {
  despacho: { id: number; nombre: string };
  /** Distinct accounts the firm held on some day of the period. */
  cuentas: number;
  /** Their saldo para liquidar now (latest aging snapshot up to today). */
  saldo: string;
  /** Payments applied to them on a day the firm held them, within the period (not cancelled). */
  recuperado: string;
  pagos: number;
  /** Average days each of those turnados has lasted: to its recall, or to today (capped at its end date). */
  diasPromedio: number | null;
  /** Turnados recalled within the period. */
  devueltas: number;
}

interface Fila {
  id: number;
  nombre: string;
  cuentas: number;
  saldo: Centavos;
  recuperado: Centavos;
  pagos: number;
  dias: string | null;
  devueltas: number;
}

/**
 * Per law firm, over [desde, hasta] (docs/juridico.md, «Reporte»). A turnado holds its account
 * from its `desde` to its end: the day it was recalled, else today, and never past its `hasta`.
 * A coordinador sees his office's accounts only.
 */
export async function reporteDeDespachos(
  trx: Db,
  periodo: { desde: Fecha; hasta: Fecha },
  ctx: ContextoAutenticado,
): Promise<{ desde: Fecha; hasta: Fecha; hoy: Fecha; despachos: RenglonDeDespacho[] }> {
  if (periodo.hasta < periodo.desde) {
    throw new ErrorDominio(
      'entrada_invalida',
      'La fecha final del periodo no puede ser anterior a la inicial.',
      'hasta',
    );
  }
  const hoy = ctx.reloj.hoy();
  const { desde, hasta } = periodo;
  const alcance = trx.selectFrom('creditos as c').select('c.id').where(filtroDeAlcance(ctx.actor));
  const { rows } = await sql<Fila>`
    WITH tenencia AS (
      SELECT t.id, t.credito_id, t.despacho_id, t.desde, t.devuelto_en,
             least(t.hasta, coalesce((t.devuelto_en AT TIME ZONE ${ZONA_INSTITUTO})::date, ${hoy}::date)) AS fin
        FROM turnados t JOIN (${alcance}) vis ON vis.id = t.credito_id
    ),
    en_periodo AS (
      SELECT t.*, greatest(t.desde, ${desde}::date) AS ini_p, least(t.fin, ${hasta}::date) AS fin_p
        FROM tenencia t
       WHERE t.desde <= ${hasta}::date AND t.fin >= ${desde}::date
    ),
    cuentas AS (
      SELECT DISTINCT e.despacho_id, e.credito_id FROM en_periodo e
    ),
    saldos AS (
      SELECT k.despacho_id, sum(coalesce(s.saldo, 0))::bigint AS saldo, count(*)::int AS cuentas
        FROM cuentas k
        LEFT JOIN LATERAL (
          SELECT a.saldo_para_liquidar_centavos AS saldo FROM antiguedad_saldos a
           WHERE a.credito_id = k.credito_id AND a.fecha <= ${hoy}::date
           ORDER BY a.fecha DESC LIMIT 1
        ) s ON true
       GROUP BY k.despacho_id
    ),
    -- Each payment once per firm, even if two of its turnados touch the same day.
    pagos AS (
      SELECT DISTINCT e.despacho_id, m.id,
             (m.monto_centavos + coalesce((SELECT sum(x.monto_centavos) FROM movimientos x
                                            WHERE x.parte_de = m.id), 0))::bigint AS monto
        FROM en_periodo e
        JOIN movimientos m ON m.credito_id = e.credito_id AND m.fecha BETWEEN e.ini_p AND e.fin_p
       WHERE m.tipo = 'pago' AND m.parte_de IS NULL AND m.canal IS DISTINCT FROM 'reestructura'
         AND NOT EXISTS (SELECT 1 FROM movimientos c WHERE c.cancela_id = m.id)
    ),
    recuperacion AS (
      SELECT p.despacho_id, sum(p.monto)::bigint AS recuperado, count(*)::int AS pagos
        FROM pagos p GROUP BY p.despacho_id
    ),
    tiempos AS (
      SELECT e.despacho_id, avg(e.fin - e.desde)::numeric(10, 1)::text AS dias,
             count(*) FILTER (WHERE (e.devuelto_en AT TIME ZONE ${ZONA_INSTITUTO})::date
                               BETWEEN ${desde}::date AND ${hasta}::date)::int AS devueltas
        FROM en_periodo e GROUP BY e.despacho_id
    )
    SELECT d.id, d.nombre, coalesce(s.cuentas, 0) AS cuentas,
           coalesce(s.saldo, 0)::int8 AS saldo, coalesce(r.recuperado, 0)::int8 AS recuperado,
           coalesce(r.pagos, 0) AS pagos, ti.dias, coalesce(ti.devueltas, 0) AS devueltas
      FROM despachos d
      LEFT JOIN saldos s ON s.despacho_id = d.id
      LEFT JOIN recuperacion r ON r.despacho_id = d.id
      LEFT JOIN tiempos ti ON ti.despacho_id = d.id
     WHERE d.activo OR s.cuentas IS NOT NULL
     ORDER BY d.nombre
  `.execute(trx);
  await registrarEnBitacora(trx, origenDe(ctx), {
    accion: 'despachos.reporte',
    objetoTipo: 'despacho',
    detalle: { desde, hasta },
  });
  return {
    desde,
    hasta,
    hoy,
    despachos: rows.map((f) => ({
      despacho: { id: f.id, nombre: f.nombre },
      cuentas: f.cuentas,
      saldo: formatearCentavos(f.saldo),
      recuperado: formatearCentavos(f.recuperado),
      pagos: f.pagos,
      diasPromedio: f.dias === null ? null : Number(f.dias),
      devueltas: f.devueltas,
    })),
  };
}
