import { sql } from 'kysely';
import type { Db } from '../../db/conexion.ts';
import {
  estadoDeLinea,
  NOMBRE_TIPO,
  nombreDeCanal,
  type Suma,
  sumaAJson,
  type TipoDeLinea,
  totalizarCorte,
} from '../../domain/caja/corte.ts';
import type { Centavos } from '../../domain/dinero.ts';
import { formatearCentavos } from '../../domain/dinero.ts';
import { ErrorDominio } from '../../domain/errores.ts';
import { type Fecha, sumarDias } from '../../domain/fecha.ts';
import { registrarEnBitacora } from '../bitacora/registrar-en-bitacora.ts';
import { type ContextoAutenticado, origenDe } from '../contexto.ts';
import { nombresDeAcreditados } from '../expedientes/custodia/acreditados.ts';
import type { Actor } from '../seguridad/actor.ts';
import { type LineaLeida, lineasAbiertas, lineasCerradas } from './lineas-del-corte.ts';

export interface LineaDelCorte {
  folio: number;
  tipo: TipoDeLinea;
  tipoNombre: string;
  /** The movement's own date (before the corte's when it is «posterior al cierre»). */
  fecha: string;
  creditoId: number;
  credito: string;
  deudor: string;
  oficina: string;
  canal: string;
  canalNombre: string;
  referencia: string;
  /** Signed: a cancellation is negative. */
  monto: string;
  registradoPor: string;
  /** «Aplicado», «Cancelado» (its reversal is its own line) or «Cancelación». */
  estado: string;
  cancelado: boolean;
  cancela: number | null;
  motivo: string | null;
  posterior: boolean;
}

export type SumaDelCorte = ReturnType<typeof sumaAJson>;

export interface CierreDelCorte {
  cerradoPor: string;
  cerradoEn: Date;
}

export interface CorteDeCaja {
  fecha: string;
  /** Null while the day is open: its lines may still change. */
  cierre: CierreDelCorte | null;
  lineas: LineaDelCorte[];
  pagos: SumaDelCorte;
  cancelaciones: SumaDelCorte;
  total: SumaDelCorte;
  porCanal: SumaDelCorte[];
  porOficina: SumaDelCorte[];
  porGestor: SumaDelCorte[];
}

interface CierreGuardado {
  cerradoPor: string;
  cerradoEn: Date;
  movimientos: number;
  total: Centavos;
}

export async function leerCierre(trx: Db, fecha: Fecha): Promise<CierreGuardado | null> {
  const fila = await trx
    .selectFrom('cortes_de_caja as k')
    .innerJoin('usuarios as u', 'u.id', 'k.cerrado_por')
    .select(['u.nombre', 'k.cerrado_en', 'k.movimientos', 'k.total_centavos'])
    .where('k.fecha', '=', fecha)
    .executeTakeFirst();
  return fila === undefined
    ? null
    : {
        cerradoPor: fila.nombre,
        cerradoEn: fila.cerrado_en,
        movimientos: fila.movimientos,
        total: fila.total_centavos,
      };
}

/**
 * The first of the closed days right before `dia` (the run whose late movements `dia`'s corte
 * receives), or `dia` itself when the day before is open. One query whatever the run's length.
 */
export async function inicioDelCorte(trx: Db, dia: Fecha): Promise<Fecha> {
  const anterior = sumarDias(dia, -1);
  const { rows } = await sql<{ inicio: string | null }>`
    SELECT max(k.fecha)::text AS inicio FROM cortes_de_caja k
     WHERE k.fecha <= ${anterior}
       AND NOT EXISTS (SELECT 1 FROM cortes_de_caja a WHERE a.fecha = k.fecha - 1)
       AND EXISTS (SELECT 1 FROM cortes_de_caja d WHERE d.fecha = ${anterior})
  `.execute(trx);
  return (rows[0]?.inicio ?? dia) as Fecha;
}

/**
 * A day's lines: a closed day's as its closing stored them, an open day's from the ledger
 * (its own movements, and those dated closed days right before it that arrived after their
 * closing). `alcance` null reads every credit (the closing).
 */
export async function lineasDelDia(
  trx: Db,
  dia: Fecha,
  alcance: Actor | null,
): Promise<{ cierre: CierreGuardado | null; lineas: LineaLeida[] }> {
  const cierre = await leerCierre(trx, dia);
  if (cierre !== null) return { cierre, lineas: await lineasCerradas(trx, dia, alcance) };
  return {
    cierre,
    lineas: await lineasAbiertas(trx, dia, await inicioDelCorte(trx, dia), alcance),
  };
}

const VE_TODO: ReadonlySet<Actor['rol']> = new Set(['contabilidad', 'administrador']);

/**
 * The corte de caja of a day: every line with its sign, and totals computed from those lines
 * only, so each column adds up to what is printed under it. Lists debtors' names: the read is
 * logged with the credits it showed.
 */
export async function corteDeCaja(
  trx: Db,
  fecha: Fecha,
  ctx: ContextoAutenticado,
): Promise<CorteDeCaja> {
  const { cierre, lineas } = await lineasDelDia(trx, fecha, ctx.actor);
  const totales = totalizarCorte(lineas);
  // Whoever sees every credit sees every stored line: they must add up to the closing's total.
  if (
    cierre !== null &&
    VE_TODO.has(ctx.actor.rol) &&
    (totales.total.centavos !== cierre.total || lineas.length !== cierre.movimientos)
  ) {
    throw new ErrorDominio(
      'credito_inconsistente',
      `El corte cerrado del ${fecha} no coincide con sus líneas guardadas: avisa a sistemas.`,
    );
  }
  const creditos = [...new Set(lineas.map((l) => l.creditoId))];
  const deudores = await nombresDeAcreditados(trx, creditos);
  await registrarEnBitacora(trx, origenDe(ctx), {
    accion: 'caja.corte',
    detalle: { fecha, cerrado: cierre !== null, lineas: lineas.length, creditoIds: creditos },
  });
  const json = (s: Suma) => sumaAJson(s);
  return {
    fecha,
    cierre: cierre === null ? null : { cerradoPor: cierre.cerradoPor, cerradoEn: cierre.cerradoEn },
    lineas: lineas.map((l) => ({
      folio: l.folio,
      tipo: l.tipo,
      tipoNombre: NOMBRE_TIPO[l.tipo],
      fecha: l.fecha,
      creditoId: l.creditoId,
      credito: l.credito,
      deudor: deudores.get(l.creditoId) ?? '',
      oficina: l.oficina,
      canal: l.canal,
      canalNombre: nombreDeCanal(l.canal),
      referencia: l.referencia,
      monto: formatearCentavos(l.centavos),
      registradoPor: l.registradoPor,
      estado: estadoDeLinea(l.tipo, l.cancelado),
      cancelado: l.cancelado,
      cancela: l.cancela,
      motivo: l.motivo,
      posterior: l.posterior,
    })),
    pagos: json(totales.pagos),
    cancelaciones: json(totales.cancelaciones),
    total: json(totales.total),
    porCanal: totales.porCanal.map(json),
    porOficina: totales.porOficina.map(json),
    porGestor: totales.porGestor.map(json),
  };
}
