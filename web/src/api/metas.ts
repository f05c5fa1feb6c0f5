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

export interface ObjetivoDeItem {
  /** Recuperación in decimal pesos ("150000.00"); the counts as integer text ("120"). */
  meta: string;
  /** pg's numeric(6,2): "40.00". */
  peso: string;
}

export type ItemsDeMeta = Partial<Record<ItemMeta, ObjetivoDeItem>>;

export interface OficinaDeMeta {
  id: number;
  clave: string;
  nombre: string;
}

export interface GestorDeMeta {
  id: number;
  usuario: string;
  nombre: string;
}

/** A version of a goal: what it asks for, why, who set it and when. */
export interface VersionDeMeta {
  version: number;
  items: ItemsDeMeta;
  motivo: string | null;
  registradaPor: { id: number; nombre: string };
  /** ISO instant. */
  registrada: string;
}

/** One subject's current goal for the month; no goal yet: version null. */
export interface MetaEnLista {
  oficina: OficinaDeMeta;
  /** null: the office's own goal. */
  gestor: GestorDeMeta | null;
  version: number | null;
  items: ItemsDeMeta;
  motivo: string | null;
  registradaPor: { id: number; nombre: string } | null;
  registrada: string | null;
}

/** PUT's answer: the subject's goal now; `cambio` false when it already asked for that. */
export interface MetaDefinida extends MetaEnLista {
  cambio: boolean;
}

export interface MetasDelMes {
  mes: string;
  metas: MetaEnLista[];
}

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

export interface HistorialDeMeta {
  mes: string;
  oficina: OficinaDeMeta;
  gestor: GestorDeMeta | null;
  /** Newest first; empty when no goal was ever set for the month. */
  versiones: VersionDeMeta[];
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

export interface ErrorDeFilaMetas {
  fila: number;
  columna: string;
  mensaje: string;
}

/** Nothing is written when a row is wrong: the 422 lists every error. */
export type ResultadoImportacionMetas =
  | { importadas: number; sinCambios: number }
  | { errores: ErrorDeFilaMetas[] };

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
