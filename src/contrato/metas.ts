/** Metas: a month's goals per office and gestor, their versions, and the XLSX import (src/http/rutas/metas.ts). */
import { z } from 'zod';
import { id, instante } from './comun.ts';
import { itemMeta, mes } from './indicadores.ts';

/** One item's goal: recuperación in decimal pesos (`"150000.00"`), the counts as integer text. */
export const objetivoDeItem = z.strictObject({
  meta: z.string().regex(/^\d+(\.\d{2})?$/),
  /** pg's numeric(6,2): `"40.00"`. */
  peso: z.string().regex(/^\d+\.\d{2}$/),
});
export type ObjetivoDeItem = z.infer<typeof objetivoDeItem>;
export const itemsDeMeta = z.partialRecord(itemMeta, objetivoDeItem);
export type ItemsDeMeta = z.infer<typeof itemsDeMeta>;

export const oficinaDeMeta = z.strictObject({ id, clave: z.string(), nombre: z.string() });
export type OficinaDeMeta = z.infer<typeof oficinaDeMeta>;
export const gestorDeMeta = z.strictObject({ id, usuario: z.string(), nombre: z.string() });
export type GestorDeMeta = z.infer<typeof gestorDeMeta>;
const quienRegistro = z.strictObject({ id, nombre: z.string() });

/** A version of a goal: what it asks for, why, who set it and when. */
export const versionDeMeta = z.strictObject({
  version: z.number().int().positive(),
  items: itemsDeMeta,
  motivo: z.string().nullable(),
  registradaPor: quienRegistro,
  registrada: instante,
});
export type VersionDeMeta = z.infer<typeof versionDeMeta>;

/** One subject's current goal for the month; no goal yet: version null. */
export const metaEnLista = z.strictObject({
  oficina: oficinaDeMeta,
  /** null: the office's own goal. */
  gestor: gestorDeMeta.nullable(),
  version: z.number().int().positive().nullable(),
  items: itemsDeMeta,
  motivo: z.string().nullable(),
  registradaPor: quienRegistro.nullable(),
  registrada: instante.nullable(),
});
export type MetaEnLista = z.infer<typeof metaEnLista>;

/** PUT's answer: the subject's goal now; `cambio` false when it already asked for that. */
export const metaDefinida = metaEnLista.extend({ cambio: z.boolean() });
export type MetaDefinida = z.infer<typeof metaDefinida>;

export const metasDelMes = z.strictObject({ mes, metas: z.array(metaEnLista) });
export type MetasDelMes = z.infer<typeof metasDelMes>;

export const historialDeMeta = z.strictObject({
  mes,
  oficina: oficinaDeMeta,
  gestor: gestorDeMeta.nullable(),
  /** Newest first; empty when no goal was ever set for the month. */
  versiones: z.array(versionDeMeta),
});
export type HistorialDeMeta = z.infer<typeof historialDeMeta>;

export const errorDeFilaMetas = z.strictObject({
  fila: z.number().int(),
  columna: z.string(),
  mensaje: z.string(),
});
export type ErrorDeFilaMetas = z.infer<typeof errorDeFilaMetas>;

/** 200 with the counts, or 422 listing every wrong row (then nothing was written). */
export const resultadoImportacionMetas = z.union([
  z.strictObject({ importadas: z.number().int(), sinCambios: z.number().int() }),
  z.strictObject({ errores: z.array(errorDeFilaMetas) }),
]);
export type ResultadoImportacionMetas = z.infer<typeof resultadoImportacionMetas>;
