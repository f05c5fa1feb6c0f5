import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Agenda, TipoEventoAgenda } from '../../../src/contrato/agenda.ts';
import { solicitar } from './cliente.ts';
import type { Rol } from './tipos.ts';

// The wire's shapes are the server's contract (src/contrato/agenda.ts), imported type-only.
export type { Agenda, EventoAgenda, TipoEventoAgenda } from '../../../src/contrato/agenda.ts';

export const ROLES_AGENDA: readonly Rol[] = ['gestor', 'coordinador'];

/** The server answers at most this many days at once. */
export const DIAS_MAXIMOS_AGENDA = 31;

export const NOMBRE_EVENTO_AGENDA: Record<TipoEventoAgenda, string> = {
  llamada: 'Llamada',
  visita: 'Visita',
  cita: 'Cita en oficina',
  promesa: 'Promesa de pago',
  pago_convenio: 'Pago de convenio',
  recado: 'Recado',
};

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
