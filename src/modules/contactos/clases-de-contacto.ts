import { enmascararCorreo, enmascararTelefono } from '../../domain/enmascarar.ts';
import type { ClaseConClave, ClaseDeContacto } from './contacto-en-tabla.ts';
import { fotoDeCorreo, fotoDeDomicilio, fotoDeTelefono } from './vistas.ts';

/** Phones, e-mails and addresses as the shared flows (`contacto-en-tabla.ts`) see them. */

export const TELEFONO: ClaseConClave<'telefonos'> = {
  tabla: 'telefonos',
  tipo: 'telefono',
  nombre: 'teléfono',
  clave: 'numero',
  foto: fotoDeTelefono,
  cambiables: ['tipo', 'valido', 'consentimiento', 'zona_horaria', 'retirado'],
  retiro: (ahora) => ({ retirado: ahora }),
  yaRetirado: (f) =>
    `El teléfono ${enmascararTelefono(f.numero)} ya fue retirado: para volver a usarlo, agrégalo de nuevo.`,
};

export const CORREO: ClaseConClave<'correos'> = {
  tabla: 'correos',
  tipo: 'correo',
  nombre: 'correo',
  clave: 'correo',
  foto: fotoDeCorreo,
  cambiables: ['valido', 'consentimiento', 'retirado'],
  retiro: (ahora) => ({ retirado: ahora }),
  yaRetirado: (f) =>
    `El correo ${enmascararCorreo(f.correo)} ya fue retirado: para volver a usarlo, agrégalo de nuevo.`,
};

export const DOMICILIO: ClaseDeContacto<'domicilios'> = {
  tabla: 'domicilios',
  tipo: 'domicilio',
  nombre: 'domicilio',
  foto: fotoDeDomicilio,
  cambiables: ['zona_horaria', 'retirado', 'vigente'],
  // A retired address is no longer where she lives.
  retiro: (ahora) => ({ retirado: ahora, vigente: false }),
  yaRetirado: () =>
    'Ese domicilio ya fue retirado: si la persona vuelve a vivir ahí, agrégalo de nuevo.',
};
