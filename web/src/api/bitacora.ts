import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { PaginaBitacora, PaginaDenegaciones } from '../../../src/contrato/bitacora.ts';
import { solicitar } from './cliente.ts';
import type { Rol } from './tipos.ts';

// The wire's shapes are the server's contract (src/contrato/bitacora.ts), imported type-only.
export type {
  Denegacion,
  FilaBitacora,
  PaginaBitacora,
  PaginaDenegaciones,
} from '../../../src/contrato/bitacora.ts';

/** The server's rule (bitacora.consultar in src/modules/autorizacion/politicas.ts). */
export const ROLES_BITACORA: readonly Rol[] = ['administrador'];

/** The action the server records for a refused request. */
export const ACCION_DENEGADA = 'acceso.denegado';

/** The search, as the page keeps it in the address; empty text means «no filter». */
export interface FiltroBitacora {
  usuario: string;
  /** `pago.registrar` exactly, or `pago` for every `pago.*`. */
  accion: string;
  creditoId: string;
  personaId: string;
  /** `aaaa-mm-dd`, days in Hermosillo, both included. */
  desde: string;
  hasta: string;
}

export const FILTRO_BITACORA_VACIO: FiltroBitacora = {
  usuario: '',
  accion: '',
  creditoId: '',
  personaId: '',
  desde: '',
  hasta: '',
};

type Campo = keyof FiltroBitacora;

function consulta(filtro: FiltroBitacora, campos: readonly Campo[], pagina?: number): string {
  const p = new URLSearchParams();
  for (const campo of campos) {
    const valor = filtro[campo].trim();
    if (valor !== '') p.set(campo, valor);
  }
  if (pagina !== undefined && pagina > 1) p.set('pagina', String(pagina));
  return p.toString();
}

const CAMPOS_BITACORA: readonly Campo[] = [
  'usuario',
  'accion',
  'creditoId',
  'personaId',
  'desde',
  'hasta',
];
/** The refusals are searched by who and when only. */
export const CAMPOS_DENEGACIONES: readonly Campo[] = ['usuario', 'desde', 'hasta'];

export function useBitacora(filtro: FiltroBitacora, pagina: number, habilitada: boolean) {
  return useQuery({
    queryKey: ['bitacora', filtro, pagina],
    queryFn: ({ signal }) =>
      solicitar<PaginaBitacora>(
        'GET',
        `/api/bitacora?${consulta(filtro, CAMPOS_BITACORA, pagina)}`,
        { senal: signal },
      ),
    enabled: habilitada,
    placeholderData: keepPreviousData,
  });
}

export function useDenegaciones(filtro: FiltroBitacora, pagina: number, habilitada: boolean) {
  return useQuery({
    queryKey: ['denegaciones', filtro.usuario, filtro.desde, filtro.hasta, pagina],
    queryFn: ({ signal }) =>
      solicitar<PaginaDenegaciones>(
        'GET',
        `/api/denegaciones?${consulta(filtro, CAMPOS_DENEGACIONES, pagina)}`,
        { senal: signal },
      ),
    enabled: habilitada,
    placeholderData: keepPreviousData,
  });
}

/** The whole search (every page) as a CSV file for Excel. */
export function urlBitacoraCsv(filtro: FiltroBitacora): string {
  const q = consulta(filtro, CAMPOS_BITACORA);
  return q === '' ? '/api/bitacora.csv' : `/api/bitacora.csv?${q}`;
}
