import type { FormRule } from 'antd';

/** Same rules the server applies (src/modules/seguridad/contrasenas.ts), checked early. */
export const LONGITUD_MINIMA_CONTRASENA = 10;

export function reglasContrasenaNueva(usuario: () => string | undefined): FormRule[] {
  return [
    { required: true, message: 'Escribe la nueva contraseña.' },
    {
      min: LONGITUD_MINIMA_CONTRASENA,
      message: `La contraseña debe tener al menos ${LONGITUD_MINIMA_CONTRASENA} caracteres.`,
    },
    {
      validator: async (_regla, valor: unknown) => {
        const nombre = usuario();
        if (
          typeof valor === 'string' &&
          nombre !== undefined &&
          valor.trim().toLowerCase() === nombre.trim().toLowerCase()
        ) {
          throw new Error('La contraseña no puede ser igual al usuario.');
        }
      },
    },
  ];
}

/** For the "confirm" field: must equal the field named `campo`. */
export function reglasConfirmacion(campo: string): FormRule[] {
  return [
    { required: true, message: 'Vuelve a escribir la nueva contraseña.' },
    ({ getFieldValue }) => ({
      validator: async (_regla, valor: unknown) => {
        if (valor && valor !== getFieldValue(campo)) {
          throw new Error('Las contraseñas no coinciden.');
        }
      },
    }),
  ];
}
