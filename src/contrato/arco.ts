/**
 * Derechos ARCO (docs/arco.md): the requests and their file, their terms, the parameters and
 * the calendar of non-working days (src/http/rutas/arco.ts).
 */
import { z } from 'zod';
import { fecha, id, instante } from './comun.ts';
import { nombrado } from './expedientes.ts';

export const derechoArco = z.enum([
  'acceso',
  'rectificacion',
  'cancelacion',
  'oposicion',
  'portabilidad',
]);
export type DerechoArco = z.infer<typeof derechoArco>;
export const estadoArco = z.enum([
  'registrada',
  'en_tramite',
  'ampliada',
  'procedente',
  'improcedente',
  'ejecutada',
  'cerrada',
]);
export type EstadoArco = z.infer<typeof estadoArco>;
/** What `POST /api/arco/:id/eventos` accepts, in the order a request goes. */
export const accionArco = z.enum(['verificar', 'ampliar', 'responder', 'ejecutar', 'cerrar']);
export type AccionArco = z.infer<typeof accionArco>;
export const medioRecepcion = z.enum(['ventanilla', 'escrito', 'correo', 'plataforma_nacional']);
export type MedioRecepcion = z.infer<typeof medioRecepcion>;
export const documentoIdentidad = z.enum([
  'ine',
  'pasaporte',
  'cedula_profesional',
  'cartilla_militar',
  'licencia',
  'otro',
]);
export type DocumentoIdentidad = z.infer<typeof documentoIdentidad>;
export const sentidoRespuesta = z.enum(['procedente', 'improcedente']);
export type SentidoRespuesta = z.infer<typeof sentidoRespuesta>;

export const plazosArco = z.strictObject({
  /** The last day to answer: with the extension when there was one. */
  respuesta: fecha,
  /** The last day to answer without the extension: an extension is notified before it. */
  respuestaSinAmpliacion: fecha,
  /** The last day to carry out a procedente answer; null until answered procedente. */
  ejecucion: fecha.nullable(),
  /** The deadline the request is running against now; null when none is (answered, closed). */
  vigente: z
    .strictObject({
      tipo: z.enum(['respuesta', 'ejecucion']),
      fecha,
      /** Business days until the deadline (0 on the day itself); 0 or less once passed. */
      diasHabilesRestantes: z.number().int(),
    })
    .nullable(),
  alerta: z.enum(['vencida', 'por_vencer']).nullable(),
});
export type PlazosArco = z.infer<typeof plazosArco>;

export const solicitudArco = z.strictObject({
  id,
  folio: z.string(),
  derecho: derechoArco,
  estado: estadoArco,
  /** The titular in Recupera; `bloqueada` once a cancellation blocked her data. */
  persona: z.strictObject({ id, nombre: z.string(), bloqueada: z.boolean() }).nullable(),
  titularNombre: z.string(),
  representante: z.string().nullable(),
  oficina: nombrado,
  medioRecepcion,
  medioNotificacion: z.string(),
  descripcion: z.string(),
  recibida: fecha,
  identidad: z
    .strictObject({
      documento: documentoIdentidad,
      numero: z.string(),
      representante: z.string().nullable(),
      verificadaPor: nombrado,
      verificada: instante,
    })
    .nullable(),
  ampliacion: z.strictObject({ fecha, motivo: z.string() }).nullable(),
  respuesta: z
    .strictObject({
      sentido: sentidoRespuesta,
      fundamento: z.string(),
      fecha,
      fueraDePlazo: z.boolean(),
    })
    .nullable(),
  /** `detalle`: what was done, as the step recorded it (delivery, corrections, blocking…). */
  ejecucion: z.strictObject({ fecha, detalle: z.unknown(), fueraDePlazo: z.boolean() }).nullable(),
  cierre: z.strictObject({ instante, motivo: z.string().nullable() }).nullable(),
  plazos: plazosArco,
  /** What may be done with it now (the screen shows these buttons). */
  acciones: z.array(accionArco),
  /** The access report (PDF and JSON) can be generated: access or portability, identity verified. */
  accesoDisponible: z.boolean(),
  registradaPor: nombrado,
  registrada: instante,
});
export type SolicitudArco = z.infer<typeof solicitudArco>;

/** A step of the request's file. */
export const eventoDeSolicitud = z.strictObject({
  evento: z.string(),
  estadoAnterior: z.string().nullable(),
  estadoNuevo: z.string(),
  detalle: z.unknown(),
  usuario: nombrado.nullable(),
  instante,
});
export type EventoDeSolicitud = z.infer<typeof eventoDeSolicitud>;

export const solicitudConEventos = solicitudArco.extend({
  /** The request's file, oldest first. */
  eventos: z.array(eventoDeSolicitud),
});
export type SolicitudConEventos = z.infer<typeof solicitudConEventos>;

export const listaSolicitudes = z.strictObject({
  solicitudes: z.array(solicitudArco),
  /** Requests whose running deadline passed, and those within the warning days of it. */
  alertas: z.strictObject({
    vencidas: z.number().int().nonnegative(),
    porVencer: z.number().int().nonnegative(),
  }),
});
export type ListaSolicitudes = z.infer<typeof listaSolicitudes>;

/** The ARCO terms (business days) and the blocking period (years). */
export const parametrosArco = z.strictObject({
  diasParaResponder: z.number().int(),
  diasDeAmpliacion: z.number().int(),
  diasParaEjecutar: z.number().int(),
  /** An open request is flagged «por vencer» this many business days before its deadline. */
  diasDeAviso: z.number().int(),
  /** How long a cancellation keeps the blocked data before the job deletes them. */
  aniosDeBloqueo: z.number().int(),
});
export type ParametrosArco = z.infer<typeof parametrosArco>;

export const diaInhabil = z.strictObject({ fecha, descripcion: z.string() });
export type DiaInhabil = z.infer<typeof diaInhabil>;
/** The non-working days of one year, in order. */
export const calendarioDelAnio = z.strictObject({
  anio: z.number().int(),
  dias: z.array(diaInhabil),
});
export type CalendarioDelAnio = z.infer<typeof calendarioDelAnio>;
