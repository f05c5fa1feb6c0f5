/** Sesión, usuarios y oficinas (src/http/rutas/sesion.ts, usuarios.ts, oficinas.ts, salud.ts). */
import { z } from 'zod';
import { fecha, id, oficina, rol } from './comun.ts';

export const usuario = z.strictObject({
  id,
  usuario: z.string(),
  nombre: z.string(),
  rol,
  oficina: oficina.nullable(),
  activo: z.boolean(),
});
export type Usuario = z.infer<typeof usuario>;

export const respuestaSesion = z.strictObject({
  usuario,
  csrf: z.string(),
  /** The server's business date `aaaa-mm-dd` (America/Hermosillo): the UI's only "today". */
  hoy: fecha,
});
export type RespuestaSesion = z.infer<typeof respuestaSesion>;

export const respuestaUsuario = z.strictObject({ usuario });
export const listaUsuarios = z.strictObject({ usuarios: z.array(usuario) });
export const listaOficinas = z.strictObject({ oficinas: z.array(oficina) });
export const salud = z.strictObject({ estado: z.literal('ok') });
