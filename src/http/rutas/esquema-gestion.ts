import { z } from 'zod';
import { CANALES_GESTION } from '../../contrato/valores.ts';
import type { GestionNueva } from '../../modules/gestion/gestion-nueva.ts';
import { cadena, fecha, id, instante, montoEnPesos, textoOpcional } from '../validacion.ts';

const PROMESA_INVALIDA =
  'debe ser un monto mayor que cero con a lo más dos decimales, p. ej. "1500.00"';

/** The body of a gestión (POST /api/creditos/:id/gestiones and a recado's atención). */
export const cuerpoGestion = z.strictObject({
  canal: z.enum(
    CANALES_GESTION,
    `debe ser ${CANALES_GESTION.slice(0, -1).join(', ')} o ${CANALES_GESTION.at(-1)}`,
  ),
  personaId: id.nullable().default(null),
  contactoNombre: textoOpcional(200).default(null),
  telefonoId: id.nullable().default(null),
  correoId: id.nullable().default(null),
  domicilioId: id.nullable().default(null),
  resultado: cadena({ tipo: 'debe ser la clave de un resultado del catálogo' })
    .trim()
    .min(1, 'elige un resultado')
    .max(40, 'admite a lo más 40 caracteres'),
  nota: textoOpcional(2000, { renglones: true }).default(null),
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
  inicio: instante.nullable().default(null),
  duracionSegundos: z
    .number('debe ser un número de segundos')
    .int('debe ser un número entero de segundos')
    .min(0, 'no puede ser negativa')
    .max(86_400, 'no puede pasar de un día')
    .nullable()
    .default(null),
  promesa: z
    .strictObject({
      monto: montoEnPesos({
        tipo: 'debe ser un monto como texto, p. ej. "1500.00"',
        invalido: PROMESA_INVALIDA,
      }).refine((c) => c > 0, PROMESA_INVALIDA),
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
