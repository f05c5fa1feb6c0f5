import { z } from 'zod';
import { CERO, centavosDesdeTexto } from '../../domain/dinero.ts';
import { type Fecha, fechaDesdeTexto } from '../../domain/fecha.ts';
import type { GestionNueva } from '../../modules/gestion/gestion-nueva.ts';

const id = z.number('debe ser un número de registro').int().positive().max(2_147_483_647);
const fecha = z
  .string('debe ser una fecha AAAA-MM-DD')
  .refine((t) => fechaDesdeTexto(t) !== null, 'debe ser una fecha real AAAA-MM-DD')
  .transform((t) => t as Fecha);
const textoLibre = (max: number) =>
  z
    .string('debe ser texto')
    .trim()
    .max(max, `admite a lo más ${max} caracteres`)
    .transform((t) => (t === '' ? null : t))
    .nullable()
    .default(null);

/** The body of a gestión (POST /api/creditos/:id/gestiones and a recado's atención). */
export const cuerpoGestion = z.strictObject({
  canal: z.enum(
    [
      'llamada_saliente',
      'llamada_entrante',
      'visita_domiciliaria',
      'correo',
      'sms',
      'whatsapp',
      'carta',
      'ventanilla',
    ],
    'debe ser llamada_saliente, llamada_entrante, visita_domiciliaria, correo, sms, whatsapp, carta o ventanilla',
  ),
  personaId: id.nullable().default(null),
  contactoNombre: textoLibre(200),
  telefonoId: id.nullable().default(null),
  correoId: id.nullable().default(null),
  domicilioId: id.nullable().default(null),
  resultado: z
    .string('debe ser la clave de un resultado del catálogo')
    .trim()
    .min(1, 'elige un resultado')
    .max(40, 'admite a lo más 40 caracteres'),
  nota: textoLibre(2000),
  proximaAccion: z
    .strictObject({
      tipo: z.enum(
        ['llamar', 'visitar', 'cita', 'enviar_carta', 'esperar_pago', 'revisar'],
        'debe ser llamar, visitar, cita, enviar_carta, esperar_pago o revisar',
      ),
      fecha,
    })
    .nullable()
    .default(null),
  inicio: z
    .string('debe ser un instante ISO 8601, p. ej. 2026-12-04T10:15:00-07:00')
    .refine(
      (t) =>
        /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(t) &&
        !Number.isNaN(Date.parse(t)),
      'debe ser un instante ISO 8601 con zona, p. ej. 2026-12-04T10:15:00-07:00',
    )
    .transform((t) => new Date(t))
    .nullable()
    .default(null),
  duracionSegundos: z
    .number('debe ser un número de segundos')
    .int('debe ser un número entero de segundos')
    .min(0, 'no puede ser negativa')
    .max(86_400, 'no puede pasar de un día')
    .nullable()
    .default(null),
  promesa: z
    .strictObject({
      monto: z
        .string('debe ser un monto como texto, p. ej. "1500.00"')
        .refine((t) => {
          const c = centavosDesdeTexto(t);
          return c !== null && c > 0;
        }, 'debe ser un monto mayor que cero con a lo más dos decimales, p. ej. "1500.00"')
        .transform((t) => centavosDesdeTexto(t) ?? CERO),
      fecha,
      toleranciaDias: z
        .number('debe ser un número de días')
        .int('debe ser un número entero de días')
        .min(0, 'no puede ser negativa')
        .max(30, 'admite a lo más 30 días')
        .default(0),
    })
    .nullable()
    .default(null),
  recadoId: id.nullable().default(null),
});

export function gestionDesdeCuerpo(c: z.infer<typeof cuerpoGestion>): GestionNueva {
  return c;
}
