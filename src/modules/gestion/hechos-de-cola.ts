import { sql } from 'kysely';
import type { Db } from '../../db/conexion.ts';
import type { Fecha } from '../../domain/fecha.ts';
import type { HechosDeCuenta } from '../../domain/gestion/cola.ts';
import { ZONA_INSTITUTO } from '../../domain/gestion/zona-horaria.ts';

export interface CuentaConHechos extends HechosDeCuenta {
  creditoId: number;
  numero: string;
  proximaAccion: { tipo: string; fecha: string } | null;
  tomadaPor: { id: number; nombre: string } | null;
}

interface Fila {
  credito_id: number;
  numero: string;
  bucket: string | null;
  saldo_exigible: string | null;
  promesa_incumplida: boolean;
  promesa_hoy: string | null;
  convenio_incumplido: boolean;
  pago_convenio_hoy: boolean;
  recados: number;
  proxima_accion: string | null;
  proxima_accion_fecha: string | null;
  dias_para_prescribir: number | null;
  dias_sin_contacto_efectivo: number | null;
  tiene_gestiones: boolean;
  toma_usuario_id: number | null;
  toma_usuario_nombre: string | null;
}

/**
 * The facts the queue ranks, for every active account held by `gestores` (a gestor and the
 * colleagues he covers today), in one statement: each fact is an aggregate over the
 * accounts' own rows, found by the indexes on credito_id. Accounts with a law firm or not
 * active are not worked from the queue.
 */
