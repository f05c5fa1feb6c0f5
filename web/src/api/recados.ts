import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { solicitar } from './cliente.ts';
import type { DatosGestion } from './gestiones.ts';
import type { Rol } from './tipos.ts';

/** Whoever answers the phone takes a message (everyone but the external lawyer). */
export const ROLES_RECADOS: readonly Rol[] = [
  'gestor',
  'coordinador',
  'contabilidad',
  'administrador',
];

/** A recado is attended with a gestión, which only the office's staff log. */
export const ROLES_ATENDER_RECADOS: readonly Rol[] = ['gestor', 'coordinador'];

import type { Recado, RecadoAtendido, RecadosDelUsuario } from '../../../src/contrato/recados.ts';

// The wire's shapes are the server's contract (src/contrato/recados.ts), imported type-only.
export type {
  EstadoRecado,
  Recado,
  RecadoAtendido,
  RecadosDelUsuario,
} from '../../../src/contrato/recados.ts';

export interface DatosRecado {
  creditoId?: number;
  personaId?: number;
  llamanteNombre: string;
  llamanteTelefono?: string;
  /** Omitted: the account's gestor. */
  paraId?: number;
  mensaje: string;
  volverALlamar?: string;
}

const CLAVE_RECADOS = ['recados'] as const;

/** Without live notices the list is asked this often (each read is written to the bitácora). */
export const INTERVALO_SIN_AVISOS_MS = 60_000;

/**
 * The user's recados and the count of new ones. Kept current by the live notices
 * (`useAvisosRecados`); `intervalo` asks again periodically only while they are down.
 */
export function useRecados(intervalo: number | false = false, habilitada = true) {
  return useQuery({
    queryKey: CLAVE_RECADOS,
    queryFn: ({ signal }) => solicitar<RecadosDelUsuario>('GET', '/api/recados', { senal: signal }),
    staleTime: 0,
    refetchInterval: intervalo,
    enabled: habilitada,
  });
}

/**
 * Live recados: the server sends `recados` each time one of this user's changes (a new one,
 * one escalated to him); the list is then asked again. On (re)connection it is asked too, in
 * case a notice was missed while the stream was down.
 */
export function useAvisosRecados(habilitado: boolean): boolean {
  const clienteConsultas = useQueryClient();
  const [enVivo, setEnVivo] = useState(false);
  useEffect(() => {
    if (!habilitado || typeof EventSource === 'undefined') return;
    const fuente = new EventSource('/api/recados/avisos');
    const refrescar = () => void clienteConsultas.invalidateQueries({ queryKey: CLAVE_RECADOS });
    fuente.addEventListener('listo', () => {
      setEnVivo(true);
      refrescar();
    });
    fuente.addEventListener('recados', refrescar);
    // The browser reconnects by itself; meanwhile (or if it gave up) the list is polled.
    fuente.onerror = () => setEnVivo(false);
    return () => {
      fuente.close();
      setEnVivo(false);
    };
  }, [clienteConsultas, habilitado]);
  return enVivo;
}

export function useTomarRecado() {
  const clienteConsultas = useQueryClient();
  return useMutation({
    mutationFn: (datos: DatosRecado) =>
      solicitar<Recado>('POST', '/api/recados', { cuerpo: datos }),
    onSuccess: () => clienteConsultas.invalidateQueries({ queryKey: CLAVE_RECADOS }),
  });
}

export function useMarcarLeido() {
  const clienteConsultas = useQueryClient();
  return useMutation({
    mutationFn: (id: number) =>
      solicitar<Recado>('POST', `/api/recados/${id}/lectura`, { cuerpo: {} }),
    onSettled: () => clienteConsultas.invalidateQueries({ queryKey: CLAVE_RECADOS }),
  });
}

export function useAtenderRecado() {
  const clienteConsultas = useQueryClient();
  return useMutation({
    mutationFn: ({
      id,
      gestion,
      creditoId,
    }: {
      id: number;
      /** The gestión that answers it (the recado is named by the route). */
      gestion: Omit<DatosGestion, 'recadoId'>;
      /** Only when the recado names no credit. */
      creditoId: number | null;
    }) =>
      solicitar<RecadoAtendido>('POST', `/api/recados/${id}/atencion`, {
        cuerpo: creditoId === null ? gestion : { ...gestion, creditoId },
      }),
    onSuccess: (_, { creditoId }) =>
      Promise.all([
        clienteConsultas.invalidateQueries({ queryKey: CLAVE_RECADOS }),
        creditoId === null
          ? undefined
          : clienteConsultas.invalidateQueries({ queryKey: ['creditos', creditoId] }),
      ]),
  });
}
