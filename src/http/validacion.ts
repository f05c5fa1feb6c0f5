import { type ZodError, type ZodType, z } from 'zod';
import { centavosDesdeTexto } from '../domain/dinero.ts';
import {
  anioAdmitido,
  type Fecha,
  fechaDesdeTexto,
  PRIMER_ANIO_ADMITIDO,
  ULTIMO_ANIO_ADMITIDO,
} from '../domain/fecha.ts';
import { caracterNoAdmitido, motivoDeCaracter } from '../domain/texto.ts';

z.config(z.locales.es());

/** Field path as the client wrote it: `pagos[2].monto`. */
function rutaDeCampo(ruta: ReadonlyArray<PropertyKey>): string {
  return ruta.reduce<string>((acc, parte) => {
    if (typeof parte === 'number') return `${acc}[${parte}]`;
    return acc === '' ? String(parte) : `${acc}.${String(parte)}`;
  }, '');
}

/** One Spanish sentence naming the first offending field; the client shows it as is. */
export function mensajeDeZod(error: ZodError): { mensaje: string; campo?: string } {
  const issue = error.issues[0];
  if (!issue) return { mensaje: 'Solicitud inválida.' };
  if (issue.code === 'unrecognized_keys') {
    const base = rutaDeCampo(issue.path);
    const campo = base === '' ? (issue.keys[0] ?? '') : `${base}.${issue.keys[0] ?? ''}`;
    return { mensaje: `El campo «${campo}» no se admite.`, campo };
  }
  const campo = rutaDeCampo(issue.path);
  if (campo === '') return { mensaje: `Solicitud inválida: ${issue.message}.` };
  const falta = issue.code === 'invalid_type' && issue.input === undefined;
  return {
    mensaje: falta ? `Falta el campo «${campo}».` : `Campo «${campo}»: ${issue.message}.`,
    campo,
  };
}

/** Parses at the edge; unknown fields are rejected because every body schema is `z.strictObject`. */
export function validar<T>(esquema: ZodType<T>, valor: unknown): T {
  return esquema.parse(valor ?? {}, { reportInput: true });
}

/*
 * The primitives every route builds its schemas from, so that what PostgreSQL or the date
 * arithmetic cannot take is refused here, as a 400 naming the field, and never reaches them.
 */

/** PostgreSQL's `integer`: every id column. A bigger number cannot name a row. */
export const MAXIMO_ID = 2_147_483_647;

/** A record's id in a JSON body. */
export const id = z
  .number('debe ser un número de registro')
  .int('debe ser un número entero')
  .positive('debe ser mayor que cero')
  .max(MAXIMO_ID, `no es un número de registro válido (a lo más ${MAXIMO_ID})`);
/** A record's id in the path or the query string, where it arrives as text. */
export const idEnConsulta = z.coerce.number('debe ser un número de registro').pipe(id);
export const idEnRuta = z.strictObject({ id: idEnConsulta });

// Dates, months and instants: only within the admitted years (src/domain/fecha.ts says why).
const FUERA_DE_RANGO = `debe ser una fecha entre ${PRIMER_ANIO_ADMITIDO} y ${ULTIMO_ANIO_ADMITIDO}`;

/** Every `AAAA-MM-DD` the API reads, in a body or in the query string. */
export const fecha = z
  .string('debe ser una fecha AAAA-MM-DD')
  .refine((t) => fechaDesdeTexto(t) !== null, 'debe ser una fecha real AAAA-MM-DD')
  .refine((t) => fechaDesdeTexto(t) === null || anioAdmitido(t), FUERA_DE_RANGO)
  .transform((t) => t as Fecha);
export const fechaOpcional = fecha.optional();

/** A month `AAAA-MM` within the same years. */
export const mes = z
  .string('debe ser un mes AAAA-MM, p. ej. 2026-03')
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'debe ser un mes AAAA-MM, p. ej. 2026-03')
  .refine((t) => !/^\d{4}/.test(t) || anioAdmitido(t), FUERA_DE_RANGO);

