import { z } from 'zod';
import { DERECHOS_ARCO } from '../../domain/arco/solicitud-arco.ts';
import type { EventoSolicitud } from '../../modules/arco/procesar-solicitud.ts';
import type { SolicitudNueva } from '../../modules/arco/registrar-solicitud.ts';
import { cadena, fecha, id, texto, textoOpcional } from '../validacion.ts';
import { normalizarTelefono } from './contactos.ts';

/** The bodies of POST /api/arco and POST /api/arco/:id/eventos (docs/arco.md). */

export const solicitudNueva = z.strictObject({
  derecho: z.enum(
    DERECHOS_ARCO,
    'debe ser acceso, rectificacion, cancelacion, oposicion o portabilidad',
  ),
  personaId: id.nullable().default(null),
  titularNombre: texto(200),
  representante: textoOpcional(200).default(null),
  medioRecepcion: z.enum(
    ['ventanilla', 'escrito', 'correo', 'plataforma_nacional'],
    'debe ser ventanilla, escrito, correo o plataforma_nacional',
  ),
  medioNotificacion: texto(300),
  descripcion: texto(4000, { renglones: true }),
  recibida: fecha.nullable().default(null),
  oficinaId: id.nullable().default(null),
}) satisfies z.ZodType<SolicitudNueva, unknown>;

const telefono = z
  .string('debe ser un teléfono como texto, p. ej. "662 214 5591"')
  .refine(
    (t) => normalizarTelefono(t) !== null,
    'debe ser un teléfono de 10 dígitos, p. ej. «662 214 5591»',
  )
  .transform((t) => normalizarTelefono(t) ?? t);
const correo = z
  .string('debe ser un correo como texto')
  .trim()
  .toLowerCase()
  .max(254, 'admite a lo más 254 caracteres')
  .pipe(z.email('debe ser un correo electrónico válido, p. ej. «nombre@dominio.mx»'));
const codigoPostal = z
  .string('debe ser un código postal de 5 dígitos como texto, p. ej. "83000"')
  .regex(/^\d{5}$/, 'debe tener 5 dígitos, p. ej. «83000»')
  .nullable();
const mayusculas = (max: number) =>
  cadena()
    .trim()
    .toUpperCase()
    .min(1, 'no puede estar vacío')
    .max(max, `admite a lo más ${max} caracteres`)
    .nullable();

const rectificacion = z.discriminatedUnion(
  'dato',
  [
    z.strictObject({ dato: z.literal('telefono'), id, numero: telefono }),
    z.strictObject({ dato: z.literal('correo'), id, correo }),
    z.strictObject({
      dato: z.literal('domicilio'),
      id,
      calle: texto(200).optional(),
      numero: textoOpcional(20).optional(),
      colonia: textoOpcional(120).optional(),
      codigoPostal: codigoPostal.optional(),
      municipio: texto(120).optional(),
      estado: texto(60).optional(),
    }),
    z.strictObject({
      dato: z.literal('identidad'),
      nombres: texto(120).optional(),
      primerApellido: texto(120).optional(),
      segundoApellido: textoOpcional(120).optional(),
      curp: mayusculas(18).optional(),
      rfc: mayusculas(13).optional(),
      fechaNacimiento: fecha.nullable().optional(),
    }),
  ],
  { error: () => 'debe indicar «dato»: telefono, correo, domicilio o identidad' },
);

export const evento = z.discriminatedUnion(
  'evento',
  [
    z.strictObject({
      evento: z.literal('verificar'),
      documento: z.enum(
        ['ine', 'pasaporte', 'cedula_profesional', 'cartilla_militar', 'licencia', 'otro'],
        'debe ser ine, pasaporte, cedula_profesional, cartilla_militar, licencia u otro',
      ),
      numero: texto(40),
      representante: textoOpcional(300).default(null),
    }),
    z.strictObject({ evento: z.literal('ampliar'), motivo: texto(1000, { renglones: true }) }),
    z.strictObject({
      evento: z.literal('responder'),
      sentido: z.enum(['procedente', 'improcedente'], 'debe ser procedente o improcedente'),
      fundamento: texto(4000, { renglones: true }),
    }),
    z.strictObject({
      evento: z.literal('ejecutar'),
      entrega: z
        .enum(
          ['ventanilla', 'correo', 'plataforma_nacional', 'domicilio'],
          'debe ser ventanilla, correo, plataforma_nacional o domicilio',
        )
        .nullable()
        .default(null),
      rectificaciones: z
        .array(rectificacion, 'debe ser una lista de rectificaciones')
        .max(50, 'admite a lo más 50 rectificaciones')
        .default([]),
      nota: textoOpcional(1000, { renglones: true }).default(null),
    }),
    z.strictObject({
      evento: z.literal('cerrar'),
      motivo: textoOpcional(1000, { renglones: true }).default(null),
    }),
  ],
  { error: () => 'debe indicar «evento»: verificar, ampliar, responder, ejecutar o cerrar' },
) satisfies z.ZodType<EventoSolicitud, unknown>;
