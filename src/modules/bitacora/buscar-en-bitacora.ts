import type { Db } from '../../db/conexion.ts';
import { type ContextoAutenticado, origenDe } from '../contexto.ts';
import {
  consultaBitacora,
  type FilaBitacora,
  type FiltroBitacora,
  filaBitacora,
} from './filtro-bitacora.ts';
import { registrarEnBitacora } from './registrar-en-bitacora.ts';

export const POR_PAGINA_BITACORA = 50;

export interface PaginaBitacora {
  pagina: number;
  porPagina: number;
  /** Whether an older page exists: counting a chain of millions of rows on every page is not worth it. */
  hayMas: boolean;
  filas: FilaBitacora[];
}

/** One page of the bitácora, newest first. Reading it is itself recorded, with the filter. */
export async function buscarEnBitacora(
  trx: Db,
  filtro: FiltroBitacora,
  pagina: number,
  ctx: ContextoAutenticado,
): Promise<PaginaBitacora> {
  const filas = await consultaBitacora(trx, filtro)
    .offset((pagina - 1) * POR_PAGINA_BITACORA)
    .limit(POR_PAGINA_BITACORA + 1)
    .execute();
  const hayMas = filas.length > POR_PAGINA_BITACORA;
  const vistas = filas.slice(0, POR_PAGINA_BITACORA);
  await registrarEnBitacora(trx, origenDe(ctx), {
    accion: 'bitacora.consultar',
    detalle: { ...filtro, pagina, filas: vistas.length },
  });
  return {
    pagina,
    porPagina: POR_PAGINA_BITACORA,
    hayMas,
    filas: vistas.map(filaBitacora),
  };
}
