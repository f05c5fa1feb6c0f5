import { sql } from 'kysely';
import type { Db } from '../../db/conexion.ts';
import { InsercionMasiva } from '../../db/insercion-masiva.ts';
import { bucketDeAtraso } from '../../domain/antiguedad.ts';
import { type Fecha, sumarDias } from '../../domain/fecha.ts';
import {
  type Mes,
  mesAnterior,
  mesDeFecha,
  mesSiguiente,
  primerDia,
  ultimoDia,
} from '../../domain/metas/mes.ts';
import { calcularEstado } from '../cartera/calcular-estado.ts';
import { cargarCreditos } from '../cartera/cargar-credito.ts';
import type { Contexto } from '../contexto.ts';
import { materializarDia } from '../indicadores/materializar-hechos.ts';
import type { Aleatorio } from './aleatorio.ts';
import { instanteEnHermosillo } from './fechas.ts';
import { generarMetas, type LogroMensual } from './generar-metas.ts';

/** How many months of history the demo's indicators cover (issue 11: twelve). */
export const MESES_DE_HISTORIA = 12;

export interface ResumenIndicadoresDemo {
  /** Month-end aging snapshots written (credits × month-ends). */
  antiguedades: number;
  diasMaterializados: number;
  metas: number;
}

/** The last `n` month-ends before `hoy`, oldest first. */
export function cierresAnteriores(hoy: Fecha, n: number): Fecha[] {
  const cierres: Fecha[] = [];
  let mes = mesDeFecha(hoy);
  while (cierres.length < n) {
    mes = mesAnterior(mes);
    cierres.unshift(ultimoDia(mes));
  }
  return cierres;
}

const LOTE = 500;

/**
 * Each credit's aging at each of `fechas`, as the nightly job would have left it then: what
 * calcularAntiguedad does for one date, with each batch of credits loaded once for every date
 * (the ledger read dominates). A credit not yet disbursed on a date has no row for it; one the
 * engine refuses is skipped, as the job reports and skips it.
 */
export async function escribirAntiguedadesDeCierre(
  trx: Db,
  fechas: readonly Fecha[],
  ctx: Contexto,
): Promise<number> {
  const calculado = ctx.reloj.ahora();
  const ins = new InsercionMasiva(trx, 'antiguedad_saldos', [
    ['credito_id', 'int4'],
    ['fecha', 'date'],
    ['situacion', 'text'],
    ['dias_atraso', 'int4'],
    ['bucket', 'text'],
    ['capital_insoluto_centavos', 'int8'],
    ['saldo_exigible_centavos', 'int8'],
    ['saldo_para_liquidar_centavos', 'int8'],
    ['interes_moratorio_centavos', 'int8'],
    ['calculado', 'timestamptz'],
  ]);
  let ultimoId = 0;
  for (;;) {
    const ids = (
      await trx
        .selectFrom('creditos')
        .select('id')
        .where('id', '>', ultimoId)
        .orderBy('id')
        .limit(LOTE)
        .execute()
    ).map((f) => f.id);
    const ultimo = ids.at(-1);
    if (ultimo === undefined) break;
    ultimoId = ultimo;
    for (const credito of (await cargarCreditos(trx, ids)).values()) {
      const primera = credito.ministraciones[0]?.fecha;
      for (const fecha of fechas) {
        if (primera === undefined || fecha < primera) continue;
        let e: ReturnType<typeof calcularEstado>;
        try {
          e = calcularEstado(credito, fecha);
        } catch {
          continue;
        }
        await ins.agregar(
          credito.id,
          fecha,
          e.situacion,
          e.diasAtraso,
          bucketDeAtraso(e.diasAtraso),
          e.capitalInsoluto,
          e.saldoExigible,
          e.saldoParaLiquidar,
          e.interesMoratorio,
          calculado.toISOString(),
        );
      }
    }
  }
  return ins.terminar();
}

/** Each gestor's net recovery and accounts with an effective contact, per month, from the facts. */
async function logrosMensuales(trx: Db, desde: Fecha, hasta: Fecha): Promise<LogroMensual[]> {
  const { rows } = await sql<{
    mes: string;
    oficina_id: number;
    gestor_id: number;
    recuperacion: string;
    contactos: number;
  }>`
    WITH rec AS (
      SELECT to_char(fecha, 'YYYY-MM') AS mes, oficina_id, gestor_id,
             sum(cobrado_centavos - cancelado_centavos) AS recuperacion
        FROM hechos_recuperacion
       WHERE fecha BETWEEN ${desde}::date AND ${hasta}::date AND gestor_id IS NOT NULL
       GROUP BY 1, 2, 3),
    cob AS (
      SELECT DISTINCT ON (to_char(fecha, 'YYYY-MM'), oficina_id, gestor_id)
             to_char(fecha, 'YYYY-MM') AS mes, oficina_id, gestor_id, con_contacto
        FROM hechos_cobertura
       WHERE fecha BETWEEN ${desde}::date AND ${hasta}::date AND gestor_id IS NOT NULL
       ORDER BY to_char(fecha, 'YYYY-MM'), oficina_id, gestor_id, fecha DESC)
    SELECT coalesce(rec.mes, cob.mes) AS mes,
           coalesce(rec.oficina_id, cob.oficina_id) AS oficina_id,
           coalesce(rec.gestor_id, cob.gestor_id) AS gestor_id,
           coalesce(rec.recuperacion, 0)::text AS recuperacion,
           coalesce(cob.con_contacto, 0) AS contactos
      FROM rec FULL JOIN cob USING (mes, oficina_id, gestor_id)
      JOIN usuarios u ON u.id = coalesce(rec.gestor_id, cob.gestor_id) AND u.rol = 'gestor'
     ORDER BY 3, 1`.execute(trx);
  return rows.map((r) => ({
    mes: r.mes as Mes,
    oficinaId: r.oficina_id,
    gestorId: r.gestor_id,
    recuperacionCentavos: Math.max(0, Number(r.recuperacion)),
    contactosEfectivos: r.contactos,
  }));
}

