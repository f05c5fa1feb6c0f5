import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { solicitar } from './cliente.ts';
import type { Rol } from './tipos.ts';

/** «% of the assigned portfolio managed»: each gestor his own, the office's staff theirs. */
export const ROLES_COBERTURA: readonly Rol[] = ['gestor', 'coordinador', 'administrador'];

import type { Cobertura } from '../../../src/contrato/indicadores.ts';

// The wire's shapes are the server's contract (src/contrato/indicadores.ts), imported type-only.
export type {
  CifrasCobertura,
  Cobertura,
  CoberturaGestor,
  CoberturaOficina,
} from '../../../src/contrato/indicadores.ts';

export function useCobertura(mes: string) {
  return useQuery({
    queryKey: ['indicadores', 'cobertura', mes],
    queryFn: ({ signal }) =>
      solicitar<Cobertura>('GET', `/api/indicadores/cobertura?mes=${encodeURIComponent(mes)}`, {
        senal: signal,
      }),
    placeholderData: keepPreviousData,
  });
}
