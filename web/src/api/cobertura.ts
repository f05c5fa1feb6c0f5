import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Referencia } from './asignacion.ts';
import { solicitar } from './cliente.ts';
import type { Rol } from './tipos.ts';

/** «% of the assigned portfolio managed»: each gestor his own, the office's staff theirs. */
export const ROLES_COBERTURA: readonly Rol[] = ['gestor', 'coordinador', 'administrador'];

/** The month's figures for a gestor or a whole office (docs/gestion.md, «Cobertura»). */
export interface CifrasCobertura {
  /** Accounts assigned at some moment of the month (from the assignment history). */
  asignadas: number;
  /** With at least one gestión in the month while assigned. */
  gestionadas: number;
  conContactoEfectivo: number;
  /** gestionadas ÷ asignadas as a percentage with one decimal, as text: `"62.5"`. */
  porcentajeGestionado: string;
  promesasHechas: number;
  promesasCumplidas: number;
}

export interface CoberturaGestor extends CifrasCobertura {
  gestor: Referencia;
}

export interface CoberturaOficina extends CifrasCobertura {
  oficina: Referencia;
  gestores: CoberturaGestor[];
}

export interface Cobertura {
  /** `AAAA-MM`. */
  mes: string;
  oficinas: CoberturaOficina[];
}

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
