import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { solicitar } from './cliente.ts';

/** Aging buckets, in the order the institute reports them. */
export const BUCKETS = [
  'al_corriente',
  '1-30',
  '31-60',
  '61-90',
  '91-180',
  '181-365',
  'mas_de_365',
] as const;
export type Bucket = (typeof BUCKETS)[number];

export type EstadoCredito = 'activo' | 'liquidado' | 'reestructurado' | 'en_juridico';
export type Situacion = 'al_corriente' | 'vencido' | 'liquidado';
export type EstadoAmortizacion = 'pagada' | 'vencida' | 'exigible' | 'por_vencer';

/** Amounts travel as decimal strings `"1234.56"`: read them with `centavosDe`. */
type Monto = string;

export interface CreditoEnLista {
  id: number;
  numero: string;
  acreditado: string;
  oficina: string;
  estado: EstadoCredito;
  /** The latest nightly aging snapshot; null until one includes this credit. */
  antiguedad: {
    fecha: string;
    situacion: Situacion;
    diasAtraso: number;
    bucket: Bucket;
    saldoExigible: Monto;
    saldoParaLiquidar: Monto;
  } | null;
}

export interface PaginaCreditos {
  creditos: CreditoEnLista[];
  pagina: number;
  porPagina: number;
}

export interface FiltroCreditos {
  numero: string;
  bucket: Bucket | null;
  pagina: number;
}

export interface CreditoLigado {
  id: number;
  numero: string;
}

export interface Credito {
  id: number;
  numero: string;
  estado: EstadoCredito;
  oficina: string;
  /** The gestor responsible for the account; null: unassigned. */
  gestor: { id: number; nombre: string } | null;
  producto: {
    clave: string;
    nombre: string;
    tasaOrdinariaAnual: string;
    tasaMoratoriaAnual: string;
    /** R9: the punctual rate in force (the credit's own, else its version's); null: none. */
    tasaPuntualAnual: string | null;
    baseDias: number;
    prelacion: 'por_concepto' | 'por_amortizacion';
  };
  /** R9: the credit's own punctual rate (e.g. 0% for an average of 90 or more), with why. */
  tasaPuntualDelCredito: { tasa: string; motivo: string; evidencia: string | null } | null;
  fechaInicioInteres: string;
  /** The ordinary rate agreed in a reestructura (already in `producto.tasaOrdinariaAnual`). */
  tasaOrdinariaPactada: string | null;
  /** The credit this one restructured, and the one that restructured this one. */
  reestructuraDe: CreditoLigado | null;
  reestructuradoEn: CreditoLigado | null;
  participantes: Array<{
    personaId: number;
    nombre: string;
    rol: 'acreditado' | 'aval' | 'beneficiario';
  }>;
  ministraciones: Array<{
    numero: number;
    fecha: string;
    monto: Monto;
    periodoEscolar: string;
    pagare: string;
    vencimientoPagare: string;
  }>;
  /** The settlement letter already issued, if any: it is reprinted, never issued twice. */
  cartaFiniquito: { folio: number; fecha: string } | null;
}

/** The number the debtor writes on a bank deposit so that it lands on this credit. */
export interface ReferenciaDeCredito {
  referencia: string;
  creditoId: number;
  numero: string;
}

export type TipoMovimiento = 'pago' | 'condonacion' | 'cancelacion';

/** A row of the credit's ledger as it was written, reversals included (oldest first). */
export interface Movimiento {
  id: number;
  tipo: TipoMovimiento;
  fecha: string;
  /** Null for a cancelación, which carries no amount of its own. */
  monto: Monto | null;
  /** Condonación: what was forgiven (moratorio, interes, capital). */
  concepto: string | null;
  excedente: string | null;
  canal: string | null;
  referencia: string | null;
  motivo: string | null;
  /** Cancelación: the movement it reverses. */
  cancela: number | null;
  /** The cancelación that reversed this movement, if any. */
  canceladoPor: number | null;
  /** Who registered it; null for movements brought by an import. */
  registradoPor: string | null;
  /** The instant it was registered. */
  registrado: string;
}

/** The statement engine's output (docs/motor.md, «Salida»), field for field. */
export interface EstadoDeCuenta {
  credito: string;
  fecha_corte: string;
  situacion: Situacion;
  dias_atraso: number;
  capital_insoluto: Monto;
  capital_exigible: Monto;
  interes_ordinario_exigible: Monto;
  interes_ordinario_devengado: Monto;
  interes_moratorio: Monto;
  saldo_exigible: Monto;
  saldo_para_liquidar: Monto;
  pagos_adelantados: Monto;
  saldo_a_favor: Monto;
  amortizaciones: Amortizacion[];
  aplicaciones: Aplicacion[];
  /** The API's one extra field: R9, the rate of each period and why; null without R9. */
  puntualidad: Puntualidad | null;
}

