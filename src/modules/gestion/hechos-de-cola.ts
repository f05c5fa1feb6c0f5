import { sql } from 'kysely';
import type { Db } from '../../db/conexion.ts';
import { cierreDelDia, inicioDelDia } from '../../db/dia-de-negocio.ts';
import type { ProximaAccion } from '../../db/esquema.ts';
import type { Bucket } from '../../domain/antiguedad.ts';
import type { Centavos } from '../../domain/dinero.ts';
import type { Fecha } from '../../domain/fecha.ts';
import type { HechosDeCuenta } from '../../domain/gestion/cola.ts';
import { ZONA_INSTITUTO } from '../../domain/gestion/zona-horaria.ts';
import { leerParametrosPrescripcion } from '../expedientes/parametros-prescripcion.ts';
import {
  fechaDePrescripcion,
  ultimaDemanda,
  ultimoPago,
  ultimoReconocimiento,
} from '../expedientes/prescripcion-sql.ts';

export interface CuentaConHechos extends HechosDeCuenta {
  creditoId: number;
  numero: string;
  /** The columns' own types: the API's contract names them (src/contrato/cola.ts). */
  bucket: Bucket | null;
  proximaAccion: { tipo: ProximaAccion; fecha: string } | null;
  tomadaPor: { id: number; nombre: string } | null;
  /** Its latest gestión started today (business time): the day's progress counts it. */
  gestionadaHoy: boolean;
}

interface Fila {
  credito_id: number;
  numero: string;
  bucket: Bucket | null;
  saldo_exigible: Centavos | null;
  promesa_incumplida: boolean;
  promesa_hoy: Centavos | null;
  convenio_incumplido: boolean;
  pago_convenio_hoy: boolean;
  recados: number;
  proxima_accion: ProximaAccion | null;
  proxima_accion_fecha: string | null;
  dias_para_prescribir: number | null;
  dias_sin_contacto_efectivo: number | null;
  tiene_gestiones: boolean;
  gestionada_hoy: boolean;
  toma_usuario_id: number | null;
  toma_usuario_nombre: string | null;
}

/**
 * The facts the queue ranks, for every active account held by `gestores` (a gestor and the
 * colleagues he covers today), in one statement. Accounts with a law firm or not active are
 * not worked from the queue.
 */
