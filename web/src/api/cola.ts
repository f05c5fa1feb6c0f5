import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { solicitar } from './cliente.ts';
import type { Bucket } from './creditos.ts';
import type { Rol } from './tipos.ts';

/** Who works a queue of accounts: the gestor his own, the coordinador any of his office's. */
export const ROLES_COLA: readonly Rol[] = ['gestor', 'coordinador'];

/** Why an account is in the queue today: the server writes the text users read. */
export interface MotivoCola {
  clave: string;
  texto: string;
}

export interface ProximaAccion {
  tipo: TipoProximaAccion;
  fecha: string;
}

export type TipoProximaAccion =
  | 'llamar'
  | 'visitar'
  | 'cita'
  | 'enviar_carta'
  | 'esperar_pago'
  | 'revisar';

export const NOMBRE_PROXIMA_ACCION: Record<TipoProximaAccion, string> = {
  llamar: 'Llamar',
  visitar: 'Visitar',
  cita: 'Cita en oficina',
  enviar_carta: 'Enviar carta',
  esperar_pago: 'Esperar pago',
  revisar: 'Revisar',
};

export interface PersonaBreve {
  id: number;
  nombre: string;
}

export interface CuentaEnCola {
  creditoId: number;
  numero: string;
  acreditado: string;
  motivos: MotivoCola[];
  /** The documented score (expected recovery × urgency): higher first. */
  puntaje: number;
  proximaAccion: ProximaAccion | null;
  /** Null until an aging snapshot includes the account. */
  saldoExigible: string | null;
  bucket: Bucket | null;
  /** Someone else pressed «Siguiente cuenta» on it a few minutes ago. */
  tomadaPor: PersonaBreve | null;
}

export interface Cola {
  /** Whose queue it is (the coordinador may read a gestor's). */
  gestor: PersonaBreve;
  /** All the accounts of the queue; `cuentas` holds the first ones (200). */
  total: number;
  /** Of the `total` accounts, those with a gestión started today (the day's progress). */
  gestionadasHoy: number;
  cuentas: CuentaEnCola[];
}

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
      solicitar<Omit<Cola, 'gestor'>>('GET', conGestor('/api/cola/huerfanas', gestorId), {
        senal: signal,
      }),
    enabled: habilitada,
    staleTime: 0,
    placeholderData: keepPreviousData,
  });
}

export interface CuentaTomada {
  cuenta: CuentaEnCola | null;
  /** Until when it is this user's alone (instant); null when there was none to take. */
  hasta: string | null;
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
