import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type {
  Bucket,
  Credito,
  EstadoDeCuenta,
  Movimiento,
  PaginaCreditos,
  ReferenciaDeCredito,
} from '../../../src/contrato/creditos.ts';
import { solicitar } from './cliente.ts';

// The wire's shapes are the server's contract (src/contrato/creditos.ts), imported type-only.
export type {
  Amortizacion,
  Aplicacion,
  Bucket,
  Credito,
  CreditoEnLista,
  CreditoLigado,
  EstadoAmortizacion,
  EstadoCredito,
  EstadoDeCuenta,
  EstadoDelMotor,
  Movimiento,
  PaginaCreditos,
  Puntualidad,
  ReferenciaDeCredito,
  Situacion,
  TasaDelPeriodo,
  TipoMovimiento,
} from '../../../src/contrato/creditos.ts';

/** The contract's own values (src/contrato/valores.ts: plain arrays, no zod in the bundle). */
export { BUCKETS } from '../../../src/contrato/valores.ts';

export interface FiltroCreditos {
  numero: string;
  bucket: Bucket | null;
  pagina: number;
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