export async function hechosDeCola(
  trx: Db,
  gestores: readonly number[],
  hoy: Fecha,
  ahora: Date,
): Promise<CuentaConHechos[]> {
  if (gestores.length === 0) return [];
  const { rows } = await sql<Fila>`
    WITH mias AS (
      SELECT c.id, c.numero FROM creditos c
       WHERE c.gestor_id = ANY(${sql.val([...gestores])}::int[])
         AND c.estado = 'activo' AND c.despacho_id IS NULL
    ),
    corte AS (SELECT max(fecha) AS fecha FROM antiguedad_saldos WHERE fecha <= ${hoy}::date),
    saldo AS (
      SELECT a.credito_id, a.bucket, a.saldo_exigible_centavos
        FROM antiguedad_saldos a JOIN mias ON mias.id = a.credito_id
       WHERE a.fecha = (SELECT fecha FROM corte)
    ),
    ultima AS (
      SELECT DISTINCT ON (g.credito_id) g.credito_id, g.inicio, g.proxima_accion, g.proxima_accion_fecha
        FROM gestiones g JOIN mias ON mias.id = g.credito_id
       ORDER BY g.credito_id, g.inicio DESC, g.id DESC
    ),
    efectiva AS (
      SELECT g.credito_id, max(g.inicio) AS inicio
        FROM gestiones g JOIN mias ON mias.id = g.credito_id
        JOIN resultados_gestion r ON r.id = g.resultado_id AND r.contacto_efectivo
       GROUP BY g.credito_id
    ),
    promesas AS (
      -- Broken (by the nightly job or already past its tolerance) and nothing logged since.
      SELECT p.credito_id,
             bool_or((p.estado = 'incumplida' OR (p.estado = 'pendiente' AND p.fecha + p.tolerancia_dias < ${hoy}::date))
                     AND NOT EXISTS (SELECT 1 FROM gestiones g2 WHERE g2.credito_id = p.credito_id
                                      AND g2.inicio >= ((p.fecha + p.tolerancia_dias + 1)::timestamp AT TIME ZONE ${ZONA_INSTITUTO})))
               AS incumplida,
             sum(p.monto_centavos) FILTER (WHERE p.estado = 'pendiente' AND ${hoy}::date BETWEEN p.fecha AND p.fecha + p.tolerancia_dias)
               AS hoy
        FROM promesas_pago p JOIN mias ON mias.id = p.credito_id
       WHERE p.estado = 'pendiente' OR (p.estado = 'incumplida' AND p.resuelta_el >= ${hoy}::date - 30)
       GROUP BY p.credito_id
    ),
    convenio AS (
      SELECT cp.credito_id FROM convenio_promesas cp JOIN mias ON mias.id = cp.credito_id
        JOIN convenios v ON v.id = cp.convenio_id AND v.estado = 'firmado'
       WHERE ${hoy}::date BETWEEN cp.fecha AND cp.fecha + v.tolerancia_dias
       GROUP BY cp.credito_id
    ),
    cola AS (
      SELECT q.credito_id FROM cola_gestor q JOIN mias ON mias.id = q.credito_id
       WHERE q.atendido_el IS NULL GROUP BY q.credito_id
    ),
    recado AS (
      SELECT r.credito_id, count(*)::int AS n FROM recados r JOIN mias ON mias.id = r.credito_id
       WHERE r.estado <> 'atendido' GROUP BY r.credito_id
    ),
    prescripcion AS (
      -- A pagaré prescribes three years after it fell due (LGTOC art. 165); a signed
      -- acknowledgment of the debt starts the term again.
      SELECT m.credito_id,
             min((greatest(m.pagare_vencimiento, coalesce(ra.fecha, m.pagare_vencimiento)) + interval '3 years')::date - ${hoy}::date) AS dias
        FROM ministraciones m JOIN mias ON mias.id = m.credito_id
        LEFT JOIN LATERAL (SELECT max(x.fecha) AS fecha FROM reconocimientos_de_adeudo x WHERE x.credito_id = m.credito_id) ra ON true
       WHERE (greatest(m.pagare_vencimiento, coalesce(ra.fecha, m.pagare_vencimiento)) + interval '3 years')::date >= ${hoy}::date
       GROUP BY m.credito_id
    )
    SELECT mias.id AS credito_id, mias.numero,
           saldo.bucket, saldo.saldo_exigible_centavos::text AS saldo_exigible,
           coalesce(promesas.incumplida, false) AS promesa_incumplida,
           promesas.hoy::text AS promesa_hoy,
           cola.credito_id IS NOT NULL AS convenio_incumplido,
           convenio.credito_id IS NOT NULL AS pago_convenio_hoy,
           coalesce(recado.n, 0) AS recados,
           ultima.proxima_accion, ultima.proxima_accion_fecha::text AS proxima_accion_fecha,
           prescripcion.dias AS dias_para_prescribir,
           (${hoy}::date - (efectiva.inicio AT TIME ZONE ${ZONA_INSTITUTO})::date) AS dias_sin_contacto_efectivo,
           ultima.credito_id IS NOT NULL AS tiene_gestiones,
           t.usuario_id AS toma_usuario_id, tu.nombre AS toma_usuario_nombre
      FROM mias
      LEFT JOIN saldo ON saldo.credito_id = mias.id
      LEFT JOIN ultima ON ultima.credito_id = mias.id
      LEFT JOIN efectiva ON efectiva.credito_id = mias.id
      LEFT JOIN promesas ON promesas.credito_id = mias.id
      LEFT JOIN convenio ON convenio.credito_id = mias.id
      LEFT JOIN cola ON cola.credito_id = mias.id
      LEFT JOIN recado ON recado.credito_id = mias.id
      LEFT JOIN prescripcion ON prescripcion.credito_id = mias.id
      LEFT JOIN tomas_de_cuenta t ON t.credito_id = mias.id AND t.hasta > ${ahora}
      LEFT JOIN usuarios tu ON tu.id = t.usuario_id
  `.execute(trx);
  return rows.map((f) => ({
    creditoId: f.credito_id,
    numero: f.numero,
    saldoExigible: f.saldo_exigible === null ? null : Number(f.saldo_exigible),
    bucket: f.bucket,
    promesaIncumplida: f.promesa_incumplida,
    promesaHoy: f.promesa_hoy === null ? null : Number(f.promesa_hoy),
    convenioIncumplido: f.convenio_incumplido,
    pagoDeConvenioHoy: f.pago_convenio_hoy,
    recadosPendientes: f.recados,
    proximaAccionFecha: f.proxima_accion_fecha,
    proximaAccion:
      f.proxima_accion === null || f.proxima_accion_fecha === null
        ? null
        : { tipo: f.proxima_accion, fecha: f.proxima_accion_fecha },
    diasParaPrescribir: f.dias_para_prescribir,
    diasSinContactoEfectivo: f.dias_sin_contacto_efectivo,
    tieneGestiones: f.tiene_gestiones,
    tomadaPor:
      f.toma_usuario_id === null || f.toma_usuario_nombre === null
        ? null
        : { id: f.toma_usuario_id, nombre: f.toma_usuario_nombre },
  }));
}
