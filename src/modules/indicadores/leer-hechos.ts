import { sql } from 'kysely';
import type { Db } from '../../db/conexion.ts';
import type { Bucket } from '../../domain/antiguedad.ts';
import type { Centavos } from '../../domain/dinero.ts';
import type { Fecha } from '../../domain/fecha.ts';
import type { BucketDeRecuperacion, CanalRecuperacion } from './tipos.ts';

/** Where a fact row belongs: the office and the holder (null: nobody, or the office's own row). */
export interface Llave {
  oficina_id: number;
  gestor_id: number | null;
}

export interface Hechos {
  recuperacion: Array<
    Llave & {
      bucket: BucketDeRecuperacion;
      canal: CanalRecuperacion;
      cobrado: Centavos;
      cancelado: Centavos;
      pagos: number;
      cancelaciones: number;
    }
  >;
  recuperacionPorDia: Array<Llave & { fecha: string; neto: Centavos }>;
  cobertura: Array<Llave & { asignadas: number; gestionadas: number; con_contacto: number }>;
  compromisos: Array<
    Llave & {
      promesas_hechas: number;
      promesas_cumplidas: number;
      promesas_incumplidas: number;
      promesas_pendientes: number;
      convenios_firmados: number;
      convenios_cumplidos: number;
      convenios_incumplidos: number;
      convenios_vigentes: number;
      descuento: Centavos;
    }
  >;
  cartera: Array<Llave & { bucket: Bucket; cuentas: number; saldo: Centavos }>;
  transiciones: Array<
    Llave & { de: Bucket; a: Bucket | 'liquidado'; cuentas: number; saldo: Centavos }
  >;
  prescripcion: Array<
    Llave & { cuentas_90: number; saldo_90: Centavos; cuentas_180: number; saldo_180: Centavos }
  >;
  turnos: Array<
    Llave & {
      registrados: number;
      atendidos: number;
      abandonados: number;
      en_espera: number;
      con_inicio: number;
      espera_seg: number;
      con_fin: number;
      atencion_seg: number;
    }
  >;
}

/**
 * The month's facts up to `corte` for the offices in scope (and one gestor's alone, for a
 * gestor): flows summed over the month's days, stocks of the cut-off day. Each query reads one
 * fact table by its (fecha, oficina) index; walk-ins come from `turnos` by its own index.
 * Every amount is int8 (a `sum` of int8 is numeric, so it is cast back): it arrives as checked
 * Centavos.
 */
export async function leerHechos(
  trx: Db,
  desde: Fecha,
  corte: Fecha,
  oficinas: readonly number[],
  gestor: number | null,
): Promise<Hechos> {
  const ofs = sql`oficina_id = ANY(${sql.val([...oficinas])}::int[])`;
  const del = gestor === null ? sql`true` : sql`gestor_id = ${gestor}`;
  const rango = sql`fecha BETWEEN ${desde} AND ${corte}`;
  const alCorte = sql`fecha = ${corte}`;
  const q = <T>(consulta: ReturnType<typeof sql<T>>) => consulta.execute(trx).then((r) => r.rows);
  const [
    recuperacion,
    recuperacionPorDia,
    cobertura,
    compromisos,
    cartera,
    transiciones,
    prescripcion,
    turnos,
  ] = [
    await q(sql<Hechos['recuperacion'][number]>`
      SELECT oficina_id, gestor_id, bucket, canal,
             sum(cobrado_centavos)::int8 AS cobrado, sum(cancelado_centavos)::int8 AS cancelado,
             sum(pagos)::int AS pagos, sum(cancelaciones)::int AS cancelaciones
        FROM hechos_recuperacion WHERE ${rango} AND ${ofs} AND ${del}
       GROUP BY oficina_id, gestor_id, bucket, canal`),
    await q(sql<Hechos['recuperacionPorDia'][number]>`
      SELECT oficina_id, gestor_id, fecha,
             sum(cobrado_centavos - cancelado_centavos)::int8 AS neto
        FROM hechos_recuperacion WHERE ${rango} AND ${ofs} AND ${del}
       GROUP BY oficina_id, gestor_id, fecha`),
    await q(sql<Hechos['cobertura'][number]>`
      SELECT oficina_id, gestor_id, asignadas, gestionadas, con_contacto
        FROM hechos_cobertura WHERE ${alCorte} AND ${ofs} AND ${del}`),
    await q(sql<Hechos['compromisos'][number]>`
      SELECT oficina_id, gestor_id,
             sum(promesas_hechas)::int AS promesas_hechas,
             sum(promesas_cumplidas)::int AS promesas_cumplidas,
             sum(promesas_incumplidas)::int AS promesas_incumplidas,
             sum(promesas_pendientes) FILTER (WHERE ${alCorte})::int AS promesas_pendientes,
             sum(convenios_firmados)::int AS convenios_firmados,
             sum(convenios_cumplidos)::int AS convenios_cumplidos,
             sum(convenios_incumplidos)::int AS convenios_incumplidos,
             sum(convenios_vigentes) FILTER (WHERE ${alCorte})::int AS convenios_vigentes,
             sum(descuento_centavos)::int8 AS descuento
        FROM hechos_compromisos WHERE ${rango} AND ${ofs} AND ${del}
       GROUP BY oficina_id, gestor_id`),
    await q(sql<Hechos['cartera'][number]>`
      SELECT oficina_id, gestor_id, bucket, cuentas, saldo_centavos AS saldo
        FROM hechos_cartera WHERE ${alCorte} AND ${ofs} AND ${del}`),
    await q(sql<Hechos['transiciones'][number]>`
      SELECT oficina_id, gestor_id, de, a, cuentas, saldo_centavos AS saldo
        FROM hechos_transiciones WHERE ${alCorte} AND ${ofs} AND ${del}`),
    await q(sql<Hechos['prescripcion'][number]>`
      SELECT oficina_id, gestor_id, cuentas_90, saldo_90_centavos AS saldo_90,
             cuentas_180, saldo_180_centavos AS saldo_180
        FROM hechos_prescripcion WHERE ${alCorte} AND ${ofs} AND ${del}`),
    await q(sql<Hechos['turnos'][number]>`
      SELECT oficina_id, gestor_id,
             count(*)::int AS registrados,
             count(*) FILTER (WHERE estado = 'atendido')::int AS atendidos,
             count(*) FILTER (WHERE estado = 'abandonado')::int AS abandonados,
             count(*) FILTER (WHERE estado IN ('en_espera', 'en_atencion'))::int AS en_espera,
             count(inicio_atencion)::int AS con_inicio,
             coalesce(sum(round(extract(epoch FROM inicio_atencion - llegada))), 0)::int8 AS espera_seg,
             count(*) FILTER (WHERE inicio_atencion IS NOT NULL AND fin_atencion IS NOT NULL)::int AS con_fin,
             coalesce(sum(round(extract(epoch FROM fin_atencion - inicio_atencion))), 0)::int8 AS atencion_seg
        FROM turnos WHERE ${rango} AND ${ofs}
       GROUP BY oficina_id, gestor_id`),
  ];
  return {
    recuperacion,
    recuperacionPorDia,
    cobertura,
    compromisos,
    cartera,
    transiciones,
    prescripcion,
    turnos,
  };
}
