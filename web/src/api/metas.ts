import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { solicitar } from './cliente.ts';
import { TIPO_XLSX } from './importacion.ts';
import type { ItemMeta } from './indicadores.ts';
import type { Rol } from './tipos.ts';

/**
 * Who sees the goals (`metas.consultar`: the gestor his own, read-only) and who sets them
 * (`metas.definir`: the coordinador his gestores', the administrador offices' and gestores').
 */
export const ROLES_METAS: readonly Rol[] = ['gestor', 'coordinador', 'administrador'];
export const ROLES_DEFINIR_METAS: readonly Rol[] = ['coordinador', 'administrador'];

import type {
  HistorialDeMeta,
  MetaDefinida,
  MetasDelMes,
  ResultadoImportacionMetas,
} from '../../../src/contrato/metas.ts';

// The wire's shapes are the server's contract (src/contrato/metas.ts), imported type-only.
export type {
  ErrorDeFilaMetas,
  GestorDeMeta,
  HistorialDeMeta,
  ItemsDeMeta,
  MetaDefinida,
  MetaEnLista,
  MetasDelMes,
  ObjetivoDeItem,
  OficinaDeMeta,
  ResultadoImportacionMetas,
  VersionDeMeta,
} from '../../../src/contrato/metas.ts';

/** What PUT sends per item: the amount as decimal text, a count as an integer. */
export interface ObjetivoEnviado {
  meta: string | number;
  peso: string;
}

export interface CuerpoMeta {
  gestorId?: number;
  oficinaId?: number;
  items: Partial<Record<ItemMeta, ObjetivoEnviado>>;
  motivo?: string;
}

const CLAVE_METAS = ['metas'] as const;

export function useMetas(mes: string) {
  return useQuery({
    queryKey: [...CLAVE_METAS, 'mes', mes],
    queryFn: ({ signal }) =>
      solicitar<MetasDelMes>('GET', `/api/metas?mes=${encodeURIComponent(mes)}`, {
        senal: signal,
      }),
  });
}

export type SujetoPedido = { gestorId: number } | { oficinaId: number };

/** Every version of one gestor's or office's goal for a month. */
export function useHistorialMeta(mes: string, sujeto: SujetoPedido | null) {
  return useQuery({
    queryKey: [...CLAVE_METAS, 'historial', mes, sujeto],
    queryFn: ({ signal }) => {
      const p = new URLSearchParams({ mes });
      if (sujeto !== null && 'gestorId' in sujeto) p.set('gestorId', String(sujeto.gestorId));
      if (sujeto !== null && 'oficinaId' in sujeto) p.set('oficinaId', String(sujeto.oficinaId));
      return solicitar<HistorialDeMeta>('GET', `/api/metas/historial?${p.toString()}`, {
        senal: signal,
      });
    },
    enabled: sujeto !== null,
  });
}

export function useGuardarMeta(mes: string) {
  const clienteConsultas = useQueryClient();
  return useMutation({
    mutationFn: (cuerpo: CuerpoMeta) =>
      solicitar<MetaDefinida>('PUT', `/api/metas/${encodeURIComponent(mes)}`, { cuerpo }),
    onSuccess: () =>
      Promise.all([
        clienteConsultas.invalidateQueries({ queryKey: CLAVE_METAS }),
        clienteConsultas.invalidateQueries({ queryKey: ['indicadores'] }),
      ]),
  });
}

export function useImportarMetas(mes: string) {
  const clienteConsultas = useQueryClient();
  return useMutation({
    mutationFn: (archivo: File) =>
      solicitar<ResultadoImportacionMetas>(
        'POST',
        `/api/metas/importar?mes=${encodeURIComponent(mes)}`,
        { cuerpoBinario: { datos: archivo, tipo: TIPO_XLSX }, aceptarEstados: [422] },
      ),
    onSuccess: () => clienteConsultas.invalidateQueries({ queryKey: CLAVE_METAS }),
  });
}

export function urlExportarMetas(mes: string): string {
  return `/api/metas/exportar.xlsx?mes=${encodeURIComponent(mes)}`;
}
