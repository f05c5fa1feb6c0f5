/**
 * Jurídico: the law firms, turning accounts over to them and recalling them, the legal actions
 * they record, and the firms' report (src/http/rutas/juridico.ts).
 */
import { z } from 'zod';
import { ESTADOS_JURIDICOS } from './valores.ts';

export { ESTADOS_JURIDICOS };

import { fecha, id, instante, pesos } from './comun.ts';
import { bucket, estadoCredito } from './creditos.ts';
import { nombrado } from './expedientes.ts';

export const estadoJuridico = z.enum(ESTADOS_JURIDICOS);
export type EstadoJuridico = z.infer<typeof estadoJuridico>;

export const despacho = z.strictObject({
  id,
  nombre: z.string(),
  activo: z.boolean(),
  contacto: z.string().nullable(),
  telefono: z.string().nullable(),
  correo: z.string().nullable(),
  /** The external lawyers tied to it (users with the role abogado_externo). */
  abogados: z.array(
    z.strictObject({ id, usuario: z.string(), nombre: z.string(), activo: z.boolean() }),
  ),
  /** Accounts it holds now (open turnados). */
  cuentasTurnadas: z.number().int().nonnegative(),
});
export type Despacho = z.infer<typeof despacho>;
export const listaDespachos = z.strictObject({ despachos: z.array(despacho) });
export type ListaDespachos = z.infer<typeof listaDespachos>;
/** A firm created or edited. */
export const respuestaDespacho = z.strictObject({ despacho });
export type RespuestaDespacho = z.infer<typeof respuestaDespacho>;

/** An account's nearest prescription: of its pagarés not yet prescribed, the first to go. */
export const prescripcionCercana = z.strictObject({
  fecha,
  /** Days left from the business date (negative once prescribed). */
  dias: z.number().int(),
});
export type PrescripcionCercana = z.infer<typeof prescripcionCercana>;

/** An account the criteria found, before it is turned over. */
export const candidato = z.strictObject({
  creditoId: id,
  numero: z.string(),
  acreditado: z.string(),
  /** The office's name. */
  oficina: z.string(),
  /** Saldo para liquidar of the latest aging snapshot; null before the first one. */
  saldo: pesos.nullable(),
  bucket: bucket.nullable(),
  prescribe: prescripcionCercana.nullable(),
  convenioIncumplido: z.boolean(),
  /** The day of its last effective contact; null: never. */
  ultimoContactoEfectivo: fecha.nullable(),
});
export type Candidato = z.infer<typeof candidato>;
export const candidatos = z.strictObject({
  hoy: fecha,
  candidatos: z.array(candidato),
  /** More matched than the list carries (500): narrow the criteria. */
  hayMas: z.boolean(),
});
export type Candidatos = z.infer<typeof candidatos>;

export const turnado = z.strictObject({
  turnadoId: id,
  creditoId: id,
  numero: z.string(),
  despacho: nombrado,
  desde: fecha,
  hasta: fecha,
  /** The hand-over of the expediente and its pagarés to the firm, to be signed. */
  acuseId: id,
  acusePdf: z.string(),
});
export type Turnado = z.infer<typeof turnado>;
export const turnados = z.strictObject({ turnados: z.array(turnado) });
export type Turnados = z.infer<typeof turnados>;

export const devolucion = z.strictObject({
  turnadoId: id,
  creditoId: id,
  despacho: nombrado,
  devueltoEn: instante,
  motivo: z.string(),
  /** The credit's state after it: activo, or liquidado if it was settled meanwhile. */
  estado: estadoCredito,
  /** Pieces the firm still has: they come back when the archive checks them in (custodia). */
  piezasEnDespacho: z.number().int().nonnegative(),
});
export type Devolucion = z.infer<typeof devolucion>;

export const actuacion = z.strictObject({
  id,
  turnadoId: id,
  creditoId: id,
  /** The firm that held the account when it was recorded. */
  despacho: nombrado,
  estado: estadoJuridico,
  /** The state in words, `Demanda presentada`. */
  etiqueta: z.string(),
  fecha,
  juzgado: z.string().nullable(),
  expedienteJudicial: z.string().nullable(),
  nota: z.string().nullable(),
  registradoPor: z.string(),
  registradoEn: instante,
});
export type Actuacion = z.infer<typeof actuacion>;
export const listaActuaciones = z.strictObject({ actuaciones: z.array(actuacion) });
export type ListaActuaciones = z.infer<typeof listaActuaciones>;
export const respuestaActuacion = z.strictObject({ actuacion });
export type RespuestaActuacion = z.infer<typeof respuestaActuacion>;

/** An account held by a law firm now (the lawyer's list; the coordinador's, by firm). */
export const cuentaTurnada = z.strictObject({
  creditoId: id,
  numero: z.string(),
  acreditado: z.string(),
  oficina: z.string(),
  despacho: nombrado,
  turnadoId: id,
  motivo: z.string(),
  desde: fecha,
  hasta: fecha,
  /** Past its end date and not recalled: no lawyer sees it any more; the coordinador decides. */
  vencido: z.boolean(),
  saldo: pesos.nullable(),
  /** Its nearest pagaré not yet prescribed; all prescribed: the last one (days negative). */
  prescribe: prescripcionCercana.nullable(),
  ultimaActuacion: z
    .strictObject({ estado: estadoJuridico, etiqueta: z.string(), fecha })
    .nullable(),
});
export type CuentaTurnada = z.infer<typeof cuentaTurnada>;
export const cuentasTurnadas = z.strictObject({
  hoy: fecha,
  cuentas: z.array(cuentaTurnada),
  pagina: z.number().int().positive(),
  porPagina: z.number().int().positive(),
});
export type CuentasTurnadas = z.infer<typeof cuentasTurnadas>;

export const renglonReporte = z.strictObject({
  despacho: nombrado,
  cuentas: z.number().int().nonnegative(),
  saldo: pesos,
  /** Payments applied while the firm held the account, within the period. */
  recuperado: pesos,
  pagos: z.number().int().nonnegative(),
  diasPromedio: z.number().nullable(),
  /** Accounts recalled within the period. */
  devueltas: z.number().int().nonnegative(),
});
export type RenglonReporte = z.infer<typeof renglonReporte>;
export const reporteDespachos = z.strictObject({
  desde: fecha,
  hasta: fecha,
  hoy: fecha,
  despachos: z.array(renglonReporte),
});
export type ReporteDespachos = z.infer<typeof reporteDespachos>;
