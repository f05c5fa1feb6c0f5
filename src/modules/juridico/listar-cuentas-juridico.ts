import { sql } from 'kysely';
import type { Db } from '../../db/conexion.ts';
import type { EstadoJuridico } from '../../db/esquema.ts';
import { formatearCentavos } from '../../domain/dinero.ts';
import { diasEntre, type Fecha } from '../../domain/fecha.ts';
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
import { ETIQUETA_ESTADO_JURIDICO } from './actuaciones.ts';

export interface CuentaTurnada {
  creditoId: number;
  numero: string;
  acreditado: string;
  oficina: string;
  despacho: { id: number; nombre: string };
  turnadoId: number;
  motivo: string;
  desde: string;
  hasta: string;
  /** Past its end date and not recalled: no lawyer sees it; the coordinador decides. */
  vencido: boolean;
  /** Saldo para liquidar of the latest aging snapshot; null before the first one. */
  saldo: string | null;
  /**
   * When its nearest pagaré not yet prescribed prescribes, and the days left; when all have
   * prescribed, the last one to go (days negative). Null: the credit has no pagaré.
   */
  prescribe: { fecha: string; dias: number } | null;
  ultimaActuacion: { estado: EstadoJuridico; etiqueta: string; fecha: string } | null;
}

/**
 * The credit's prescription date for the list, by the clock of the prescription list
 * (prescripcion-sql.ts): the acts that restart it are read once per credit (OFFSET 0 keeps
 * them from being computed again for each pagaré).
 */
function prescribeSql(hoy: Fecha, pagoInterrumpe: boolean) {
  const credito = sql.ref<number>('c.id');
  const vence = fechaDePrescripcion(
    sql.ref('m.pagare_vencimiento'),
    sql.ref('actos.reconocimiento'),
    sql.ref('actos.demanda'),
    sql.ref('actos.pago'),
  );
  return sql<string | null>`(
    SELECT coalesce(min(pagares.vence) FILTER (WHERE pagares.vence >= ${hoy}::date), max(pagares.vence))::text
      FROM (
        SELECT ${vence} AS vence
          FROM (SELECT ${ultimoReconocimiento(credito, hoy)} AS reconocimiento,
                       ${ultimaDemanda(credito, hoy)} AS demanda,
                       ${ultimoPago(credito, hoy, pagoInterrumpe)} AS pago
                OFFSET 0) actos
          CROSS JOIN ministraciones m
         WHERE m.credito_id = c.id
      ) pagares
  )`;
}

export const CUENTAS_POR_PAGINA = 100;

/**
 * The accounts turned over (open turnados): a lawyer's are his firm's, up to their end date
 * (the scope itself does that); a coordinador sees his office's, the administrador all,
 * expired ones included and flagged, optionally for one firm.
 */
export async function listarCuentasJuridico(
  trx: Db,
  filtro: { despachoId?: number; pagina: number },
  ctx: ContextoAutenticado,
): Promise<{ cuentas: CuentaTurnada[]; pagina: number; porPagina: number; hoy: string }> {
  const hoy = ctx.reloj.hoy();
  const { pagoInterrumpe } = await leerParametrosPrescripcion(trx);
  let q = trx
    .selectFrom('turnados as t')
    .innerJoin('creditos as c', 'c.id', 't.credito_id')
    .innerJoin('despachos as d', 'd.id', 't.despacho_id')
    .innerJoin('oficinas as o', 'o.id', 'c.oficina_id')
    .innerJoin('participantes_credito as pc', (j) =>
      j.onRef('pc.credito_id', '=', 'c.id').on('pc.rol', '=', 'acreditado'),
    )
    .innerJoin('personas as p', 'p.id', 'pc.persona_id')
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom('antiguedad_saldos as a')
          .select('a.saldo_para_liquidar_centavos')
          .whereRef('a.credito_id', '=', 'c.id')
          .where('a.fecha', '<=', hoy)
          .orderBy('a.fecha', 'desc')
          .limit(1)
          .as('a'),
      (j) => j.onTrue(),
    )
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom('actuaciones_juridicas as x')
          .select(['x.estado', 'x.fecha'])
          .whereRef('x.turnado_id', '=', 't.id')
          .orderBy('x.fecha', 'desc')
          .orderBy('x.id', 'desc')
          .limit(1)
          .as('x'),
      (j) => j.onTrue(),
    )
    .select([
      'c.id',
      'c.numero',
      'o.nombre as oficina',
      sql<string>`concat_ws(' ', p.nombres, p.primer_apellido, p.segundo_apellido)`.as(
        'acreditado',
      ),
      't.id as turnado_id',
      't.despacho_id',
      'd.nombre as despacho',
      't.motivo',
      't.desde',
      't.hasta',
      'a.saldo_para_liquidar_centavos as saldo',
      prescribeSql(hoy, pagoInterrumpe).as('prescribe'),
      'x.estado as actuacion',
      'x.fecha as actuacion_fecha',
    ])
    .where('t.devuelto_en', 'is', null)
    .where(filtroDeAlcance(ctx.actor));
  if (filtro.despachoId !== undefined) q = q.where('t.despacho_id', '=', filtro.despachoId);
  const filas = await q
    .orderBy('t.hasta')
    .orderBy('c.numero')
    .limit(CUENTAS_POR_PAGINA)
    .offset((filtro.pagina - 1) * CUENTAS_POR_PAGINA)
    .execute();
  await registrarEnBitacora(trx, origenDe(ctx), {
    accion: 'juridico.consultar_cuentas',
    objetoTipo: 'despacho',
    ...(filtro.despachoId === undefined && ctx.actor.despachoId === null
      ? {}
      : { objetoId: filtro.despachoId ?? ctx.actor.despachoId ?? undefined }),
    detalle: { pagina: filtro.pagina, cuentas: filas.length },
  });
  return {
    hoy,
    pagina: filtro.pagina,
    porPagina: CUENTAS_POR_PAGINA,
    cuentas: filas.map((f) => ({
      creditoId: f.id,
      numero: f.numero,
      acreditado: f.acreditado,
      oficina: f.oficina,
      despacho: { id: f.despacho_id, nombre: f.despacho },
      turnadoId: f.turnado_id,
      motivo: f.motivo,
      desde: f.desde,
      hasta: f.hasta,
      vencido: f.hasta < hoy,
      saldo: f.saldo === null ? null : formatearCentavos(f.saldo),
      prescribe:
        f.prescribe === null
          ? null
          : { fecha: f.prescribe, dias: diasEntre(hoy, f.prescribe as Fecha) },
      ultimaActuacion:
        f.actuacion === null || f.actuacion_fecha === null
          ? null
          : {
              estado: f.actuacion,
              etiqueta: ETIQUETA_ESTADO_JURIDICO[f.actuacion],
              fecha: f.actuacion_fecha,
            },
    })),
  };
}
