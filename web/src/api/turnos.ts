import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { solicitar } from './cliente.ts';
import type { Rol } from './tipos.ts';

/** Walk-ins are registered and attended by an office's staff (the server's rule). */
export const ROLES_TURNOS: readonly Rol[] = ['gestor', 'coordinador'];

import type {
  IndicadoresTurnos,
  ListaTurnos,
  MotivoTurno,
  Turno,
} from '../../../src/contrato/turnos.ts';

// The wire's shapes are the server's contract (src/contrato/turnos.ts), imported type-only.
export type {
  EstadoTurno,
  Indicador,
  IndicadoresTurnos,
  MotivoTurno,
  Turno,
} from '../../../src/contrato/turnos.ts';

/** The contract's own values (src/contrato/valores.ts: plain arrays, no zod in the bundle). */
export { MOTIVOS_TURNO } from '../../../src/contrato/valores.ts';

export type CambioTurno =
  | { evento: 'tomar' }
  | { evento: 'devolver' }
  | { evento: 'abandonar' }
  | { evento: 'cerrar'; resultado: string };

const CLAVE_TURNOS = ['turnos'] as const;

/** How the page learns of changes: pushed by the server, or asked every half minute. */
export type Actualizacion = 'conectando' | 'en_vivo' | 'reconectando' | 'periodica';

const INTERVALO_SIN_AVISOS_MS = 30_000;

export function useTurnos(fecha: string, actualizacion: Actualizacion) {
  return useQuery({
    queryKey: [...CLAVE_TURNOS, 'lista', fecha],
    queryFn: ({ signal }) =>
      solicitar<ListaTurnos>('GET', `/api/turnos?fecha=${encodeURIComponent(fecha)}`, {
        senal: signal,
      }),
    select: (r) => r.turnos,
    staleTime: 0,
    refetchInterval: actualizacion === 'en_vivo' ? false : INTERVALO_SIN_AVISOS_MS,
  });
}

export function useIndicadoresTurnos(desde: string, hasta: string, actualizacion: Actualizacion) {
  return useQuery({
    queryKey: [...CLAVE_TURNOS, 'indicadores', desde, hasta],
    queryFn: ({ signal }) =>
      solicitar<IndicadoresTurnos>(
        'GET',
        `/api/turnos/indicadores?desde=${encodeURIComponent(desde)}&hasta=${encodeURIComponent(hasta)}`,
        { senal: signal },
      ),
    staleTime: 0,
    refetchInterval: actualizacion === 'en_vivo' ? false : INTERVALO_SIN_AVISOS_MS,
  });
}

/**
 * Live queue: the server sends `turnos` each time the office's queue changes (and `listo` on
 * every connection, so a reconnect also refreshes what may have been missed). If the stream
 * cannot be opened at all, the lists fall back to asking every 30 seconds.
 */
export function useAvisosTurnos(): Actualizacion {
  const clienteConsultas = useQueryClient();
  const [estado, setEstado] = useState<Actualizacion>('conectando');
  useEffect(() => {
    if (typeof EventSource === 'undefined') {
      setEstado('periodica');
      return;
    }
    const fuente = new EventSource('/api/turnos/avisos');
    const refrescar = () => void clienteConsultas.invalidateQueries({ queryKey: CLAVE_TURNOS });
    fuente.addEventListener('listo', () => {
      setEstado('en_vivo');
      refrescar();
    });
    fuente.addEventListener('turnos', refrescar);
    fuente.onerror = () => {
      // CLOSED: the server refused the stream (no live notices here); the browser gave up.
      setEstado(fuente.readyState === EventSource.CLOSED ? 'periodica' : 'reconectando');
    };
    return () => fuente.close();
  }, [clienteConsultas]);
  return estado;
}

export function useRegistrarTurno() {
  const clienteConsultas = useQueryClient();
  return useMutation({
    mutationFn: (datos: { nombre: string; motivo: MotivoTurno }) =>
      solicitar<Turno>('POST', '/api/turnos', { cuerpo: datos }),
    onSuccess: () => clienteConsultas.invalidateQueries({ queryKey: CLAVE_TURNOS }),
  });
}

export function useCambiarTurno() {
  const clienteConsultas = useQueryClient();
  return useMutation({
    mutationFn: ({ id, cambio }: { id: number; cambio: CambioTurno }) =>
      solicitar<Turno>('POST', `/api/turnos/${id}/eventos`, { cuerpo: cambio }),
    onSettled: () => clienteConsultas.invalidateQueries({ queryKey: CLAVE_TURNOS }),
  });
}

export function useVincularPersona() {
  const clienteConsultas = useQueryClient();
  return useMutation({
    mutationFn: ({ id, personaId }: { id: number; personaId: number }) =>
      solicitar<Turno>('PUT', `/api/turnos/${id}/persona`, { cuerpo: { personaId } }),
    onSuccess: () => clienteConsultas.invalidateQueries({ queryKey: CLAVE_TURNOS }),
  });
}

/** The current instant, renewed every `ms`: waiting times keep counting on an idle screen. */
export function useAhora(ms = 30_000): Date {
  const [ahora, setAhora] = useState(() => new Date());
  useEffect(() => {
    const intervalo = setInterval(() => setAhora(new Date()), ms);
    return () => clearInterval(intervalo);
  }, [ms]);
  return ahora;
}
