import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CorteCerrado, CorteDeCaja } from '../../../src/contrato/caja.ts';
import { solicitar } from './cliente.ts';
import type { Rol } from './tipos.ts';

export const ROLES_CAJA: readonly Rol[] = ['coordinador', 'contabilidad', 'administrador'];

// The wire's shapes are the server's contract (src/contrato/caja.ts), imported type-only.
export type {
  CorteCerrado,
  CorteDeCaja,
  LineaDelCorte,
  SumaDelCorte,
} from '../../../src/contrato/caja.ts';

/** Who may close a day's corte (the server's policy `caja.cerrar_corte`). */
export const ROLES_CIERRE_CAJA: readonly Rol[] = ['contabilidad', 'administrador'];

export function useCorteDeCaja(fecha: string) {
  return useQuery({
    queryKey: ['caja', 'corte', fecha],
    queryFn: ({ signal }) =>
      solicitar<CorteDeCaja>('GET', `/api/caja/corte?fecha=${encodeURIComponent(fecha)}`, {
        senal: signal,
      }),
    placeholderData: keepPreviousData,
  });
}

export function urlCorteXlsx(fecha: string): string {
  return `/api/caja/corte.xlsx?fecha=${encodeURIComponent(fecha)}`;
}

export function useCerrarCorte() {
  const cliente = useQueryClient();
  return useMutation({
    mutationFn: ({ fecha, clave }: { fecha: string; clave: string }) =>
      solicitar<CorteCerrado>('POST', '/api/caja/corte/cierre', {
        cuerpo: { fecha },
        encabezados: { 'Idempotency-Key': clave },
      }),
    // Closing a day changes the next open one too (it receives the late movements).
    onSettled: () => cliente.invalidateQueries({ queryKey: ['caja', 'corte'] }),
  });
}
