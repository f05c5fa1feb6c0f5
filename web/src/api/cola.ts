import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { solicitar } from './cliente.ts';
import type { Rol } from './tipos.ts';

/** Who works a queue of accounts: the gestor his own, the coordinador any of his office's. */
export const ROLES_COLA: readonly Rol[] = ['gestor', 'coordinador'];

import type {
  Cola,
  CuentaTomada,
  Huerfanas,
  TipoProximaAccion,
} from '../../../src/contrato/cola.ts';

// The wire's shapes are the server's contract (src/contrato/cola.ts), imported type-only.
export type {
  Cola,
  CuentaEnCola,
  CuentaTomada,
  Huerfanas,
  MotivoCola,
  PersonaBreve,
  ProximaAccion,
  TipoProximaAccion,
} from '../../../src/contrato/cola.ts';

export const NOMBRE_PROXIMA_ACCION: Record<TipoProximaAccion, string> = {
  llamar: 'Llamar',
  visitar: 'Visitar',
  cita: 'Cita en oficina',
  enviar_carta: 'Enviar carta',
  esperar_pago: 'Esperar pago',
  revisar: 'Revisar',
};

export interface GestorDeOficina {
  id: number;
  nombre: string;
  rol: Rol;
  cuentas: number;
}

const CLAVE_COLA = ['cola'] as const;

function conGestor(ruta: string, gestorId: number | null): string {
  return gestorId === null ? ruta : `${ruta}?gestorId=${gestorId}`;
}

/** A gestor's queue (his own when `gestorId` is null), ranked by the server. */
export function useCola(gestorId: number | null) {
  return useQuery({
    queryKey: [...CLAVE_COLA, 'cuentas', gestorId],
    queryFn: ({ signal }) =>
      solicitar<Cola>('GET', conGestor('/api/cola', gestorId), { senal: signal }),
    // A payment or a gestión elsewhere changes the ranking: ask again whenever it is shown.
    staleTime: 0,
    placeholderData: keepPreviousData,
  });
}

/** Accounts assigned without a next action: nobody will come back to them unless listed. */
export function useHuerfanas(gestorId: number | null, habilitada: boolean) {
  return useQuery({
    queryKey: [...CLAVE_COLA, 'huerfanas', gestorId],
    queryFn: ({ signal }) =>
      solicitar<Huerfanas>('GET', conGestor('/api/cola/huerfanas', gestorId), {
        senal: signal,
      }),
    enabled: habilitada,
    staleTime: 0,
    placeholderData: keepPreviousData,
  });
}

/** «Siguiente cuenta»: the top account not taken by another, exclusively for a few minutes. */
export function useTomarSiguiente() {
  const clienteConsultas = useQueryClient();
  return useMutation({
    mutationFn: () => solicitar<CuentaTomada>('POST', '/api/cola/siguiente'),
    onSuccess: () => clienteConsultas.invalidateQueries({ queryKey: CLAVE_COLA }),
  });
}

/** The active gestores and coordinadores of the user's office, for the coordinador's choice. */
export function useGestoresDeMiOficina(habilitada: boolean) {
  return useQuery({
    queryKey: [...CLAVE_COLA, 'gestores'],
    queryFn: ({ signal }) =>
      solicitar<{ gestores: GestorDeOficina[] }>('GET', '/api/gestores', { senal: signal }),
    select: (r) => r.gestores,
    enabled: habilitada,
    staleTime: 5 * 60_000,
  });
}
