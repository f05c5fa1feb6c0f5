import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { Ficha, PaginaBusqueda } from '../../../src/contrato/atencion.ts';
import { solicitar } from './cliente.ts';
import type { Rol } from './tipos.ts';

// The wire's shapes are the server's contract (src/contrato/atencion.ts), imported type-only.
export type {
  CreditoEnFicha,
  Ficha,
  Hallazgo,
  OficinaQueAtiende,
  PaginaBusqueda,
  RolDeudor,
} from '../../../src/contrato/atencion.ts';

/** Who attends debtors at the counter: the search box and the ficha (the server's rule). */
export const ROLES_ATENCION: readonly Rol[] = [
  'gestor',
  'coordinador',
  'contabilidad',
  'administrador',
];

/** Fewer characters than this find nothing useful and would log a search per keystroke. */
export const MINIMO_BUSQUEDA = 3;

/** The first 20 results, for pickers (a recado's or a turno's debtor). */
export function useBusqueda(texto: string) {
  const q = texto.trim();
  return useQuery({
    queryKey: ['buscar', q],
    queryFn: ({ signal }) =>
      solicitar<PaginaBusqueda>('GET', `/api/buscar?q=${encodeURIComponent(q)}`, {
        senal: signal,
      }),
    select: (r) => r.resultados,
    enabled: q.length >= MINIMO_BUSQUEDA,
    // The previous results stay listed while the next ones arrive: the list does not flicker.
    placeholderData: keepPreviousData,
    staleTime: 15_000,
  });
}

/** The header's search: 20 at a time, `fetchNextPage` is the list's «Ver más». */
export function useBusquedaPorPaginas(texto: string) {
  const q = texto.trim();
  return useInfiniteQuery({
    queryKey: ['buscar', q, 'paginas'],
    queryFn: ({ signal, pageParam }) =>
      solicitar<PaginaBusqueda>(
        'GET',
        `/api/buscar?q=${encodeURIComponent(q)}${pageParam === 1 ? '' : `&pagina=${pageParam}`}`,
        { senal: signal },
      ),
    initialPageParam: 1,
    getNextPageParam: (ultima, _todas, pagina) => (ultima.hayMas ? pagina + 1 : undefined),
    enabled: q.length >= MINIMO_BUSQUEDA,
    placeholderData: keepPreviousData,
    staleTime: 15_000,
  });
}

export type { TipoTelefono } from '../../../src/contrato/contactos.ts';
export type { CanalMovimiento } from '../../../src/contrato/creditos.ts';

export function useFicha(personaId: number, habilitada = true) {
  return useQuery({
    queryKey: ['personas', personaId, 'ficha'],
    queryFn: ({ signal }) =>
      solicitar<Ficha>('GET', `/api/personas/${personaId}/ficha`, { senal: signal }),
    enabled: habilitada,
  });
}
