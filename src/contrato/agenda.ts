/** La agenda del gestor (src/http/rutas/agenda.ts: /api/agenda). */
import { z } from 'zod';
import { fecha, id } from './comun.ts';

export const tipoEventoAgenda = z.enum([
  'llamada',
  'visita',
  'cita',
  'promesa',
  'pago_convenio',
  'recado',
]);
export type TipoEventoAgenda = z.infer<typeof tipoEventoAgenda>;

export const eventoAgenda = z.strictObject({
  tipo: tipoEventoAgenda,
  fecha,
  /** `HH:MM` Hermosillo time, when the event has one (a recado's callback). */
  hora: z.string().optional(),
  /** Null for a recado about no credit. */
  creditoId: id.nullable(),
  numero: z.string().nullable(),
  acreditado: z.string().nullable(),
  descripcion: z.string(),
  /** The recado to answer, on a callback. */
  recadoId: id.optional(),
});
export type EventoAgenda = z.infer<typeof eventoAgenda>;

export const agenda = z.strictObject({
  gestor: z.strictObject({ id, nombre: z.string() }),
  desde: fecha,
  hasta: fecha,
  eventos: z.array(eventoAgenda),
});
export type Agenda = z.infer<typeof agenda>;