const ISO_CON_ZONA = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** An instant, ISO 8601 with its zone, within the same years. */
export const instante = z
  .string('debe ser un instante ISO 8601, p. ej. 2026-12-04T10:15:00-07:00')
  .refine(
    (t) => ISO_CON_ZONA.test(t) && !Number.isNaN(Date.parse(t)),
    'debe ser un instante ISO 8601 con zona, p. ej. 2026-12-04T10:15:00-07:00',
  )
  .refine((t) => !ISO_CON_ZONA.test(t) || anioAdmitido(t), FUERA_DE_RANGO)
  .transform((t) => new Date(t));

export interface MensajesDeMonto {
  /** Said when the value is not a string at all (zod's own sentence when absent). */
  tipo?: string;
  /** Said when the text is not pesos with at most two decimals. */
  invalido: string;
}

/**
 * An amount in pesos as a decimal string ("1500.00": a JSON number could already have lost a
 * centavo), read once into `Centavos`; the route adds its own bounds with `.refine`.
 */
export const montoEnPesos = ({ tipo, invalido }: MensajesDeMonto) =>
  z.string(tipo).transform((t, ctx) => {
    const c = centavosDesdeTexto(t);
    if (c === null) {
      ctx.addIssue({ code: 'custom', message: invalido });
      return z.NEVER;
    }
    return c;
  });

const MONTO_DE_PAGO =
  'debe ser un monto en pesos mayor que cero, con a lo más dos decimales (p. ej. "1500.00")';

/** What a person pays or will pay at the bank: more than zero, at most $100,000,000.00. */
export const montoDePago = montoEnPesos({ invalido: MONTO_DE_PAGO })
  .refine((c) => c > 0, MONTO_DE_PAGO)
  .refine((c) => c <= 100_000_000_00, 'excede el máximo de $100,000,000.00');

export interface OpcionesTexto {
  /** Multi-line text (a reason, a note): tab, line feed and carriage return are admitted. */
  renglones?: boolean;
  /** What the field should be, said when the value is not a string at all. */
  tipo?: string;
}

/**
 * The base of every free text: normalized to NFC (one way to store "é", so that search and
 * uniqueness see one word), without control or invisible characters.
 */
export const cadena = (opciones: OpcionesTexto = {}) =>
  z
    .string(opciones.tipo ?? 'debe ser texto')
    .normalize('NFC')
    .superRefine((t, ctx) => {
      const c = caracterNoAdmitido(t, opciones.renglones === true);
      if (c !== null) ctx.addIssue({ code: 'custom', message: motivoDeCaracter(c) });
    });

/** Required text: trimmed, not empty, at most `max` characters. */
export const texto = (max: number, opciones: OpcionesTexto = {}) =>
  cadena(opciones)
    .trim()
    .min(1, 'no puede estar vacío')
    .max(max, `admite a lo más ${max} caracteres`);

/**
 * A file's name in the `X-Nombre-Archivo` header. Headers carry ASCII, so a name with accents
 * comes percent-encoded (`encodeURIComponent`); decoded, it is a text like any other.
 */
export const nombreDeArchivo = z
  .string('debe ser el nombre del archivo')
  .transform((t, ctx) => {
    try {
      return decodeURIComponent(t);
    } catch {
      ctx.addIssue({
        code: 'custom',
        message: 'debe ser el nombre del archivo codificado con encodeURIComponent',
      });
      return z.NEVER;
    }
  })
  .pipe(texto(200));

/** Optional text: trimmed, and empty is no value at all (`null`). */
export const textoOpcional = (max: number, opciones: OpcionesTexto = {}) =>
  cadena(opciones)
    .trim()
    .max(max, `admite a lo más ${max} caracteres`)
    .transform((t) => (t === '' ? null : t))
    .nullable();
