/**
 * Auditoría: the bitácora, the refused requests and the alerts of failed logins
 * (src/http/rutas/bitacora.ts, seguridad.ts).
 */
import { z } from 'zod';
import { id, instante } from './comun.ts';

export const filaBitacora = z.strictObject({
  id,
  instante,
  /** Who did it (the user name); null for the system's own jobs. */
  usuario: z.string().nullable(),
  /** `pago.registrar`, `persona.consultar`… */
  accion: z.string(),
  objetoTipo: z.string().nullable(),
  objetoId: z.string().nullable(),
  ip: z.string().nullable(),
  /** What the action recorded about itself (before and after, the filter, the count…). */
  detalle: z.unknown(),
});
export type FilaBitacora = z.infer<typeof filaBitacora>;

export const paginaBitacora = z.strictObject({
  pagina: z.number().int().positive(),
  porPagina: z.number().int().positive(),
  /** Whether an older page exists. */
  hayMas: z.boolean(),
  /** Newest first. */
  filas: z.array(filaBitacora),
});
export type PaginaBitacora = z.infer<typeof paginaBitacora>;

/** Refusals of one user, from one address, on one route and object, within one minute. */
export const denegacion = z.strictObject({
  minuto: instante,
  usuario: z.string().nullable(),
  ip: z.string().nullable(),
  ruta: z.string(),
  objetoTipo: z.string().nullable(),
  objetoId: z.string().nullable(),
  motivo: z.string(),
  veces: z.number().int().positive(),
  primera: instante,
  ultima: instante,
});
export type Denegacion = z.infer<typeof denegacion>;

export const paginaDenegaciones = z.strictObject({
  pagina: z.number().int().positive(),
  porPagina: z.number().int().positive(),
  hayMas: z.boolean(),
  denegaciones: z.array(denegacion),
});
export type PaginaDenegaciones = z.infer<typeof paginaDenegaciones>;

/** A burst of failed logins. */
export const alertaAcceso = z.strictObject({
  id,
  instante,
  /** `usuario`: many failures against one user; `direccion`: from one address. */
  tipo: z.enum(['usuario', 'direccion']),
  /** The user name (in lower case) or the address. */
  clave: z.string(),
  fallos: z.number().int().positive(),
  /** Distinct addresses that failed for the user, or distinct users tried from the address. */
  distintos: z.number().int().nonnegative(),
});
export type AlertaAcceso = z.infer<typeof alertaAcceso>;
/** Those of the last week, newest first. */
export const alertasAcceso = z.strictObject({ alertas: z.array(alertaAcceso) });
export type AlertasAcceso = z.infer<typeof alertasAcceso>;
