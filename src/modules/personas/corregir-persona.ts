import type { Db } from '../../db/conexion.ts';
import { enmascararCurp } from '../../domain/enmascarar.ts';
import { ErrorDominio } from '../../domain/errores.ts';
import type { Fecha } from '../../domain/fecha.ts';
import { registrarEnBitacora } from '../bitacora/registrar-en-bitacora.ts';
import { exigirPersonaEnCartera } from '../contactos/persona-en-cartera.ts';
import { type ContextoAutenticado, origenDe } from '../contexto.ts';

/** The fields a correction may change; an absent one stays as it is. */
export interface CamposDePersona {
  nombres?: string;
  primerApellido?: string;
  segundoApellido?: string | null;
  /** Upper case with a valid check digit, validated at the edge. */
  curp?: string;
  fechaNacimiento?: Fecha | null;
}

export interface CorreccionDePersona extends CamposDePersona {
  motivo: string;
}

export interface PersonaCorregida {
  id: number;
  nombres: string;
  primerApellido: string;
  segundoApellido: string | null;
  /** Masked, as every view shows it: `HESJ47…N04`. */
  curp: string | null;
  fechaNacimiento: Fecha | null;
}

/** The person as the API shows her: the CURP masked. */
export function personaVisible(r: {
  id: number;
  nombres: string;
  primer_apellido: string;
  segundo_apellido: string | null;
  curp: string | null;
  fecha_nacimiento: string | null;
}): PersonaCorregida {
  return {
    id: r.id,
    nombres: r.nombres,
    primerApellido: r.primer_apellido,
    segundoApellido: r.segundo_apellido,
    curp: r.curp === null ? null : enmascararCurp(r.curp),
    fechaNacimiento: r.fecha_nacimiento as Fecha | null,
  };
}

type Datos = Required<CamposDePersona>;
const CAMPOS = [
  'nombres',
  'primerApellido',
  'segundoApellido',
  'curp',
  'fechaNacimiento',
] as const satisfies ReadonlyArray<keyof CamposDePersona>;

/** What the history and the bitácora keep: only the fields that changed, before and after. */
function diferencias(actual: Datos, c: CamposDePersona) {
  const antes: Partial<Datos> = {};
  const despues: Partial<Datos> = {};
  for (const k of CAMPOS) {
    const nuevo = c[k];
    if (nuevo === undefined || nuevo === actual[k]) continue;
    Object.assign(antes, { [k]: actual[k] });
    Object.assign(despues, { [k]: nuevo });
  }
  return { antes, despues };
}

/**
 * A supervised correction of a person's name, CURP or birth date (issue 17, item 3): by the
 * coordinador of an office that holds a credit of hers, or the administrador, with a reason.
 * The import never changes a person (docs/importacion.md); this is how a value that came in
 * wrong (`#N/A` as a surname) is put right. The history row and the bitácora row are written
 * in the same transaction; the search finds the new name at once (`nombre_busqueda` is a
 * generated column, migration 0006).
 */
export async function corregirPersona(
  trx: Db,
  personaId: number,
  c: CorreccionDePersona,
  ctx: ContextoAutenticado,
): Promise<PersonaCorregida> {
  await exigirPersonaEnCartera(trx, personaId, ctx.actor, { bloquear: true });
  const fila = await trx
    .selectFrom('personas')
    .select(['nombres', 'primer_apellido', 'segundo_apellido', 'curp', 'fecha_nacimiento'])
    .where('id', '=', personaId)
    .executeTakeFirstOrThrow();
  const actual: Datos = {
    nombres: fila.nombres,
    primerApellido: fila.primer_apellido,
    segundoApellido: fila.segundo_apellido,
    curp: fila.curp ?? '',
    fechaNacimiento: fila.fecha_nacimiento as Fecha | null,
  };
  const { antes, despues } = diferencias(actual, c);
  if (Object.keys(despues).length === 0) {
    throw new ErrorDominio(
      'entrada_invalida',
      'Los datos son los que ya tiene la persona: no hay nada que corregir.',
    );
  }
  if (despues.curp !== undefined) {
    const otra = await trx
      .selectFrom('personas')
      .select('id')
      .where('curp', '=', despues.curp)
      .where('id', '<>', personaId)
      .executeTakeFirst();
    if (otra) {
      throw new ErrorDominio(
        'conflicto',
        `La CURP ${despues.curp} ya es de otra persona registrada: si son la misma persona, pide al administrador que las revise; si no, verifica la CURP.`,
        'curp',
      );
    }
  }
  const ahora = ctx.reloj.ahora();
  const r = await trx
    .updateTable('personas')
    .set({
      nombres: c.nombres ?? actual.nombres,
      primer_apellido: c.primerApellido ?? actual.primerApellido,
      segundo_apellido:
        c.segundoApellido === undefined ? actual.segundoApellido : c.segundoApellido,
      curp: c.curp ?? fila.curp,
      fecha_nacimiento:
        c.fechaNacimiento === undefined ? actual.fechaNacimiento : c.fechaNacimiento,
    })
    .where('id', '=', personaId)
    .returning(['id', 'nombres', 'primer_apellido', 'segundo_apellido', 'curp', 'fecha_nacimiento'])
    .executeTakeFirstOrThrow();
  const { id: correccionId } = await trx
    .insertInto('correcciones_persona')
    .values({
      persona_id: personaId,
      antes: JSON.stringify(antes),
      despues: JSON.stringify(despues),
      motivo: c.motivo,
      registrada_por: ctx.actor.id,
      registrada: ahora,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await registrarEnBitacora(trx, origenDe(ctx), {
    accion: 'persona.corregida',
    objetoTipo: 'persona',
    objetoId: personaId,
    detalle: { correccionId, antes, despues, motivo: c.motivo },
  });
  return personaVisible(r);
}
