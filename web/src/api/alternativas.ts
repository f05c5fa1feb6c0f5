import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { solicitar } from './cliente.ts';
import type { Rol } from './tipos.ts';

/** Who simulates at the counter (within their office); the abogado externo cannot. */
export const ROLES_SIMULADOR: readonly Rol[] = ['gestor', 'coordinador'];
/** Who manages the catalogue of alternatives and campaigns. */
export const ROLES_CATALOGO: readonly Rol[] = ['administrador'];

export type TipoAlternativa =
  | 'liquidacion_con_descuento'
  | 'regularizacion'
  | 'convenio_de_pagos'
  | 'reestructura'
  | 'prorroga';

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

/** Who must authorize an offer or a convenio beyond the proposer's limit (the matrix). */
export type RolAutorizador = 'coordinador' | 'administrador';

export const NOMBRE_AUTORIZADOR: Record<RolAutorizador, string> = {
  coordinador: 'del coordinador',
  administrador: 'del administrador',
};

export interface PagoDelPlan {
  numero: number;
  fecha: string;
  monto: string;
}

export interface DescuentoPorConcepto {
  moratorio: string;
  interes: string;
  total: string;
}

export interface OfertaDeCredito {
  creditoId: number;
  numero: string;
  califica: boolean;
  motivos: string[];
  avisos: string[];
  liquidarHoy: string;
  pagos: PagoDelPlan[];
  total: string;
  descuento: DescuentoPorConcepto;
  saldoAlTerminar: string;
  ahorro: string;
  liquida: boolean;
  /** R9: ordinary interest saved by paying every payment on its date; null: none to show. */
  ahorroPorPuntualidad: string | null;
}

export interface Oferta {
  origen: 'alternativa' | 'campana';
  id: number;
  versionId: number;
  clave: string;
  tipo: TipoAlternativa | 'campana';
  nombre: string;
  /** The acuerdo de Junta Directiva of the campaign version offered; null for an alternative. */
  acuerdo: string | null;
  califica: boolean;
  motivos: string[];
  avisos: string[];
  montoAhora: string;
  pagos: PagoDelPlan[];
  total: string;
  descuento: DescuentoPorConcepto;
  moratorioCongelado: string;
  liquidarHoy: string;
  saldoAlTerminar: string;
  ahorro: string;
  liquida: boolean;
  /** R9: ordinary interest saved by paying every payment on its date; null: none to show. */
  ahorroPorPuntualidad: string | null;
  /** Days past each promise's date a payment still keeps it, if captured as a convenio. */
  toleranciaDias: number;
  /** Whose authorization the offer would need as a convenio proposed by the current user. */
  autorizacion: { requerida: boolean; rol: RolAutorizador | null; motivos: string[] };
  creditos: OfertaDeCredito[];
}

export interface CreditoSimulado {
  id: number;
  numero: string;
  producto: string;
  oficina: string;
  estado: string;
  situacion: string;
  diasAtraso: number;
  saldoExigible: string;
  saldoParaLiquidar: string;
  pagosAdelantados: string;
}

export interface Simulacion {
  fecha: string;
  primerPago: string;
  plazo: number | null;
  creditos: CreditoSimulado[];
  ofertas: Oferta[];
}

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

export interface Elegibilidad {
  diasAtrasoMinimo: number | null;
  diasAtrasoMaximo: number | null;
  productos: string[];
  oficinas: string[];
  generacionDesde: number | null;
  generacionHasta: number | null;
}

export type Parametros = Record<string, string | number | boolean>;

interface Autoria {
  creada: string | null;
  creadaPor: string | null;
}

export interface VersionAlternativa extends Autoria {
  id: number;
  version: number;
  vigenteDesde: string;
  nombre: string;
  descripcion: string;
  activa: boolean;
  parametros: Parametros;
  toleranciaDias: number;
  elegibilidad: Elegibilidad;
}

export interface Alternativa {
  id: number;
  clave: string;
  tipo: TipoAlternativa;
  etiquetaTipo: string;
  vigente: VersionAlternativa | null;
  programada: VersionAlternativa | null;
  versiones?: VersionAlternativa[];
}

export interface VersionCampana extends Autoria {
  id: number;
  version: number;
  vigenteDesde: string;
  nombre: string;
  acuerdo: string;
  descripcion: string;
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

export type SituacionCampana = 'vigente' | 'por_iniciar' | 'terminada' | 'inactiva';

export interface Campana {
  id: number;
  clave: string;
  situacion: SituacionCampana;
  vigente: VersionCampana | null;
  programada: VersionCampana | null;
  versiones?: VersionCampana[];
}

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
