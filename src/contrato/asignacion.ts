/**
 * Asignación: who holds each account, the distribution among an office's gestores, and the
 * suplencias (src/http/rutas/asignacion.ts).
 */
import { z } from 'zod';
import { fecha, id, instante, pesos } from './comun.ts';
import { bucket } from './creditos.ts';

/** A person named by the API: a gestor, a titular, whoever assigned. */
export const referencia = z.strictObject({ id, nombre: z.string() });
export type Referencia = z.infer<typeof referencia>;

export const asignacionHecha = z.strictObject({
  creditoId: id,
  gestor: referencia,
  /** Since when this gestor holds the account. */
  desde: instante,
});
export type AsignacionHecha = z.infer<typeof asignacionHecha>;

export const asignacion = z.strictObject({
  gestor: referencia,
  desde: instante,
  /** Null: the account's current holder. */
  hasta: instante.nullable(),
  /** Null: the assignment came from before the history (the demo or an import). */
  asignadoPor: referencia.nullable(),
  motivo: z.string().nullable(),
});
export type Asignacion = z.infer<typeof asignacion>;
/** Newest first. */
export const historialDeAsignaciones = z.strictObject({ asignaciones: z.array(asignacion) });

export const cuentaAsignable = z.strictObject({
  creditoId: id,
  numero: z.string(),
  acreditado: z.string(),
  municipio: z.string().nullable(),
  /** From the latest aging snapshot; null while none includes the credit. */
  bucket: bucket.nullable(),
  /** 0 while no aging snapshot includes the credit. */
  saldoExigible: pesos,
  gestor: referencia.nullable(),
  /** The last gestión; null: never contacted. */
  ultimaGestion: instante.nullable(),
});
export type CuentaAsignable = z.infer<typeof cuentaAsignable>;

export const paginaCuentas = z.strictObject({
  total: z.number().int(),
  pagina: z.number().int(),
  porPagina: z.number().int(),
  cuentas: z.array(cuentaAsignable),
});
export type PaginaCuentas = z.infer<typeof paginaCuentas>;

export const repartoPorGestor = z.strictObject({
  gestor: referencia,
  cuentas: z.number().int(),
  saldo: pesos,
});
export type RepartoPorGestor = z.infer<typeof repartoPorGestor>;

export const vistaPreviaDistribucion = z.strictObject({
  /** Proves on «Aplicar» that the accounts and balances are still those previewed. */
  firma: z.string(),
  cuentas: z.number().int(),
  porGestor: z.array(repartoPorGestor),
});
export type VistaPreviaDistribucion = z.infer<typeof vistaPreviaDistribucion>;

export const distribucionAplicada = z.strictObject({
  asignadas: z.number().int(),
  porGestor: z.array(repartoPorGestor),
});
export type DistribucionAplicada = z.infer<typeof distribucionAplicada>;

export const gestor = referencia.extend({
  rol: z.enum(['gestor', 'coordinador']),
  /** Active credits he holds today (suplencias aside). */
  cuentas: z.number().int(),
});
export type Gestor = z.infer<typeof gestor>;
export const listaGestores = z.strictObject({ gestores: z.array(gestor) });

export const suplencia = z.strictObject({
  id,
  titular: referencia,
  suplente: referencia,
  desde: fecha,
  hasta: fecha,
  motivo: z.string(),
  /** Null: whoever created it is no longer a user. */
  creadaPor: referencia.nullable(),
  creada: instante,
  /** Instant it was cancelled; null while in force or scheduled. */
  cancelada: instante.nullable(),
  /** In force on the business date: not cancelled and desde ≤ hoy ≤ hasta. */
  vigente: z.boolean(),
});
export type Suplencia = z.infer<typeof suplencia>;
export const listaSuplencias = z.strictObject({ suplencias: z.array(suplencia) });
