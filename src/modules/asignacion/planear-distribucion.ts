import { createHash } from 'node:crypto';
import type { Db } from '../../db/conexion.ts';
import type { Centavos } from '../../domain/dinero.ts';
import { ErrorDominio } from '../../domain/errores.ts';
import {
  type CuentaARepartir,
  type CuentaRepartida,
  type ReglaDistribucion,
  repartir,
  textoDelPlan,
  totalesPorGestor,
} from '../../domain/gestion/distribucion.ts';
import { alcanzaObjeto } from '../autorizacion/politicas.ts';
import type { ContextoAutenticado } from '../contexto.ts';
import {
  creditosConSaldo,
  cuentasAsignables,
  type FiltroCuentas,
  saldoDeCuenta,
} from './cuentas-asignables.ts';
import { exigirGestoresDeOficina, type Gestor } from './gestores-de-oficina.ts';
import { type Oficina, oficinaDeTrabajo } from './oficina-de-trabajo.ts';

/** A body of the preview and of the distribution: the accounts by filter or by id. */
export interface PedidoDistribucion {
  filtro?: FiltroCuentas & { oficinaId?: number };
  creditoIds?: number[];
  gestorIds: number[];
  regla: ReglaDistribucion;
}

export interface PlanDistribucion {
  oficina: Oficina;
  regla: ReglaDistribucion;
  plan: CuentaRepartida[];
  porGestor: Array<{ gestor: Gestor; cuentas: number; saldo: Centavos }>;
  /** SHA-256 (hex) of the plan's canonical text: what the preview showed, proven at apply. */
  firma: string;
}

/** Past this a distribution is almost surely a filter mistake; it also bounds memory. */
export const MAXIMO_CUENTAS_POR_DISTRIBUCION = 100_000;

/**
 * Selects the accounts, checks the gestores and deals the accounts (src/domain/gestion/
 * distribucion.ts). With `bloquear` the credits are locked until the transaction ends, so that
 * a hand assignment cannot slip in between the check of the firma and the writes.
 */
export async function planearDistribucion(
  trx: Db,
  pedido: PedidoDistribucion,
  ctx: ContextoAutenticado,
  opciones: { bloquear: boolean },
): Promise<PlanDistribucion> {
  const { oficina, cuentas } =
    pedido.creditoIds === undefined
      ? await cuentasPorFiltro(trx, pedido.filtro ?? {}, ctx, opciones.bloquear)
      : await cuentasPorId(trx, pedido.creditoIds, ctx, opciones.bloquear);
  if (cuentas.length > MAXIMO_CUENTAS_POR_DISTRIBUCION) {
    throw new ErrorDominio(
      'entrada_invalida',
      `Una distribución abarca a lo más ${MAXIMO_CUENTAS_POR_DISTRIBUCION.toLocaleString('es-MX')} cuentas: acota el filtro.`,
      'filtro',
    );
  }
  const gestores = await exigirGestoresDeOficina(trx, oficina, pedido.gestorIds, 'gestorIds');
  const plan = repartir(cuentas, pedido.gestorIds, pedido.regla);
  const nombre = new Map(gestores.map((g) => [g.id, g.nombre]));
  return {
    oficina,
    regla: pedido.regla,
    plan,
    porGestor: totalesPorGestor(plan, pedido.gestorIds).map((t) => ({
      gestor: { id: t.gestorId, nombre: nombre.get(t.gestorId) ?? '' },
      cuentas: t.cuentas,
      saldo: t.saldo,
    })),
    firma: createHash('sha256').update(textoDelPlan(plan)).digest('hex'),
  };
}

async function cuentasPorFiltro(
  trx: Db,
  filtro: FiltroCuentas & { oficinaId?: number },
  ctx: ContextoAutenticado,
  bloquear: boolean,
): Promise<{ oficina: Oficina; cuentas: CuentaARepartir[] }> {
  const { oficinaId, ...resto } = filtro;
  const oficina = await oficinaDeTrabajo(trx, ctx.actor, oficinaId);
  const consulta = cuentasAsignables(trx, oficina.id, resto)
    .select(['c.id', saldoDeCuenta.as('saldo')])
    .limit(MAXIMO_CUENTAS_POR_DISTRIBUCION + 1);
  const filas = await (bloquear ? consulta.forUpdate('c') : consulta).execute();
  return { oficina, cuentas: filas.map((f) => ({ creditoId: f.id, saldo: f.saldo })) };
}

/** Chosen one by one: each must exist, be in the actor's reach and be assignable. */
async function cuentasPorId(
  trx: Db,
  ids: readonly number[],
  ctx: ContextoAutenticado,
  bloquear: boolean,
): Promise<{ oficina: Oficina; cuentas: CuentaARepartir[] }> {
  const consulta = creditosConSaldo(trx)
    .select([
      'c.id',
      'c.numero',
      'c.oficina_id',
      'c.despacho_id',
      'c.estado',
      saldoDeCuenta.as('saldo'),
    ])
    .where('c.id', 'in', [...ids])
    .orderBy('c.id');
  const filas = await (bloquear ? consulta.forUpdate('c') : consulta).execute();
  const hallados = new Set(filas.map((f) => f.id));
  const faltan = ids.filter((id) => !hallados.has(id));
  if (faltan.length > 0) {
    throw new ErrorDominio(
      'no_encontrado',
      `No existen los créditos ${lista(faltan.map(String))}.`,
      'creditoIds',
    );
  }
  if (filas.some((f) => !alcanzaObjeto(ctx.actor, { oficinaId: f.oficina_id, despachoId: null }))) {
    throw new ErrorDominio('prohibido', 'Hay créditos que no están en tu cartera.');
  }
  const oficinas = new Set(filas.map((f) => f.oficina_id));
  if (oficinas.size > 1) {
    throw new ErrorDominio(
      'entrada_invalida',
      'Los créditos son de varias oficinas: distribuye las cuentas de una oficina a la vez.',
      'creditoIds',
    );
  }
  const noAsignables = filas.filter((f) => f.estado !== 'activo' || f.despacho_id !== null);
  if (noAsignables.length > 0) {
    throw new ErrorDominio(
      'conflicto',
      `Solo se asignan créditos activos que no estén turnados a un despacho externo; no lo son: ${lista(noAsignables.map((f) => f.numero))}.`,
      'creditoIds',
    );
  }
  const primera = filas[0];
  const oficina = await oficinaDeTrabajo(
    trx,
    ctx.actor,
    primera === undefined ? undefined : primera.oficina_id,
  );
  return { oficina, cuentas: filas.map((f) => ({ creditoId: f.id, saldo: f.saldo })) };
}

/** The first few of a long list, so that a message stays readable. */
function lista(elementos: readonly string[]): string {
  const primeros = elementos.slice(0, 10).join(', ');
  return elementos.length > 10 ? `${primeros} y ${elementos.length - 10} más` : primeros;
}