export async function hechosDeCola(
  trx: Db,
  gestores: readonly number[],
  hoy: Fecha,
  ahora: Date,
): Promise<CuentaConHechos[]> {
  if (gestores.length === 0) return [];
  const { pagoInterrumpe } = await leerParametrosPrescripcion(trx);
  const credito = sql.ref<number>('c.id');
  // Each fact is looked up per account through its index (LATERAL … WHERE credito_id = c.id):
  // the cost follows the gestor's accounts, not the size of the tables, and does not depend on
  // the planner knowing how many accounts a gestor holds (right after a distribution it
  // does not: 3,000 changed rows do not trigger an autoanalyze).
  const { rows } = await sql<Fila>`
    WITH corte AS (SELECT max(fecha) AS fecha FROM antiguedad_saldos WHERE fecha <= ${hoy}::date),
    -- Promises, convenio payments, broken convenios and recados are few: each is read once,
    -- as a set, and joined by credit.
    promesas AS (
      SELECT p.credito_id,
             max(p.fecha + p.tolerancia_dias)
               FILTER (WHERE p.estado = 'incumplida' OR (p.estado = 'pendiente' AND p.fecha + p.tolerancia_dias < ${hoy}::date))
               AS limite_incumplida,
             sum(p.monto_centavos) FILTER (WHERE p.estado = 'pendiente' AND ${hoy}::date BETWEEN p.fecha AND p.fecha + p.tolerancia_dias)
               AS hoy
        FROM promesas_pago p
       WHERE p.estado = 'pendiente' OR (p.estado = 'incumplida' AND p.resuelta_el >= ${hoy}::date - 30)
       GROUP BY p.credito_id
    ),
    convenio AS (
      SELECT DISTINCT cp.credito_id FROM convenio_promesas cp
        JOIN convenios v ON v.id = cp.convenio_id AND v.estado = 'firmado'
       WHERE ${hoy}::date BETWEEN cp.fecha AND cp.fecha + v.tolerancia_dias
    ),
    cola AS (SELECT DISTINCT q.credito_id FROM cola_gestor q WHERE q.atendido_el IS NULL),
    recado AS (
      SELECT r.credito_id, count(*)::int AS n FROM recados r
       WHERE r.estado <> 'atendido' AND r.credito_id IS NOT NULL GROUP BY r.credito_id
    )
    SELECT c.id AS credito_id, c.numero,
           saldo.bucket, saldo.saldo_exigible_centavos AS saldo_exigible,
           -- Broken (by the nightly job or already past its tolerance) and nothing logged since.
           (promesas.limite_incumplida IS NOT NULL
            AND (ultima.inicio IS NULL
                 OR ultima.inicio < ${cierreDelDia(sql.ref('promesas.limite_incumplida'))}))
             AS promesa_incumplida,
           -- A sum of int8 is numeric (text from pg): cast back to int8, it arrives in centavos.
           promesas.hoy::int8 AS promesa_hoy,
           cola.credito_id IS NOT NULL AS convenio_incumplido,
           convenio.credito_id IS NOT NULL AS pago_convenio_hoy,
           coalesce(recado.n, 0) AS recados,
           ultima.proxima_accion, ultima.proxima_accion_fecha::text AS proxima_accion_fecha,
           prescripcion.dias AS dias_para_prescribir,
           (${hoy}::date - (ultima.efectiva AT TIME ZONE ${ZONA_INSTITUTO})::date) AS dias_sin_contacto_efectivo,
           ultima.inicio IS NOT NULL AS tiene_gestiones,
           coalesce(ultima.inicio >= ${inicioDelDia(hoy)}, false) AS gestionada_hoy,
           t.usuario_id AS toma_usuario_id, tu.nombre AS toma_usuario_nombre
      FROM creditos c
      CROSS JOIN corte
      LEFT JOIN LATERAL (
        SELECT a.bucket, a.saldo_exigible_centavos FROM antiguedad_saldos a
         WHERE a.credito_id = c.id AND a.fecha = corte.fecha
      ) saldo ON true
      LEFT JOIN LATERAL (
        -- One pass over the account's gestiones: the latest (its next action) and the latest
        -- effective contact.
        SELECT max(g.inicio) AS inicio,
               (array_agg(g.proxima_accion ORDER BY g.inicio DESC, g.id DESC))[1] AS proxima_accion,
               (array_agg(g.proxima_accion_fecha ORDER BY g.inicio DESC, g.id DESC))[1] AS proxima_accion_fecha,
               max(g.inicio) FILTER (WHERE r.contacto_efectivo) AS efectiva
          FROM gestiones g JOIN resultados_gestion r ON r.id = g.resultado_id
         WHERE g.credito_id = c.id
      ) ultima ON true
      LEFT JOIN promesas ON promesas.credito_id = c.id
      LEFT JOIN convenio ON convenio.credito_id = c.id
      LEFT JOIN cola ON cola.credito_id = c.id
      LEFT JOIN recado ON recado.credito_id = c.id
      CROSS JOIN LATERAL (
        -- The acts that restart a pagaré's prescription (docs/expedientes.md), once per account
        -- (OFFSET 0 keeps them from being inlined into each pagaré's row).
        SELECT ${ultimoReconocimiento(credito, hoy)} AS reconocimiento,
               ${ultimaDemanda(credito, hoy)} AS demanda,
               ${ultimoPago(credito, hoy, pagoInterrumpe)} AS pago
        OFFSET 0
      ) actos
      LEFT JOIN LATERAL (
        -- A pagaré prescribes three years after it fell due (LGTOC art. 165) or after the
        -- latest act that interrupted the term: an acknowledgment, a lawsuit, a payment when
        -- the parameter says so (the clock of src/domain/expedientes/prescripcion.ts).
        SELECT min(x.vence) - ${hoy}::date AS dias
          FROM (
            SELECT ${fechaDePrescripcion(sql.ref('m.pagare_vencimiento'), sql.ref('actos.reconocimiento'), sql.ref('actos.demanda'), sql.ref('actos.pago'))} AS vence
              FROM ministraciones m
             WHERE m.credito_id = c.id
          ) x
         WHERE x.vence >= ${hoy}::date
      ) prescripcion ON true
      LEFT JOIN tomas_de_cuenta t ON t.credito_id = c.id AND t.hasta > ${ahora}
      LEFT JOIN usuarios tu ON tu.id = t.usuario_id
     WHERE c.gestor_id = ANY(${sql.val([...gestores])}::int[])
       AND c.estado = 'activo' AND c.despacho_id IS NULL
  `.execute(trx);
  return rows.map((f) => ({
    creditoId: f.credito_id,
    numero: f.numero,
    saldoExigible: f.saldo_exigible,
    bucket: f.bucket,
    promesaIncumplida: f.promesa_incumplida,
    promesaHoy: f.promesa_hoy,
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
    gestionadaHoy: f.gestionada_hoy,
    tomadaPor:
      f.toma_usuario_id === null || f.toma_usuario_nombre === null
        ? null
        : { id: f.toma_usuario_id, nombre: f.toma_usuario_nombre },
  }));
}
