/** A person's own data: the supervised correction and its history (src/http/rutas/personas.ts). */
import { z } from 'zod';
import { fecha, id, instante, usuarioBreve } from './comun.ts';

export const datosDePersona = z.strictObject({
  id,
  nombres: z.string(),
  primerApellido: z.string(),
  segundoApellido: z.string().nullable(),
  /** Masked: `HESJ47…N04`. */
  curp: z.string().nullable(),
  fechaNacimiento: fecha.nullable(),
});
export type DatosDePersona = z.infer<typeof datosDePersona>;

export const correccionDePersona = z.strictObject({
  id,
  /** Only the fields corrected, by their API name (`segundoApellido`); a CURP masked. */
  antes: z.record(z.string(), z.string().nullable()),
  despues: z.record(z.string(), z.string().nullable()),
  motivo: z.string(),
  registradaPor: usuarioBreve.pick({ id: true, nombre: true }),
  registrada: instante,
});
export type CorreccionDePersona = z.infer<typeof correccionDePersona>;

/** The person as she is now (for the correction's form), and her corrections, newest first. */
export const correccionesDePersona = z.strictObject({
  personaId: id,
  persona: datosDePersona,
  correcciones: z.array(correccionDePersona),
});
export type CorreccionesDePersona = z.infer<typeof correccionesDePersona>;

export const personaCorregida = z.strictObject({ persona: datosDePersona });
