import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { solicitar } from './cliente.ts';
import type { Rol } from './tipos.ts';

export const ROLES_CAJA: readonly Rol[] = ['coordinador', 'contabilidad', 'administrador'];

export interface PagoDelDia {
  folio: number;
  creditoId: number;
  credito: string;
  oficina: string;
  canal: string;
  referencia: string;
  monto: string;
  registradoPor: string;
  cancelado: boolean;
}

/** A group's count and amount; cancelled payments are not in it. */
export interface Total {
  clave: string;
  pagos: number;
  monto: string;
}

export interface CorteDeCaja {
  fecha: string;
  pagos: PagoDelDia[];
  total: Total;
  porCanal: Total[];
  porOficina: Total[];
  porGestor: Total[];
}

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
