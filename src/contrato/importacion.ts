/** The portfolio's upload: its report, and a queued import's progress (src/http/rutas/importacion.ts). */
import { z } from 'zod';
import { estadoTrabajo, trabajoEncolado } from './comun.ts';

/** Where a fault of the workbook is, as a person sees it in Excel. */
export const observacion = z.strictObject({
  hoja: z.string(),
  /** The row, header = 1; null: the sheet as a whole (a missing column, an unknown sheet). */
  fila: z.number().int().nullable(),
  columna: z.string().nullable(),
  mensaje: z.string(),
});
export type Observacion = z.infer<typeof observacion>;

/** Every observation counted, though the lists carry only the first ones of each sheet. */
export const recuentoObservaciones = z.strictObject({
  total: z.number().int(),
  porHoja: z.array(
    z.strictObject({ hoja: z.string(), total: z.number().int(), listadas: z.number().int() }),
  ),
  /** By sheet, column and reason (the message without its values), most frequent first. */
  porTipo: z.array(
    z.strictObject({
      hoja: z.string(),
      columna: z.string().nullable(),
      tipo: z.string(),
      total: z.number().int(),
    }),
  ),
});
export type RecuentoObservaciones = z.infer<typeof recuentoObservaciones>;

const n = z.number().int();
/** Phones, e-mails or addresses: added, replacing a current one (kept in her history), on file. */
export const conteoContactos = z.strictObject({ nuevos: n, reemplazados: n, yaRegistrados: n });
export type ConteoContactos = z.infer<typeof conteoContactos>;

export const conteosImportacion = z.strictObject({
  productos: z.strictObject({ nuevos: n, versionesNuevas: n, versionesExistentes: n }),
  personas: z.strictObject({ nuevas: n, existentes: n }),
  creditos: z.strictObject({ nuevos: n, sinCambios: n }),
  movimientos: z.strictObject({ nuevos: n, existentes: n }),
  contactos: z.strictObject({
    telefonos: conteoContactos,
    correos: conteoContactos,
    domicilios: conteoContactos,
  }),
});
export type ConteosImportacion = z.infer<typeof conteosImportacion>;

/** 201 (imported) and 422 (not imported: it has errors, nothing was written) share this shape. */
export const resultadoImportacionCartera = z.strictObject({
  archivo: z.string(),
  importado: z.boolean(),
  /** The first ones of each sheet; `resumen` has the counts of all. */
  errores: z.array(observacion),
  advertencias: z.array(observacion),
  /** One line per error that hid others («24 filas de … no se revisaron: error en …»). */
  sinRevisar: z.array(observacion),
  resumen: z.strictObject({
    errores: recuentoObservaciones,
    advertencias: recuentoObservaciones,
    /** Rows those errors left unchecked, and how many errors they were. */
    sinRevisar: z.strictObject({ filas: n, causas: n }),
  }),
  conteos: conteosImportacion,
});
export type ResultadoImportacionCartera = z.infer<typeof resultadoImportacionCartera>;

/** The report (201/422), or 202 with the job that will write it. */
export const respuestaImportacion = z.union([trabajoEncolado, resultadoImportacionCartera]);
export type RespuestaImportacion = z.infer<typeof respuestaImportacion>;

/** How far a queued import got. */
export const avanceImportacion = z.strictObject({
  fase: z.enum(['lectura', 'validacion', 'motor', 'escritura']),
  /** Rows of the file read (an XLSX is read before it is validated). */
  filasLeidas: n,
  filasValidadas: n,
  /** Rows written to the database: known when the import ends. */
  filasEscritas: n,
});
export type AvanceImportacion = z.infer<typeof avanceImportacion>;

export const estadoTrabajoImportacion = z.strictObject({
  id: z.string(),
  estado: estadoTrabajo,
  avance: avanceImportacion.nullable(),
  /** The report, once it ended. */
  resultado: resultadoImportacionCartera.nullable(),
  /** Why it stopped (a workbook it could not read), as the 4xx would have said it. */
  error: z.strictObject({ codigo: z.string(), mensaje: z.string() }).nullable(),
});
export type EstadoTrabajoImportacion = z.infer<typeof estadoTrabajoImportacion>;
