/**
 * Templates of the documents (administrador) and the documents issued with them
 * (src/http/rutas/plantillas.ts).
 */
import { z } from 'zod';
import { id, instante } from './comun.ts';
import { tipoDocumento } from './instituto.ts';

/** The documents with an editable template: the same keys as the institute's data. */
export const tipoPlantilla = tipoDocumento;
export type TipoPlantilla = z.infer<typeof tipoPlantilla>;

export const seccionDePlantilla = z.strictObject({
  clave: z.string(),
  titulo: z.string(),
  descripcion: z.string(),
  /** Printed where one line fits (the footer): no line breaks, at most `maximo` characters. */
  unaLinea: z.literal(true).optional(),
  maximo: z.number().int(),
});
export type SeccionDePlantilla = z.infer<typeof seccionDePlantilla>;

export const variableDePlantilla = z.strictObject({ nombre: z.string(), descripcion: z.string() });
export type VariableDePlantilla = z.infer<typeof variableDePlantilla>;

/** A document's sections (what the administrador writes) and the variables they may use. */
export const definicionDePlantilla = z.strictObject({
  tipo: tipoPlantilla,
  nombre: z.string(),
  secciones: z.array(seccionDePlantilla),
  variables: z.array(variableDePlantilla),
});
export type DefinicionDePlantilla = z.infer<typeof definicionDePlantilla>;

export const tiposDePlantilla = z.strictObject({
  tipos: z.array(definicionDePlantilla.extend({ versionVigente: z.number().int() })),
});
export type TiposDePlantilla = z.infer<typeof tiposDePlantilla>;

/** Who saved a version and when; null for version 1, the text Recupera shipped. */
export const entradaDeVersion = z.strictObject({
  version: z.number().int(),
  guardadoPor: z.string().nullable(),
  guardadoEn: instante,
});
export type EntradaDeVersion = z.infer<typeof entradaDeVersion>;

/** A version's texts, by section key. */
export const textosDePlantilla = z.record(z.string(), z.string());
export type TextosDePlantilla = z.infer<typeof textosDePlantilla>;

export const versionDePlantilla = entradaDeVersion.extend({
  tipo: tipoPlantilla,
  textos: textosDePlantilla,
});
export type VersionDePlantilla = z.infer<typeof versionDePlantilla>;

export const plantillaConVersiones = z.strictObject({
  definicion: definicionDePlantilla,
  /** The version asked for, or the one in force. */
  plantilla: versionDePlantilla,
  versionVigente: z.number().int(),
  /** Newest first. */
  versiones: z.array(entradaDeVersion),
});
export type PlantillaConVersiones = z.infer<typeof plantillaConVersiones>;

export const tipoDocumentoEmitido = z.enum([
  'convenio',
  'carta_finiquito',
  'recibo',
  'ficha_de_pago',
  'estado_de_cuenta',
]);
export type TipoDocumentoEmitido = z.infer<typeof tipoDocumentoEmitido>;

/** One document issued for a credit, with the versions it was issued with. */
export const documentoEmitido = z.strictObject({
  id,
  tipo: tipoDocumentoEmitido,
  /** What was asked for: the statement's date, the recibo's folio, the ficha's amount… */
  parametros: z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
  movimientoId: id.nullable(),
  convenioId: id.nullable(),
  plantillaVersion: z.number().int(),
  datosInstitutoVersion: z.number().int().nullable(),
  emitidoPor: z.string(),
  emitidoEn: instante,
  /** Its stored copy was withdrawn by an ARCO block: it cannot be reprinted. */
  retirado: z.boolean(),
});
export type DocumentoEmitido = z.infer<typeof documentoEmitido>;
export const documentosEmitidos = z.strictObject({ documentos: z.array(documentoEmitido) });
export type DocumentosEmitidos = z.infer<typeof documentosEmitidos>;