/** R9: a period's rate; when ordinary, the oldest amortización owing the day it began. */
export interface TasaDelPeriodo {
  puntual: boolean;
  debia_la_amortizacion: number | null;
}

export interface Puntualidad {
  /** The rates in force, as stored: `"0.03000000"`. */
  tasa_puntual_anual: string;
  tasa_ordinaria_anual: string;
  /** The open period's rate at the cut-off; null when no period is open. */
  periodo_abierto: TasaDelPeriodo | null;
  /** The amortizaciones whose interest has been charged, with the rate it was charged at. */
  amortizaciones: Array<{ numero: number; tasa: TasaDelPeriodo }>;
  /** The same in words, made by the server: the PDF prints exactly these. */
  textos: {
    /** "Paga puntual: 3%" or "Perdió la tasa puntual el 01/03/2025 (debía la amortización 2)". */
    situacion: string;
    /** "Tasa puntual propia: 0% — Promedio de 90 o más", or null. */
    tasaPropia: string | null;
    /** "Amortización 3: 6% ordinaria — la amortización 2 se debía al 01/03/2025", … */
    periodos: string[];
  };
}

export interface Amortizacion {
  numero: number;
  fecha: string;
  capital: Monto;
  interes: Monto;
  moratorio: Monto;
  capital_pagado: Monto;
  interes_pagado: Monto;
  moratorio_pagado: Monto;
  condonado: Monto;
  estado: EstadoAmortizacion;
}

export interface Aplicacion {
  id: string;
  fecha: string;
  monto: Monto;
  moratorio: Monto;
  interes: Monto;
  capital: Monto;
  adelantado: Monto;
  a_favor: Monto;
}

function consultaCreditos({ numero, bucket, pagina }: FiltroCreditos): string {
  const parametros = new URLSearchParams();
  if (numero !== '') parametros.set('numero', numero);
  if (bucket !== null) parametros.set('bucket', bucket);
  parametros.set('pagina', String(pagina));
  return parametros.toString();
}

export function useCreditos(filtro: FiltroCreditos) {
  return useQuery({
    queryKey: ['creditos', 'lista', filtro],
    queryFn: ({ signal }) =>
      solicitar<PaginaCreditos>('GET', `/api/creditos?${consultaCreditos(filtro)}`, {
        senal: signal,
      }),
    // The previous page stays on screen (dimmed) while the next one arrives.
    placeholderData: keepPreviousData,
  });
}

/** One credit's query, for `useCredito` and for pages that read several (`useQueries`). */
export function consultaCredito(id: number) {
  return queryOptions({
    queryKey: ['creditos', id],
    queryFn: ({ signal }) => solicitar<Credito>('GET', `/api/creditos/${id}`, { senal: signal }),
  });
}

export function useCredito(id: number) {
  return useQuery(consultaCredito(id));
}

export function useEstadoDeCuenta(id: number, fechaCorte: string, habilitada: boolean) {
  return useQuery({
    queryKey: ['creditos', id, 'estado-de-cuenta', fechaCorte],
    queryFn: ({ signal }) =>
      solicitar<EstadoDeCuenta>(
        'GET',
        `/api/creditos/${id}/estado-de-cuenta?fecha=${encodeURIComponent(fechaCorte)}`,
        { senal: signal },
      ),
    enabled: habilitada,
    placeholderData: keepPreviousData,
  });
}

export function useReferencia(id: number) {
  return useQuery({
    queryKey: ['creditos', id, 'referencia'],
    queryFn: ({ signal }) =>
      solicitar<ReferenciaDeCredito>('GET', `/api/creditos/${id}/referencia`, { senal: signal }),
    // Derived from the credit's id: it never changes.
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useMovimientos(id: number, habilitada: boolean) {
  return useQuery({
    queryKey: ['creditos', id, 'movimientos'],
    queryFn: ({ signal }) =>
      solicitar<{ movimientos: Movimiento[] }>('GET', `/api/creditos/${id}/movimientos`, {
        senal: signal,
      }),
    select: (r) => r.movimientos,
    enabled: habilitada,
  });
}

/**
 * The ficha de pago the debtor takes to the bank: for `monto` (`"1500.00"`), or by default
 * for today's saldo exigible. A plain same-origin GET, like every PDF.
 */
export function urlFichaDePago(id: number, monto: string | null = null): string {
  const base = `/api/creditos/${id}/ficha-de-pago.pdf`;
  return monto === null ? base : `${base}?monto=${encodeURIComponent(monto)}`;
}

/** The statement as PDF; a plain same-origin GET, so the session cookie authorises it. */
export function urlPdfEstadoDeCuenta(id: number, fechaCorte: string): string {
  return `/api/creditos/${id}/estado-de-cuenta.pdf?fecha=${encodeURIComponent(fechaCorte)}`;
}
