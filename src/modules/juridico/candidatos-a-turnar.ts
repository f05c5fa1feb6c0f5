import { sql } from 'kysely';
import type { Db } from '../../db/conexion.ts';
import type { Bucket } from '../../domain/antiguedad.ts';
import { type Centavos, formatearCentavos } from '../../domain/dinero.ts';
import type { Fecha } from '../../domain/fecha.ts';
import { ZONA_INSTITUTO } from '../../domain/gestion/zona-horaria.ts';
import { registrarEnBitacora } from '../bitacora/registrar-en-bitacora.ts';
import { filtroDeAlcance } from '../cartera/alcance-sql.ts';
import { type ContextoAutenticado, origenDe } from '../contexto.ts';
import { leerParametrosPrescripcion } from '../expedientes/parametros-prescripcion.ts';
import {
  fechaDePrescripcion,
  ultimaDemanda,
  ultimoPago,
  ultimoReconocimiento,
} from '../expedientes/prescripcion-sql.ts';

/** Every criterion given must hold (AND); none given: every account that may be turned over. */
export interface CriteriosDeTurnado {
  oficinaId?: number;
  /** Its nearest prescription (of a pagaré not yet prescribed) within this many days. */
  prescribeEnDias?: number;
  /** Saldo para liquidar of the latest aging snapshot above this. */
  saldoMayorA?: Centavos;
  /** It is part of a convenio marked incumplido. */
  convenioIncumplido?: boolean;
  /** No effective contact in this many months (or never). */
  sinContactoMeses?: number;
  creditoIds?: number[];
}

export interface Candidato {
  creditoId: number;
  numero: string;
  acreditado: string;
  oficina: string;
  saldo: string | null;
  bucket: Bucket | null;
  prescribe: { fecha: string; dias: number } | null;
  convenioIncumplido: boolean;
  ultimoContactoEfectivo: string | null;
}

export const MAXIMO_CANDIDATOS = 500;

interface Fila {
  id: number;
  numero: string;
  acreditado: string;
  oficina: string;
  saldo: Centavos | null;
  bucket: Bucket | null;
  prescribe: string | null;
  dias: number | null;
  convenio_incumplido: boolean;
  contacto: string | null;
}

/**
 * The preview before a turnado: active accounts in the actor's scope, not held by a firm,
 * that meet the criteria, nearest prescription first. The prescription date is the clock of
 * the prescription list and the queue (prescripcion-sql.ts: 3 years from the pagaré's due date
 * or the latest acknowledgment, lawsuit or, when the parameter says so, payment up to today);
 * the pagaré view has the detail.
 */