/**
 * The goals of the measured months and of the next one: gestores' set by their office's
 * coordinador on the month's first day, offices' by the administrador; this month's office
 * goals get a second version (a goal changed mid-month keeps its history).
 */
async function escribirMetas(
  trx: Db,
  logros: readonly LogroMensual[],
  futuros: readonly Mes[],
  hoy: Fecha,
  rnd: Aleatorio,
): Promise<number> {
  const usuarios = await trx
    .selectFrom('usuarios')
    .select(['id', 'rol', 'oficina_id'])
    .where('activo', '=', true)
    .orderBy('id')
    .execute();
  const admin = usuarios.find((u) => u.rol === 'administrador')?.id;
  if (admin === undefined) return 0;
  const coordinador = new Map<number, number>();
  for (const u of usuarios)
    if (u.rol === 'coordinador' && u.oficina_id !== null && !coordinador.has(u.oficina_id))
      coordinador.set(u.oficina_id, u.id);
  const esteMes = mesDeFecha(hoy);
  const filas = generarMetas(logros, futuros, rnd).flatMap((m) => {
    const registrada = instanteEnHermosillo(
      m.mes > esteMes ? sumarDias(hoy, -1) : sumarDias(primerDia(m.mes), -1),
      17 * 60,
    );
    const base = {
      mes: primerDia(m.mes),
      oficina_id: m.oficinaId,
      gestor_id: m.gestorId,
      version: 1,
      recuperacion_centavos: m.recuperacionCentavos,
      recuperacion_peso: '60',
      contactos_efectivos: m.contactosEfectivos,
      contactos_efectivos_peso: '40',
      motivo: null as string | null,
      registrada_por: m.gestorId === null ? admin : (coordinador.get(m.oficinaId) ?? admin),
      registrada,
    };
    if (m.gestorId !== null || m.mes !== esteMes) return [base];
    return [
      base,
      {
        ...base,
        version: 2,
        recuperacion_centavos: Math.round((m.recuperacionCentavos * 0.95) / 100_000) * 100_000,
        motivo: 'Ajuste por la reasignación de cartera de la quincena',
        registrada: instanteEnHermosillo(sumarDias(primerDia(m.mes), 4), 10 * 60),
      },
    ];
  });
  for (let i = 0; i < filas.length; i += 1_000)
    await trx
      .insertInto('metas')
      .values(filas.slice(i, i + 1_000))
      .execute();
  return filas.length;
}

/**
 * What the indicators and their dashboards need on the demo portfolio (issue 11): the aging at
 * each of the last twelve month-ends, the facts of every day from the first of those months
 * to today, and goals for each of those months and the next one, per gestor and per office.
 * Runs after the portfolio, its gestión history and today's aging are written.
 */
export async function cargarIndicadoresDemo(
  trx: Db,
  ctx: Contexto,
  rnd: Aleatorio,
): Promise<ResumenIndicadoresDemo> {
  const hoy = ctx.reloj.hoy();
  const cierres = cierresAnteriores(hoy, MESES_DE_HISTORIA);
  const antiguedades = await escribirAntiguedadesDeCierre(trx, cierres, ctx);
  // The first month's roll rates compare with the month-end before it.
  const primerMes = mesDeFecha(cierres[1] ?? hoy);
  let dias = 0;
  for (let f = primerDia(primerMes); f <= hoy; f = sumarDias(f, 1)) {
    await materializarDia(trx, f, ctx);
    dias += 1;
  }
  // Past months' goals follow what was achieved; this month's (still running) and the next
  // one's follow the average of the last months, as a coordinador plans them.
  const esteMes = mesDeFecha(hoy);
  const logros = await logrosMensuales(trx, primerDia(primerMes), ultimoDia(mesAnterior(esteMes)));
  const metas = await escribirMetas(trx, logros, [esteMes, mesSiguiente(esteMes)], hoy, rnd);
  return { antiguedades, diasMaterializados: dias, metas };
}
