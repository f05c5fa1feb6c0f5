/** Convenios: proposal, authorization, signing and lists (src/http/rutas/convenios.ts). */
import { z } from 'zod';
import { fecha, id, instante, pesos, tasa } from './comun.ts';

export const tipoAlternativa = z.enum([
  'liquidacion_con_descuento',
  'regularizacion',
  'convenio_de_pagos',
  'reestructura',
  'prorroga',
]);
export type TipoAlternativa = z.infer<typeof tipoAlternativa>;
export const rolAutorizador = z.enum(['coordinador', 'administrador']);
export type RolAutorizador = z.infer<typeof rolAutorizador>;
export const descuentoPorConcepto = z.strictObject({
  moratorio: pesos,
  interes: pesos,
  total: pesos,
});
export type DescuentoPorConcepto = z.infer<typeof descuentoPorConcepto>;

export const estadoConvenio = z.enum([
  'propuesto',
  'autorizado',
  'firmado',
  'cumplido',
  'incumplido',
  'cancelado',
]);
export type EstadoConvenio = z.infer<typeof estadoConvenio>;
export const tipoConvenio = z.enum([...tipoAlternativa.options, 'campana']);
export type TipoConvenio = z.infer<typeof tipoConvenio>;
export const origenConvenio = z.enum(['alternativa', 'campana']);

export const creditoDeConvenio = z.strictObject({ id, numero: z.string() });
export type CreditoDeConvenio = z.infer<typeof creditoDeConvenio>;

export const promesa = z.strictObject({
  creditoId: id,
  numero: z.number().int(),
  fecha,
  monto: pesos,
  estado: z.enum(['pendiente', 'cumplida', 'incumplida']),
});
export type Promesa = z.infer<typeof promesa>;

export const convenio = z.strictObject({
  id,
  estado: estadoConvenio,
  estadoEtiqueta: z.string(),
  origen: origenConvenio,
  /** The alternative's or campaign's version it was simulated from. */
  versionId: id.nullable(),
  tipo: tipoConvenio,
  nombre: z.string(),
  fecha,
  /** The first promise's date. */
  primerPago: fecha,
  plazo: z.number().int().nullable(),
  liquida: z.boolean(),
  liquidarHoy: pesos,
  total: pesos,
  descuento: descuentoPorConcepto,
  condiciones: z.string(),
  toleranciaDias: z.number().int(),
  /** The debtor: the acreditado of the first credit (null only if the credit has none). */
  acreditado: z.strictObject({ personaId: id, nombre: z.string() }).nullable(),
  creditos: z.array(creditoDeConvenio),
  /** A signed reestructura's new credits: its promises are theirs. */
  creditosNuevos: z.array(creditoDeConvenio.extend({ reestructuraDe: id.nullable() })),
  promesas: z.array(promesa),
  condonaciones: z.array(
    z.strictObject({
      creditoId: id,
      fecha,
      concepto: z.enum(['moratorio', 'interes']),
      monto: pesos,
    }),
  ),
  periodosSinMoratorio: z.array(z.strictObject({ creditoId: id, desde: fecha, hasta: fecha })),
  firmantes: z.array(
    z.strictObject({ personaId: id, calidad: z.enum(['acreditado', 'aval']), nombre: z.string() }),
  ),
  autorizacion: z.strictObject({
    requerida: z.boolean(),
    rol: rolAutorizador.nullable(),
    motivos: z.array(z.string()),
    autorizadoPor: z.string().nullable(),
    autorizadoEl: instante.nullable(),
  }),
  /** Whether the current user may authorize it now (maker-checker and the matrix decide). */
  puedesAutorizar: z.boolean(),
  /** Why not, in a sentence, while it waits for authorization; null otherwise. */
  motivoParaNoAutorizar: z.string().nullable(),
  propuestoPor: z.string(),
  propuestoEl: instante,
  fechaFirma: fecha.nullable(),
  /** The date it was fulfilled, breached or cancelled. */
  cerradoEl: fecha.nullable(),
  motivoCancelacion: z.string().nullable(),
});
export type Convenio = z.infer<typeof convenio>;
/** Every answer about one convenio (proposed, authorized, cancelled, signed). */
export const respuestaConvenio = z.strictObject({ convenio });

export const convenioEnLista = z.strictObject({
  id,
  estado: estadoConvenio,
  estadoEtiqueta: z.string(),
  nombre: z.string(),
  tipo: tipoConvenio,
  fecha,
  fechaFirma: fecha.nullable(),
  creditos: z.array(creditoDeConvenio),
  total: pesos,
  descuento: pesos,
  propuestoPor: z.string(),
});
export type ConvenioEnLista = z.infer<typeof convenioEnLista>;
export const listaConvenios = z.strictObject({ convenios: z.array(convenioEnLista) });

export const pendiente = z.strictObject({
  id,
  nombre: z.string(),
  tipo: tipoConvenio,
  creditos: z.array(creditoDeConvenio),
  total: pesos,
  descuento: pesos,
  requiereRol: rolAutorizador,
  motivos: z.array(z.string()),
  propuestoPor: z.string(),
  propuestoEl: instante,
  puedesAutorizar: z.boolean(),
});
export type Pendiente = z.infer<typeof pendiente>;
export const listaPendientes = z.strictObject({ pendientes: z.array(pendiente) });

/** Event `convenios` of `GET /api/convenios/avisos`: a convenio this user proposed was decided. */
export const avisoDeConvenio = z.strictObject({
  convenioId: id,
  decision: z.enum(['autorizado', 'rechazado']),
  /** Who decided, by name. */
  por: z.string(),
  /** Why it was rejected; null when authorized. */
  motivo: z.string().nullable(),
});
export type AvisoDeConvenio = z.infer<typeof avisoDeConvenio>;

/** One row of the authorization matrix: a role's limits for one tipo (`*`: every tipo). */
export const limiteAutorizacion = z.strictObject({
  rol: z.enum(['gestor', 'coordinador']),
  tipo: z.enum([...tipoConvenio.options, '*']),
  /** Share of the debt that may be forgiven (`"0.5"` = 50 %); null: no limit. */
  descuentoPorcentajeMaximo: tasa.nullable(),
  descuentoMontoMaximo: pesos.nullable(),
  pagosMaximos: z.number().int().nullable(),
  /** false: this role may not agree this tipo on their own at all. */
  permitido: z.boolean(),
});
export type LimiteAutorizacion = z.infer<typeof limiteAutorizacion>;
/** Every version of the matrix, newest first, and the date of the one in force today. */
export const limitesAutorizacion = z.strictObject({
  vigenteDesde: fecha.nullable(),
  versiones: z.array(z.strictObject({ vigenteDesde: fecha, limites: z.array(limiteAutorizacion) })),
});
export type LimitesAutorizacion = z.infer<typeof limitesAutorizacion>;

/** What a review of signed convenios against payments did (the nightly job, or on demand). */
export const revisionDeConvenios = z.strictObject({
  fecha,
  revisados: z.number().int(),
  cumplidos: z.array(id),
  incumplidos: z.array(id),
  /** Proposed or authorized but never signed, their first promise past its tolerance. */
  vencidos: z.array(id),
});
export type RevisionDeConvenios = z.infer<typeof revisionDeConvenios>;
