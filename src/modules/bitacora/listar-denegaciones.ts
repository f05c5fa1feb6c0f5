import { type SqlBool, sql } from 'kysely';
import type { Db } from '../../db/conexion.ts';
import { inicioDelDia } from '../../db/dia-de-negocio.ts';
import type { Fecha } from '../../domain/fecha.ts';
import { type ContextoAutenticado, origenDe } from '../contexto.ts';
import { registrarEnBitacora } from './registrar-en-bitacora.ts';

export interface FiltroDenegaciones {
  usuario?: string;
  /** Calendar days in Hermosillo, both included. */
  desde?: Fecha;
  hasta?: Fecha;
}

/** Refusals of one user, from one address, on one route and object, within one minute. */
export interface DenegacionVista {
  minuto: string;
  usuario: string | null;
  ip: string | null;
  ruta: string;
  objetoTipo: string | null;
  objetoId: string | null;
  motivo: string;
  veces: number;
  primera: string;
  ultima: string;
}

export const POR_PAGINA_DENEGACIONES = 50;

/** The refused requests, newest minute first, as counted at the HTTP edge. Reading them is recorded. */
export async function listarDenegaciones(
  trx: Db,
  filtro: FiltroDenegaciones,
  pagina: number,
  ctx: ContextoAutenticado,
): Promise<{
  pagina: number;
  porPagina: number;
  hayMas: boolean;
  denegaciones: DenegacionVista[];
}> {
  let q = trx.selectFrom('denegaciones').selectAll();
  if (filtro.usuario !== undefined) {
    q = q.where(sql<SqlBool>`lower(usuario) = lower(${filtro.usuario})`);
  }
  if (filtro.desde !== undefined) q = q.where('minuto', '>=', inicioDelDia(filtro.desde));
  if (filtro.hasta !== undefined) q = q.where('minuto', '<', inicioDelDia(filtro.hasta, 1));
  const filas = await q
    .orderBy('minuto', 'desc')
    .orderBy('id', 'desc')
    .offset((pagina - 1) * POR_PAGINA_DENEGACIONES)
    .limit(POR_PAGINA_DENEGACIONES + 1)
    .execute();
  const vistas = filas.slice(0, POR_PAGINA_DENEGACIONES);
  await registrarEnBitacora(trx, origenDe(ctx), {
    accion: 'denegaciones.consultar',
    detalle: { ...filtro, pagina, filas: vistas.length },
  });
  return {
    pagina,
    porPagina: POR_PAGINA_DENEGACIONES,
    hayMas: filas.length > POR_PAGINA_DENEGACIONES,
    denegaciones: vistas.map((f) => ({
      minuto: f.minuto.toISOString(),
      usuario: f.usuario,
      ip: f.ip,
      ruta: f.ruta,
      objetoTipo: f.objeto_tipo,
      objetoId: f.objeto_id,
      motivo: f.motivo,
      veces: f.veces,
      primera: f.primera.toISOString(),
      ultima: f.ultima.toISOString(),
    })),
  };
}
