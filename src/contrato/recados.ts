/** Recados: phone messages for a gestor, read, attended with a gestión (src/http/rutas/recados.ts). */
import { z } from 'zod';
import { id, instante } from './comun.ts';
import { gestion } from './gestion.ts';

export const estadoRecado = z.enum(['nuevo', 'leido', 'atendido']);
export type EstadoRecado = z.infer<typeof estadoRecado>;

const nombrado = z.strictObject({ id, nombre: z.string() });

export const recado = z.strictObject({
  id,
  estado: estadoRecado,
  oficinaId: id,
  /** The account it is about, with its acreditado; null when the caller named none. */
  creditoId: id.nullable(),
  numero: z.string().nullable(),
  acreditado: z.string().nullable(),
  /** The caller, when found with the search. */
  persona: nombrado.nullable(),
  llamanteNombre: z.string(),
  /** Masked, `•••• 4567`: whoever attends the recado reveals it to call back. */
  llamanteTelefono: z.string().nullable(),
  para: nombrado,
  /** Who answered the phone and took the message. */
  tomadoPor: nombrado,
  mensaje: z.string(),
  /** When the caller asked to be called back; null: not said. */
  volverALlamar: instante.nullable(),
  creado: instante,
  leido: instante.nullable(),
  atendido: instante.nullable(),
  gestionId: id.nullable(),
  /** When it reached the coordinador for lack of attention; null: not escalated. */
  escalado: instante.nullable(),
});
export type Recado = z.infer<typeof recado>;

export const recadosDelUsuario = z.strictObject({
  recados: z.array(recado),
  /** Unread ones among all the user sees, whatever the filter: the badge. */
  nuevos: z.number().int(),
});
export type RecadosDelUsuario = z.infer<typeof recadosDelUsuario>;

/** The gestión that answered it, and the recado now `atendido`. */
export const recadoAtendido = z.strictObject({ gestion, recado });
export type RecadoAtendido = z.infer<typeof recadoAtendido>;