export async function candidatosATurnar(
  trx: Db,
  k: CriteriosDeTurnado,
  ctx: ContextoAutenticado,
): Promise<{ hoy: Fecha; candidatos: Candidato[]; hayMas: boolean }> {
  const hoy = ctx.reloj.hoy();
  const { pagoInterrumpe } = await leerParametrosPrescripcion(trx);
  const credito = sql.ref<number>('c.id');
  const condiciones = [sql`true`];
  if (k.oficinaId !== undefined) condiciones.push(sql`c.oficina_id = ${k.oficinaId}`);
  if (k.creditoIds !== undefined) {
    condiciones.push(sql`c.id = ANY(${sql.val(k.creditoIds)}::int[])`);
  }
  if (k.prescribeEnDias !== undefined) {
    condiciones.push(sql`pr.dias IS NOT NULL AND pr.dias <= ${k.prescribeEnDias}`);
  }
  if (k.saldoMayorA !== undefined) {
    condiciones.push(sql`a.saldo_para_liquidar_centavos > ${k.saldoMayorA}`);
  }
  if (k.convenioIncumplido === true) condiciones.push(sql`ci.incumplido`);
  if (k.sinContactoMeses !== undefined) {
    condiciones.push(
      sql`(uc.fecha IS NULL OR uc.fecha < (${hoy}::date - make_interval(months => ${k.sinContactoMeses}))::date)`,
    );
  }
  // The scope is the same rule as every list (alcance-sql.ts), read as ids first.
  const alcance = trx
    .selectFrom('creditos as c')
    .select('c.id')
    .where(filtroDeAlcance(ctx.actor))
    .where('c.estado', '=', 'activo')
    .where('c.despacho_id', 'is', null);
  const { rows } = await sql<Fila>`
    SELECT c.id, c.numero, o.nombre AS oficina,
           concat_ws(' ', p.nombres, p.primer_apellido, p.segundo_apellido) AS acreditado,
           a.saldo_para_liquidar_centavos AS saldo, a.bucket,
           pr.fecha::text AS prescribe, pr.dias, ci.incumplido AS convenio_incumplido,
           uc.fecha::text AS contacto
      FROM creditos c
      JOIN (${alcance}) vis ON vis.id = c.id
      JOIN oficinas o ON o.id = c.oficina_id
      JOIN participantes_credito pc ON pc.credito_id = c.id AND pc.rol = 'acreditado'
      JOIN personas p ON p.id = pc.persona_id
      LEFT JOIN LATERAL (
        SELECT s.saldo_para_liquidar_centavos, s.bucket FROM antiguedad_saldos s
         WHERE s.credito_id = c.id AND s.fecha <= ${hoy}::date
         ORDER BY s.fecha DESC LIMIT 1
      ) a ON true
      CROSS JOIN LATERAL (
        -- The acts that restart the term, once per account (OFFSET 0).
        SELECT ${ultimoReconocimiento(credito, hoy)} AS reconocimiento,
               ${ultimaDemanda(credito, hoy)} AS demanda,
               ${ultimoPago(credito, hoy, pagoInterrumpe)} AS pago
        OFFSET 0
      ) actos
      LEFT JOIN LATERAL (
        SELECT min(x.vence) AS fecha, min(x.vence) - ${hoy}::date AS dias
          FROM (
            SELECT ${fechaDePrescripcion(sql.ref('m.pagare_vencimiento'), sql.ref('actos.reconocimiento'), sql.ref('actos.demanda'), sql.ref('actos.pago'))} AS vence
              FROM ministraciones m WHERE m.credito_id = c.id
          ) x
         WHERE x.vence >= ${hoy}::date
      ) pr ON true
      LEFT JOIN LATERAL (
        SELECT EXISTS (
          SELECT 1 FROM convenio_promesas cp JOIN convenios v ON v.id = cp.convenio_id
           WHERE cp.credito_id = c.id AND v.estado = 'incumplido') AS incumplido
      ) ci ON true
      LEFT JOIN LATERAL (
        SELECT (max(g.inicio) AT TIME ZONE ${ZONA_INSTITUTO})::date AS fecha
          FROM gestiones g JOIN resultados_gestion r ON r.id = g.resultado_id
         WHERE g.credito_id = c.id AND r.contacto_efectivo
      ) uc ON true
     WHERE ${sql.join(condiciones, sql` AND `)}
     ORDER BY pr.fecha NULLS LAST, c.numero
     LIMIT ${MAXIMO_CANDIDATOS + 1}
  `.execute(trx);
  await registrarEnBitacora(trx, origenDe(ctx), {
    accion: 'juridico.candidatos',
    objetoTipo: 'cartera',
    detalle: { ...k, candidatos: Math.min(rows.length, MAXIMO_CANDIDATOS) },
  });
  return {
    hoy,
    hayMas: rows.length > MAXIMO_CANDIDATOS,
    candidatos: rows.slice(0, MAXIMO_CANDIDATOS).map((f) => ({
      creditoId: f.id,
      numero: f.numero,
      acreditado: f.acreditado,
      oficina: f.oficina,
      saldo: f.saldo === null ? null : formatearCentavos(f.saldo),
      bucket: f.bucket,
      prescribe:
        f.prescribe === null || f.dias === null ? null : { fecha: f.prescribe, dias: f.dias },
      convenioIncumplido: f.convenio_incumplido,
      ultimoContactoEfectivo: f.contacto,
    })),
  };
}
