import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { solicitar } from './cliente.ts';
import type { Rol } from './tipos.ts';

/** Who may see the aging summary and who may start a recalculation (the server's rules). */
export const ROLES_RESUMEN_ANTIGUEDAD: readonly Rol[] = [
  'gestor',
  'coordinador',
  'contabilidad',
  'administrador',
];
export const ROLES_RECALCULAR_ANTIGUEDAD: readonly Rol[] = ['coordinador', 'administrador'];

import type { ResumenAntiguedad } from '../../../src/contrato/antiguedad.ts';
import type { EstadoTrabajo, Trabajo } from '../../../src/contrato/comun.ts';

// The wire's shapes are the server's contract (src/contrato/), imported type-only.
export type { ResumenAntiguedad } from '../../../src/contrato/antiguedad.ts';
export type { EstadoTrabajo, Trabajo } from '../../../src/contrato/comun.ts';

const CLAVE_RESUMEN = ['antiguedad', 'resumen'] as const;

export function esTrabajoTerminal(estado: EstadoTrabajo): boolean {
  return estado === 'terminado' || estado === 'fallido' || estado === 'cancelado';
}

export function useResumenAntiguedad(habilitada: boolean) {
  return useQuery({
    queryKey: CLAVE_RESUMEN,
    queryFn: ({ signal }) =>
      solicitar<ResumenAntiguedad>('GET', '/api/antiguedad/resumen', { senal: signal }),
    enabled: habilitada,
  });
}

export function useRecalcularAntiguedad() {
  return useMutation({
    mutationFn: () => solicitar<{ trabajo: string }>('POST', '/api/antiguedad', { cuerpo: {} }),
  });
}

/**
 * Follows a recalculation job every second until it ends; then the summary and the portfolio
 * list are refreshed, since both show the snapshot it wrote.
 */
export function useTrabajoAntiguedad(id: string | null) {
  const clienteConsultas = useQueryClient();
  return useQuery({
    queryKey: ['antiguedad', 'trabajo', id],
    queryFn: async ({ signal }) => {
      const trabajo = await solicitar<Trabajo>('GET', `/api/antiguedad/trabajos/${id ?? ''}`, {
        senal: signal,
      });
      if (esTrabajoTerminal(trabajo.estado)) {
        await Promise.all([
          clienteConsultas.invalidateQueries({ queryKey: CLAVE_RESUMEN }),
          clienteConsultas.invalidateQueries({ queryKey: ['creditos', 'lista'] }),
        ]);
      }
      return trabajo;
    },
    enabled: id !== null,
    staleTime: 0,
    refetchInterval: (consulta) => {
      if (consulta.state.status === 'error') return false;
      const estado = consulta.state.data?.estado;
      return estado !== undefined && esTrabajoTerminal(estado) ? false : 1000;
    },
  });
}

/** The job's own summary, `{ fecha, creditos, conError: [...] }`, read defensively. */
export function resultadoDeTrabajo(
  resultado: unknown,
): { fecha: string; creditos: number; conError: number } | null {
  if (typeof resultado !== 'object' || resultado === null) return null;
  const r = resultado as Record<string, unknown>;
  if (typeof r.fecha !== 'string' || typeof r.creditos !== 'number') return null;
  return {
    fecha: r.fecha,
    creditos: r.creditos,
    conError: Array.isArray(r.conError) ? r.conError.length : 0,
  };
}
