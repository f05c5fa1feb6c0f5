import { type QueryClient, useMutation, useQueryClient } from '@tanstack/react-query';
import { esErrorApi, solicitar } from './cliente.ts';
import type { Rol } from './tipos.ts';

/** The server's rules (src/modules/autorizacion/politicas.ts), to show only what will work. */
export const ROLES_PAGO: readonly Rol[] = ['gestor', 'coordinador', 'contabilidad'];
/** A reversal takes a second person: never the gestor who captured the payment. */
export const ROLES_CANCELAR_PAGO: readonly Rol[] = ['coordinador', 'contabilidad'];
/** A payment above what settles the credit: posted only by one of them, who authorizes it. */
export const ROLES_AUTORIZAR_EXCEDENTE: readonly Rol[] = ['coordinador', 'contabilidad'];
export const ROLES_RECIBO: readonly Rol[] = [
  'gestor',
  'coordinador',
  'contabilidad',
  'administrador',
];
export const ROLES_EMITIR_FINIQUITO: readonly Rol[] = ['coordinador'];
export const ROLES_IMPRIMIR_FINIQUITO: readonly Rol[] = ROLES_RECIBO;

import type {
  CanalPago,
  CartaFiniquito,
  Excedente,
  MovimientoCancelado,
  PagoAnterior,
  PagoRegistrado,
  VistaPreviaDePago,
} from '../../../src/contrato/pagos.ts';

// The wire's shapes are the server's contract (src/contrato/pagos.ts), imported type-only.
export type {
  AplicacionDePago,
  CanalPago,
  CartaFiniquito,
  ExcedeAdeudo,
  Excedente,
  MovimientoCancelado,
  PagoAnterior,
  PagoParecido,
  PagoRegistrado,
  VistaPreviaDePago,
} from '../../../src/contrato/pagos.ts';

export interface DatosVistaPrevia {
  /** `aaaa-mm-dd`; the server's today when absent. */
  fecha: string;
  /** Pesos as a decimal string, `"1500.00"`. */
  monto: string;
  excedente: Excedente;
}

export interface DatosPago extends DatosVistaPrevia {
  canal: CanalPago;
  referencia: string;
  /** After a 422 `excede_adeudo`: a coordinador or contabilidad authorizes the excess. */
  autorizarExcedente?: boolean;
  /** After a 409 `posible_duplicado`: the folio of today's equal payment this one is not. */
  confirmarDuplicado?: number;
}

/** The earlier payment of a `posible_duplicado` answer; null for any other error. */
export function pagoAnteriorDe(error: unknown): PagoAnterior | null {
  if (!esErrorApi(error) || error.codigo !== 'posible_duplicado') return null;
  const anterior = error.detalle.pagoAnterior;
  if (typeof anterior !== 'object' || anterior === null) return null;
  return typeof (anterior as { movimientoId?: unknown }).movimientoId === 'number'
    ? (anterior as PagoAnterior)
    : null;
}

/**
 * Everything that shows a credit's money: its statements, the lists, the fichas, the cash
 * report, and the work queue and agenda (a payment may keep a promesa de pago).
 */
function refrescarDespuesDeMover(clienteConsultas: QueryClient, creditoId: number) {
  return Promise.all([
    clienteConsultas.invalidateQueries({ queryKey: ['creditos', creditoId] }),
    clienteConsultas.invalidateQueries({ queryKey: ['creditos', 'lista'] }),
    clienteConsultas.invalidateQueries({ queryKey: ['personas'] }),
    clienteConsultas.invalidateQueries({ queryKey: ['caja'] }),
    clienteConsultas.invalidateQueries({ queryKey: ['cola'] }),
    clienteConsultas.invalidateQueries({ queryKey: ['agenda'] }),
  ]);
}

export function useVistaPrevia(creditoId: number) {
  return useMutation({
    mutationFn: (datos: DatosVistaPrevia) =>
      solicitar<VistaPreviaDePago>('POST', `/api/creditos/${creditoId}/pagos/vista-previa`, {
        cuerpo: datos,
      }),
  });
}

export function useRegistrarPago(creditoId: number) {
  const clienteConsultas = useQueryClient();
  return useMutation({
    mutationFn: ({ datos, clave }: { datos: DatosPago; clave: string }) =>
      solicitar<PagoRegistrado>('POST', `/api/creditos/${creditoId}/pagos`, {
        cuerpo: datos,
        encabezados: { 'Idempotency-Key': clave },
      }),
    onSuccess: () => refrescarDespuesDeMover(clienteConsultas, creditoId),
  });
}

export function useCancelarPago(creditoId: number) {
  const clienteConsultas = useQueryClient();
  return useMutation({
    mutationFn: ({
      movimientoId,
      motivo,
      clave,
    }: {
      movimientoId: number;
      motivo: string;
      clave: string;
    }) =>
      solicitar<MovimientoCancelado>('POST', `/api/movimientos/${movimientoId}/cancelacion`, {
        cuerpo: { motivo },
        encabezados: { 'Idempotency-Key': clave },
      }),
    onSuccess: () => refrescarDespuesDeMover(clienteConsultas, creditoId),
  });
}

export function useEmitirCartaFiniquito(creditoId: number) {
  const clienteConsultas = useQueryClient();
  return useMutation({
    mutationFn: () =>
      solicitar<CartaFiniquito>('POST', `/api/creditos/${creditoId}/carta-finiquito`, {
        cuerpo: {},
      }),
    onSuccess: () => clienteConsultas.invalidateQueries({ queryKey: ['creditos', creditoId] }),
  });
}

/** Plain same-origin GETs: the session cookie authorises them, the browser downloads them. */
export function urlRecibo(movimientoId: number): string {
  return `/api/movimientos/${movimientoId}/recibo.pdf`;
}

export function urlCartaFiniquito(creditoId: number): string {
  return `/api/creditos/${creditoId}/carta-finiquito.pdf`;
}

/** A statement line's movement id, when it is a payment (`adelanto-N` lines are not). */
export function movimientoDeAplicacion(id: string): number | null {
  return /^\d{1,15}$/.test(id) ? Number(id) : null;
}
