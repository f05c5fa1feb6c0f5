import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { solicitar } from './cliente.ts';
import type { Bucket } from './creditos.ts';
import type { Rol } from './tipos.ts';

/** Who decides which gestor holds each account (the server's rule, docs/gestion.md). */
export const ROLES_ASIGNACION: readonly Rol[] = ['coordinador', 'administrador'];

/** Who reads a credit's assignment history (everyone who sees the credit but the law firm). */
export const ROLES_HISTORIAL_ASIGNACION: readonly Rol[] = [
  'gestor',
  'coordinador',
  'contabilidad',
  'administrador',
];

import type {
  Asignacion,
  AsignacionHecha,
  DistribucionAplicada,
  Gestor,
  PaginaCuentas,
  Suplencia,
  VistaPreviaDistribucion as VistaPrevia,
} from '../../../src/contrato/asignacion.ts';

// The wire's shapes are the server's contract (src/contrato/asignacion.ts), imported type-only.
export type {
  Asignacion,
  AsignacionHecha,
  CuentaAsignable,
  DistribucionAplicada,
  Gestor,
  PaginaCuentas,
  Referencia,
  RepartoPorGestor,
  Suplencia,
  VistaPreviaDistribucion as VistaPrevia,
} from '../../../src/contrato/asignacion.ts';

/** Amounts travel as decimal strings `"1234.56"`: read them with `centavosDe`. */
type Monto = string;

/** The list's filters, as the page keeps them (and the address too). */
export interface FiltroCuentas {
  /** Required for the administrador; the server forces the coordinador's own office. */
  oficinaId: number | null;
  bucket: Bucket | null;
  saldoMin: Monto | null;
  saldoMax: Monto | null;
  municipio: string;
  nuncaContactado: boolean;
  sinAsignar: boolean;
  gestorId: number | null;
}

/** The filter as the API reads it in a body: only the filters in use. */
export interface FiltroEnCuerpo {
  oficinaId?: number;
  bucket?: Bucket;
  saldoMin?: Monto;
  saldoMax?: Monto;
  municipio?: string;
  nuncaContactado?: true;
  sinAsignar?: true;
  gestorId?: number;
}

export function filtroEnCuerpo(f: FiltroCuentas): FiltroEnCuerpo {
  const r: FiltroEnCuerpo = {};
  if (f.oficinaId !== null) r.oficinaId = f.oficinaId;
  if (f.bucket !== null) r.bucket = f.bucket;
  if (f.saldoMin !== null) r.saldoMin = f.saldoMin;
  if (f.saldoMax !== null) r.saldoMax = f.saldoMax;
  if (f.municipio.trim() !== '') r.municipio = f.municipio.trim();
  if (f.nuncaContactado) r.nuncaContactado = true;
  if (f.sinAsignar) r.sinAsignar = true;
  if (f.gestorId !== null) r.gestorId = f.gestorId;
  return r;
}

function consultaCuentas(f: FiltroCuentas, pagina: number): string {
  const p = new URLSearchParams();
  for (const [clave, valor] of Object.entries(filtroEnCuerpo(f))) p.set(clave, String(valor));
  p.set('pagina', String(pagina));
  return p.toString();
}

const CLAVE_ASIGNACION = ['asignacion'] as const;

export function useCuentasAsignables(filtro: FiltroCuentas, pagina: number, habilitada: boolean) {
  return useQuery({
    queryKey: [...CLAVE_ASIGNACION, 'cuentas', filtro, pagina],
    queryFn: ({ signal }) =>
      solicitar<PaginaCuentas>(
        'GET',
        `/api/asignacion/cuentas?${consultaCuentas(filtro, pagina)}`,
        {
          senal: signal,
        },
      ),
    enabled: habilitada,
    // The previous page stays on screen (dimmed) while the next one arrives.
    placeholderData: keepPreviousData,
  });
}

/** Active gestores and coordinadores of an office (a gestor or coordinador: his own). */
export function useGestores(oficinaId: number | null, habilitada = true) {
  return useQuery({
    queryKey: ['gestores', oficinaId],
    queryFn: ({ signal }) =>
      solicitar<{ gestores: Gestor[] }>(
        'GET',
        oficinaId === null ? '/api/gestores' : `/api/gestores?oficinaId=${oficinaId}`,
        { senal: signal },
      ),
    select: (r) => r.gestores,
    enabled: habilitada,
  });
}

