/**
 * The wire contract between the server and the screens: the JSON the API answers, as zod
 * schemas. The server's routes are type-checked against them (`respuesta` in `src/http/ruta.ts`),
 * `GET /api/docs` publishes them as OpenAPI, and the web imports their types (type-only).
 * Files under `src/contrato/` import `zod` and each other, nothing else: the web compiles them.
 *
 * Every object is `z.strictObject`: a field the server adds without saying it here fails the
 * contract test (test/http/contrato.test.ts), so the screens never read a field nobody declared.
 */
import { z } from 'zod';
import { ROLES } from './valores.ts';

export { ROLES };

/** A calendar date `AAAA-MM-DD`. */
export const fecha = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
/** An instant, ISO 8601 with its zone (the server writes `Date`s as `toISOString()`). */
export const instante = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/);
/** Money: pesos as a decimal string with two decimals, `"1500.00"` (a JSON number loses centavos). */
export const pesos = z.string().regex(/^-?\d+\.\d{2}$/);
/** A rate as a decimal string, `"0.06"`. */
export const tasa = z.string().regex(/^-?\d+(\.\d+)?$/);
/** A record's id. */
export const id = z.number().int().positive();

export const rol = z.enum(ROLES);
export type Rol = z.infer<typeof rol>;

export const oficina = z.strictObject({ id, nombre: z.string() });
export type Oficina = z.infer<typeof oficina>;

/** Who did something, as the screens name them. */
export const usuarioBreve = z.strictObject({ id, usuario: z.string(), nombre: z.string() });
export type UsuarioBreve = z.infer<typeof usuarioBreve>;

/** Every error: `{ error: { codigo, mensaje, campo? } }`, plus details some routes add. */
export const error = z.object({
  error: z.looseObject({
    codigo: z.string(),
    mensaje: z.string(),
    campo: z.string().optional(),
  }),
});

/** An answer that only says a background job was queued (202). */
export const trabajoEncolado = z.strictObject({ trabajo: z.string() });

export const estadoTrabajo = z.enum(['pendiente', 'en_curso', 'terminado', 'fallido', 'cancelado']);
export type EstadoTrabajo = z.infer<typeof estadoTrabajo>;
/** A queued job as it stands; `resultado` is the job's own summary (null until it ends). */
export const trabajo = z.strictObject({
  id: z.string(),
  estado: estadoTrabajo,
  resultado: z.unknown(),
});
export type Trabajo = z.infer<typeof trabajo>;

/**
 * The contract's type as the server may hold it before JSON: a `Date` where the wire has its
 * ISO text (JSON.stringify writes it so). Literal unions stay exact: a server `string` where the
 * contract says `'banco' | 'caja'` is a type error, which is the point.
 */
export type EnElServidor<T> = T extends string
  ? string extends T
    ? string | Date
    : T
  : T extends ReadonlyArray<infer E>
    ? ReadonlyArray<EnElServidor<E>>
    : T extends object
      ? { [K in keyof T]: EnElServidor<T[K]> }
      : T;
