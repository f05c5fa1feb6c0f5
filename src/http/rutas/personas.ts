import { z } from 'zod';
import { correccionesDePersona, personaCorregida } from '../../contrato/personas.ts';
import { validarCurp } from '../../domain/curp.ts';
import { consultarCorrecciones } from '../../modules/personas/consultar-correcciones.ts';
import { corregirPersona } from '../../modules/personas/corregir-persona.ts';
import type { ContextoApp } from '../app.ts';
import { enrutador } from '../ruta.ts';
import { fecha, idEnRuta, texto, textoOpcional } from '../validacion.ts';

// Letters (any accent, Ñ), spaces, apostrophes, dots and hyphens: «María de los Ángeles»,
// «O’Farrill», «Peña-Ruiz». An Excel error value (`#N/A`) or a stray digit is not a name.
const NOMBRE = /^[\p{L}\p{M}](?:[\p{L}\p{M}'’. -]*[\p{L}\p{M}.])?$/u;
const MENSAJE_NOMBRE = 'debe tener solo letras, espacios, apóstrofos, puntos o guiones';
const nombre = texto(120).refine((t) => NOMBRE.test(t), MENSAJE_NOMBRE);
const segundoApellido = textoOpcional(120).refine(
  (t) => t === null || NOMBRE.test(t),
  MENSAJE_NOMBRE,
);

const curp = z
  .string('debe ser una CURP como texto')
  .trim()
  .toUpperCase()
  .superRefine((t, ctx) => {
    const r = validarCurp(t);
    // The reason names the check digit the other 17 characters imply (src/domain/curp.ts).
    if (!r.valida)
      ctx.addIssue({ code: 'custom', message: `«${t}» no es una CURP válida: ${r.motivo}` });
  });

const correccion = z
  .strictObject({
    nombres: nombre.optional(),
    primerApellido: nombre.optional(),
    segundoApellido: segundoApellido.optional(),
    curp: curp.optional(),
    fechaNacimiento: fecha.nullable().optional(),
    motivo: texto(500, { renglones: true }),
  })
  .superRefine((c, ctx) => {
    const campos = ['nombres', 'primerApellido', 'segundoApellido', 'curp', 'fechaNacimiento'];
    if (campos.every((k) => c[k as keyof typeof c] === undefined)) {
      ctx.addIssue({
        code: 'custom',
        message: `indica qué corregir: ${campos.join(', ')}`,
      });
    }
  });

/** A person's own data: the supervised correction and its history (issue 17, item 3). */
export function rutasPersonas(contexto: ContextoApp): void {
  const rutas = enrutador(contexto);

  rutas.post(
    '/api/personas/:id/correcciones',
    {
      accion: 'personas.corregir',
      params: idEnRuta,
      body: correccion,
      resumen: 'Corrige el nombre, la CURP o la fecha de nacimiento de una persona',
      respuesta: personaCorregida,
    },
    async ({ params: { id }, body, ctx, enTransaccion, responder }) => {
      const persona = await enTransaccion((trx) => corregirPersona(trx, id, body, ctx));
      return responder(201, { persona });
    },
  );

  rutas.get(
    '/api/personas/:id/correcciones',
    {
      accion: 'personas.correcciones',
      params: idEnRuta,
      resumen: 'Los datos de una persona y el historial de sus correcciones',
      respuesta: correccionesDePersona,
    },
    async ({ params: { id }, ctx, enTransaccion }) =>
      enTransaccion((trx) => consultarCorrecciones(trx, id, ctx)),
  );
}
