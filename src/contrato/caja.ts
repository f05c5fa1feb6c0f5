/** The daily cash report (corte de caja) and its closing (src/http/rutas/documentos-pago.ts). */
import { z } from 'zod';
import { fecha, id, instante, pesos } from './comun.ts';

/**
 * A line of the corte: a payment (positive) or a payment's cancellation (negative, in the corte
 * of the day it was cancelled). The labels come from the server, the same ones the XLSX prints.
 */
export const lineaDelCorte = z.strictObject({
  folio: id,
  tipo: z.enum(['pago', 'cancelacion']),
  tipoNombre: z.string(),
  /** The movement's own date: before the corte's when it is «posterior al cierre». */
  fecha,
  creditoId: id,
  credito: z.string(),
  deudor: z.string(),
  oficina: z.string(),
  /** The ledger's channel (`banco`, `caja`, `nomina`, `importacion`); `canalNombre` names it. */
  canal: z.string(),
  canalNombre: z.string(),
  referencia: z.string(),
  /** Signed: «-999.00» for a cancellation. */
  monto: pesos,
  registradoPor: z.string(),
  /** «Aplicado», «Cancelado» or «Cancelación». */
  estado: z.string(),
  cancelado: z.boolean(),
  cancela: id.nullable(),
  motivo: z.string().nullable(),
  /** Dated a day whose corte was already closed when it arrived. */
  posterior: z.boolean(),
});
export type LineaDelCorte = z.infer<typeof lineaDelCorte>;

/** A group's lines: how many and their signed sum. */
export const sumaDelCorte = z.strictObject({
  clave: z.string(),
  nombre: z.string(),
  movimientos: z.number().int(),
  monto: pesos,
});
export type SumaDelCorte = z.infer<typeof sumaDelCorte>;

export const corteDeCaja = z.strictObject({
  fecha,
  /** Null while the day is open: its lines may still change. */
  cierre: z.strictObject({ cerradoPor: z.string(), cerradoEn: instante }).nullable(),
  lineas: z.array(lineaDelCorte),
  pagos: sumaDelCorte,
  cancelaciones: sumaDelCorte,
  total: sumaDelCorte,
  porCanal: z.array(sumaDelCorte),
  porOficina: z.array(sumaDelCorte),
  porGestor: z.array(sumaDelCorte),
});
export type CorteDeCaja = z.infer<typeof corteDeCaja>;

export const corteCerrado = z.strictObject({
  fecha,
  cerradoPor: z.string(),
  cerradoEn: instante,
  movimientos: z.number().int(),
  total: pesos,
});
export type CorteCerrado = z.infer<typeof corteCerrado>;
