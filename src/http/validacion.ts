import { type ZodError, type ZodType, z } from 'zod';

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

export const texto = (max: number) =>
  z.string().trim().min(1, 'no puede estar vacío').max(max, `admite a lo más ${max} caracteres`);
export const idEnRuta = z.strictObject({ id: z.coerce.number().int().positive() });
