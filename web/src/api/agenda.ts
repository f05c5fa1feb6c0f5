import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { solicitar } from './cliente.ts';
import type { Rol } from './tipos.ts';

export const ROLES_AGENDA: readonly Rol[] = ['gestor', 'coordinador'];

/** The server answers at most this many days at once. */
export const DIAS_MAXIMOS_AGENDA = 31;

export type TipoEventoAgenda =
  | 'llamada'
  | 'visita'
  | 'cita'
  | 'promesa'
  | 'pago_convenio'
  | 'recado';

export const NOMBRE_EVENTO_AGENDA: Record<TipoEventoAgenda, string> = {
  llamada: 'Llamada',
  visita: 'Visita',
  cita: 'Cita en oficina',
  promesa: 'Promesa de pago',
  pago_convenio: 'Pago de convenio',
  recado: 'Recado',
};

export interface EventoAgenda {
  tipo: TipoEventoAgenda;
  fecha: string;
  /** `HH:MM` Hermosillo time, when the event has one (a recado's callback). */
  hora?: string;
  /** Null for a recado about no credit. */
  creditoId: number | null;
  numero: string | null;
  acreditado: string | null;
  descripcion: string;
  /** The recado to answer, on a callback. */
  recadoId?: number;
}

export interface Agenda {
  gestor: { id: number; nombre: string };
  desde: string;
  hasta: string;
  eventos: EventoAgenda[];
}

/** A gestor's events from `desde` to `hasta` (dates, inclusive); his own when `gestorId` is null. */
export function useAgenda(desde: string, hasta: string, gestorId: number | null) {
  const parametros = new URLSearchParams({ desde, hasta });
  if (gestorId !== null) parametros.set('gestorId', String(gestorId));
  return useQuery({
    queryKey: ['agenda', desde, hasta, gestorId],
    queryFn: ({ signal }) =>
      solicitar<Agenda>('GET', `/api/agenda?${parametros.toString()}`, { senal: signal }),
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
}
