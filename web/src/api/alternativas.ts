import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  Alternativa,
  Campana,
  Elegibilidad,
  Parametros,
  Simulacion,
} from '../../../src/contrato/alternativas.ts';
import type { RolAutorizador, TipoAlternativa } from '../../../src/contrato/convenios.ts';
import { solicitar } from './cliente.ts';
import type { Rol } from './tipos.ts';

// The wire's shapes are the server's contract (src/contrato/alternativas.ts), imported type-only.
export type {
  Alternativa,
  Campana,
  CreditoSimulado,
  Elegibilidad,
  Oferta,
  OfertaDeCredito,
  PagoDelPlan,
  Parametros,
  Simulacion,
  SituacionCampana,
  VersionAlternativa,
  VersionCampana,
} from '../../../src/contrato/alternativas.ts';
export type {
  DescuentoPorConcepto,
  RolAutorizador,
  TipoAlternativa,
} from '../../../src/contrato/convenios.ts';

/** Who simulates at the counter (within their office); the abogado externo cannot. */
export const ROLES_SIMULADOR: readonly Rol[] = ['gestor', 'coordinador'];
/** Who manages the catalogue of alternatives and campaigns. */
export const ROLES_CATALOGO: readonly Rol[] = ['administrador'];

export const TIPOS_ALTERNATIVA: readonly TipoAlternativa[] = [
  'liquidacion_con_descuento',
  'regularizacion',
  'convenio_de_pagos',
  'reestructura',
  'prorroga',
];

export const NOMBRE_TIPO: Record<TipoAlternativa, string> = {
  liquidacion_con_descuento: 'Liquidación con descuento',
  regularizacion: 'Regularización',
  convenio_de_pagos: 'Convenio de pagos',
  reestructura: 'Reestructura',
  prorroga: 'Prórroga',
};

// ---------- Simulador ----------

export const NOMBRE_AUTORIZADOR: Record<RolAutorizador, string> = {
  coordinador: 'del coordinador',
  administrador: 'del administrador',
};

export interface PedidoSimulacion {
  creditoId?: number;
  personaId?: number;
  fecha?: string;
  primerPago?: string;
  plazo?: number;
}

export function useSimulacion(pedido: PedidoSimulacion, habilitada: boolean) {
  return useQuery({
    queryKey: ['simulacion', pedido],
    queryFn: ({ signal }) =>
      solicitar<Simulacion>('POST', '/api/simulaciones', { cuerpo: pedido, senal: signal }),
    enabled: habilitada,
    staleTime: 30_000,
    // Each simulation is a read of a debtor's data and goes to the bitácora: only on request.
    refetchOnWindowFocus: false,
    retry: false,
  });
}

// ---------- Catálogo ----------

export function useAlternativas() {
  return useQuery({
    queryKey: ['alternativas'],
    queryFn: ({ signal }) =>
      solicitar<{ alternativas: Alternativa[] }>('GET', '/api/alternativas', { senal: signal }),
    select: (r) => r.alternativas,
  });
}

export function useAlternativa(id: number | null) {
  return useQuery({
    queryKey: ['alternativas', id],
    queryFn: ({ signal }) =>
      solicitar<{ alternativa: Alternativa }>('GET', `/api/alternativas/${id ?? 0}`, {
        senal: signal,
      }),
    select: (r) => r.alternativa,
    enabled: id !== null,
  });
}

export function useCampanas() {
  return useQuery({
    queryKey: ['campanas'],
    queryFn: ({ signal }) =>
      solicitar<{ campanas: Campana[] }>('GET', '/api/campanas', { senal: signal }),
    select: (r) => r.campanas,
  });
}

export function useCampana(id: number | null) {
  return useQuery({
    queryKey: ['campanas', id],
    queryFn: ({ signal }) =>
      solicitar<{ campana: Campana }>('GET', `/api/campanas/${id ?? 0}`, { senal: signal }),
    select: (r) => r.campana,
    enabled: id !== null,
  });
}

export interface CuerpoAlternativa {
  clave?: string;
  tipo: TipoAlternativa;
  nombre: string;
  descripcion: string;
  vigenteDesde: string;
  activa: boolean;
  parametros: Parametros;
  toleranciaDias: number;
  elegibilidad: Elegibilidad;
}

export interface CuerpoCampana {
  clave?: string;
  nombre: string;
  acuerdo: string;
  descripcion: string;
  vigenteDesde: string;
  inicio: string;
  fin: string;
  activa: boolean;
  descuentoMoratorio: string;
  descuentoInteres: string;
  pagosMaximos: number;
  congelaMoratorio: boolean;
  toleranciaDias: number;
  elegibilidad: Elegibilidad;
}

export function useGuardarAlternativa(id: number | null) {
  const cliente = useQueryClient();
  return useMutation({
    mutationFn: (cuerpo: CuerpoAlternativa) =>
      id === null
        ? solicitar<{ alternativa: Alternativa }>('POST', '/api/alternativas', { cuerpo })
        : solicitar<{ alternativa: Alternativa }>('PUT', `/api/alternativas/${id}`, { cuerpo }),
    onSuccess: () => {
      void cliente.invalidateQueries({ queryKey: ['alternativas'] });
      void cliente.invalidateQueries({ queryKey: ['simulacion'] });
    },
  });
}

export function useGuardarCampana(id: number | null) {
  const cliente = useQueryClient();
  return useMutation({
    mutationFn: (cuerpo: CuerpoCampana) =>
      id === null
        ? solicitar<{ campana: Campana }>('POST', '/api/campanas', { cuerpo })
        : solicitar<{ campana: Campana }>('PUT', `/api/campanas/${id}`, { cuerpo }),
    onSuccess: () => {
      void cliente.invalidateQueries({ queryKey: ['campanas'] });
      void cliente.invalidateQueries({ queryKey: ['simulacion'] });
    },
  });
}
