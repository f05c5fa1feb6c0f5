import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { solicitar } from './cliente.ts';
import type { Rol } from './tipos.ts';

/** The administrador keeps the results catalogue and the contact rules' parameters. */
export const ROLES_CONFIGURACION_GESTION: readonly Rol[] = ['administrador'];

import type {
  CatalogoResultados,
  ParametrosGestion,
  ResultadoGestion,
} from '../../../src/contrato/gestion.ts';

// The wire's shapes are the server's contract (src/contrato/gestion.ts), imported type-only.
export type { ParametrosGestion, ResultadoGestion } from '../../../src/contrato/gestion.ts';

const CLAVE_RESULTADOS = ['resultados-gestion'] as const;

/** The active results (what a gestión may choose); with `incluirInactivos`, the whole catalogue. */
export function useResultadosGestion(incluirInactivos = false) {
  return useQuery({
    queryKey: incluirInactivos ? [...CLAVE_RESULTADOS, 'todos'] : CLAVE_RESULTADOS,
    queryFn: ({ signal }) =>
      solicitar<CatalogoResultados>(
        'GET',
        incluirInactivos ? '/api/resultados-gestion?inactivos=true' : '/api/resultados-gestion',
        { senal: signal },
      ),
    select: (r) => r.resultados,
    staleTime: 5 * 60 * 1000,
  });
}

/**
 * A new result is active; it is deactivated later, never deleted. Without `orden` it goes
 * after the catalogue's usual ones (100).
 */
export type DatosResultado = Omit<ResultadoGestion, 'id' | 'activo' | 'orden'> & {
  orden?: number;
};

export function useCrearResultado() {
  const clienteConsultas = useQueryClient();
  return useMutation({
    mutationFn: (datos: DatosResultado) =>
      solicitar<ResultadoGestion>('POST', '/api/resultados-gestion', { cuerpo: datos }),
    onSuccess: () => clienteConsultas.invalidateQueries({ queryKey: CLAVE_RESULTADOS }),
  });
}

export function useEditarResultado() {
  const clienteConsultas = useQueryClient();
  return useMutation({
    mutationFn: ({
      id,
      cambios,
    }: {
      id: number;
      cambios: Partial<Omit<ResultadoGestion, 'id' | 'clave'>>;
    }) =>
      solicitar<ResultadoGestion>('PATCH', `/api/resultados-gestion/${id}`, { cuerpo: cambios }),
    onSuccess: () => clienteConsultas.invalidateQueries({ queryKey: CLAVE_RESULTADOS }),
  });
}

const CLAVE_PARAMETROS = ['gestion', 'parametros'] as const;

export function useParametrosGestion() {
  return useQuery({
    queryKey: CLAVE_PARAMETROS,
    queryFn: ({ signal }) =>
      solicitar<ParametrosGestion>('GET', '/api/gestion/parametros', { senal: signal }),
  });
}

export function useGuardarParametros() {
  const clienteConsultas = useQueryClient();
  return useMutation({
    mutationFn: (datos: ParametrosGestion) =>
      solicitar<ParametrosGestion>('PUT', '/api/gestion/parametros', { cuerpo: datos }),
    onSuccess: (r) => clienteConsultas.setQueryData(CLAVE_PARAMETROS, r),
  });
}