function invalidarAsignacion(clienteConsultas: ReturnType<typeof useQueryClient>) {
  return Promise.all([
    clienteConsultas.invalidateQueries({ queryKey: CLAVE_ASIGNACION }),
    clienteConsultas.invalidateQueries({ queryKey: ['gestores'] }),
    clienteConsultas.invalidateQueries({ queryKey: ['creditos'] }),
  ]);
}

/**
 * Hands the chosen accounts to one gestor, one `PUT` each, in order: a failure stops the rest
 * and says how many were already assigned.
 */
export function useAsignarAMano() {
  const clienteConsultas = useQueryClient();
  return useMutation({
    mutationFn: async ({
      creditoIds,
      gestorId,
      motivo,
    }: {
      creditoIds: readonly number[];
      gestorId: number;
      motivo: string | null;
    }) => {
      const hechas: AsignacionHecha[] = [];
      for (const id of creditoIds) {
        try {
          hechas.push(
            await solicitar<AsignacionHecha>('PUT', `/api/creditos/${id}/gestor`, {
              cuerpo: motivo === null ? { gestorId } : { gestorId, motivo },
            }),
          );
        } catch (error) {
          throw new AsignacionIncompleta(hechas.length, error);
        }
      }
      return hechas;
    },
    onSettled: () => invalidarAsignacion(clienteConsultas),
  });
}

/** A hand assignment that failed part way: `hechas` accounts had been assigned before. */
export class AsignacionIncompleta extends Error {
  override readonly name = 'AsignacionIncompleta';
  constructor(
    readonly hechas: number,
    readonly causa: unknown,
  ) {
    super('asignación incompleta');
  }
}

export type Regla = 'cuentas' | 'saldo';

export type SolicitudDistribucion = (
  | { filtro: FiltroEnCuerpo; creditoIds?: never }
  | { creditoIds: number[]; filtro?: never }
) & { gestorIds: number[]; regla: Regla };

export function useVistaPrevia() {
  return useMutation({
    mutationFn: (solicitud: SolicitudDistribucion) =>
      solicitar<VistaPrevia>('POST', '/api/asignacion/vista-previa', { cuerpo: solicitud }),
  });
}

export function useDistribuir() {
  const clienteConsultas = useQueryClient();
  return useMutation({
    mutationFn: (solicitud: SolicitudDistribucion & { firma: string }) =>
      solicitar<DistribucionAplicada>('POST', '/api/asignacion/distribucion', {
        cuerpo: solicitud,
      }),
    onSettled: () => invalidarAsignacion(clienteConsultas),
  });
}

export function useAsignacionesDeCredito(creditoId: number) {
  return useQuery({
    queryKey: ['creditos', creditoId, 'asignaciones'],
    queryFn: ({ signal }) =>
      solicitar<{ asignaciones: Asignacion[] }>('GET', `/api/creditos/${creditoId}/asignaciones`, {
        senal: signal,
      }),
    select: (r) => r.asignaciones,
  });
}

const CLAVE_SUPLENCIAS = ['suplencias'] as const;

export function useSuplencias(vigentes: boolean) {
  return useQuery({
    queryKey: [...CLAVE_SUPLENCIAS, vigentes],
    queryFn: ({ signal }) =>
      solicitar<{ suplencias: Suplencia[] }>(
        'GET',
        vigentes ? '/api/suplencias?vigentes=true' : '/api/suplencias',
        { senal: signal },
      ),
    select: (r) => r.suplencias,
  });
}

export interface DatosSuplencia {
  titularId: number;
  suplenteId: number;
  desde: string;
  hasta: string;
  motivo: string;
}

export function useCrearSuplencia() {
  const clienteConsultas = useQueryClient();
  return useMutation({
    mutationFn: (datos: DatosSuplencia) =>
      solicitar<Suplencia>('POST', '/api/suplencias', { cuerpo: datos }),
    onSuccess: () => clienteConsultas.invalidateQueries({ queryKey: CLAVE_SUPLENCIAS }),
  });
}

export function useCancelarSuplencia() {
  const clienteConsultas = useQueryClient();
  return useMutation({
    mutationFn: (id: number) =>
      solicitar<Suplencia>('POST', `/api/suplencias/${id}/cancelacion`, { cuerpo: {} }),
    onSuccess: () => clienteConsultas.invalidateQueries({ queryKey: CLAVE_SUPLENCIAS }),
  });
}
