import { useQuery } from '@tanstack/react-query';
import { solicitar } from './cliente.ts';
import type { Oficina } from './tipos.ts';

export function useOficinas() {
  return useQuery({
    queryKey: ['oficinas'],
    queryFn: ({ signal }) =>
      solicitar<{ oficinas: Oficina[] }>('GET', '/api/oficinas', { senal: signal }),
    select: (r) => r.oficinas,
    staleTime: 10 * 60 * 1000,
  });
}
