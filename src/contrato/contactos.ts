/**
 * A person's phones, e-mails and addresses: the list with its history, and each change
 * (src/http/rutas/contactos.ts). Numbers and e-mails go out masked; the whole value is a logged
 * reveal.
 */
import { z } from 'zod';
import { id, instante, usuarioBreve } from './comun.ts';

export const tipoTelefono = z.enum(['movil', 'casa', 'trabajo', 'recados']);
export type TipoTelefono = z.infer<typeof tipoTelefono>;
export const tipoContacto = z.enum(['telefono', 'correo', 'domicilio']);
export type TipoContacto = z.infer<typeof tipoContacto>;
export const cambioContacto = z.enum([
  'alta',
  'correccion',
  'invalido',
  'valido',
  'consentimiento',
  'retiro',
  'zona_horaria',
]);
export type CambioContacto = z.infer<typeof cambioContacto>;

const vigencia = {
  agregado: instante,
  /** When it stopped being used (corrected or retired); null: current. */
  retirado: instante.nullable(),
};
const zonaEfectiva = {
  /** The zone the contact rules use: chosen by hand, else derived (address state, area code). */
  zonaHoraria: z.string(),
  /** True when someone chose it (abroad); false when derived. */
  zonaHorariaAMano: z.boolean(),
};

export const telefono = z.strictObject({
  id,
  /** Masked, `•••• 2847`. */
  numero: z.string(),
  tipo: tipoTelefono,
  consentimiento: z.boolean(),
  valido: z.boolean(),
  ...zonaEfectiva,
  ...vigencia,
});
export type Telefono = z.infer<typeof telefono>;

export const correo = z.strictObject({
  id,
  /** Masked, `s•••@dominio.com`. */
  correo: z.string(),
  consentimiento: z.boolean(),
  valido: z.boolean(),
  ...vigencia,
});
export type Correo = z.infer<typeof correo>;

export const domicilio = z.strictObject({
  id,
  calle: z.string(),
  numero: z.string().nullable(),
  colonia: z.string().nullable(),
  codigoPostal: z.string().nullable(),
  municipio: z.string(),
  estado: z.string(),
  vigente: z.boolean(),
  ...zonaEfectiva,
  ...vigencia,
});
export type Domicilio = z.infer<typeof domicilio>;

/** A change of a contact datum, before and after (snapshots, masked): nothing is overwritten unseen. */
export const cambioDeContacto = z.strictObject({
  id,
  tipo: tipoContacto,
  contactoId: id,
  cambio: cambioContacto,
  antes: z.unknown(),
  despues: z.unknown(),
  motivo: z.string().nullable(),
  /** Who made it; null for the import. */
  registradoPor: usuarioBreve.pick({ id: true, nombre: true }).nullable(),
  registrado: instante,
});
export type CambioDeContacto = z.infer<typeof cambioDeContacto>;

export const contactos = z.strictObject({
  personaId: id,
  /** Current ones first (oldest first), then the retired ones (latest retired first). */
  telefonos: z.array(telefono),
  correos: z.array(correo),
  domicilios: z.array(domicilio),
  /** Every change, newest first. */
  historial: z.array(cambioDeContacto),
});
export type Contactos = z.infer<typeof contactos>;

/** An added one (201, or 200 when she already had it and it was only updated). */
export const telefonoAgregado = z.strictObject({ telefono });
export const correoAgregado = z.strictObject({ correo });
export const domicilioAgregado = z.strictObject({ domicilio });
/** A change: the datum as it is now, and the kinds of change it took (history rows). */
export const telefonoCambiado = telefonoAgregado.extend({ cambios: z.array(cambioContacto) });
export const correoCambiado = correoAgregado.extend({ cambios: z.array(cambioContacto) });
export const domicilioCambiado = domicilioAgregado.extend({ cambios: z.array(cambioContacto) });
