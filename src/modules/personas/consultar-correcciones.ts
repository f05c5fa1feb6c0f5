import type { Db } from '../../db/conexion.ts';
import { enmascararCurp } from '../../domain/enmascarar.ts';
import { registrarEnBitacora } from '../bitacora/registrar-en-bitacora.ts';
import { exigirPersonaEnCartera } from '../contactos/persona-en-cartera.ts';
import { type ContextoAutenticado, origenDe } from '../contexto.ts';
import { type PersonaCorregida, personaVisible } from './corregir-persona.ts';

export interface CorreccionEnHistorial {
  id: number;
  /** Only the fields corrected; a CURP shows masked, as everywhere. */
  antes: Record<string, string | null>;
  despues: Record<string, string | null>;
  motivo: string;
  registradaPor: { id: number; nombre: string };
  registrada: string;
}

/** The stored jsonb as the API shows it: each field a text or null (names, CURP, a date). */
function visible(campos: unknown): Record<string, string | null> {
  if (typeof campos !== 'object' || campos === null) return {};
  const c: Record<string, string | null> = {};
  for (const [campo, valor] of Object.entries(campos)) {
    if (typeof valor === 'string') c[campo] = campo === 'curp' ? enmascararCurp(valor) : valor;
    else if (valor === null) c[campo] = null;
  }
  return c;
}

/** The person as she is now (for the correction's form), and her corrections. */
export interface CorreccionesDePersona {
  personaId: number;
  persona: PersonaCorregida;
  correcciones: CorreccionEnHistorial[];
}

/**
 * A person's data as it is now and her corrections, newest first, for whoever sees a credit of hers. Reading personal
 * data leaves its bitácora row.
 */
export async function consultarCorrecciones(
  trx: Db,
  personaId: number,
  ctx: ContextoAutenticado,
): Promise<CorreccionesDePersona> {
  await exigirPersonaEnCartera(trx, personaId, ctx.actor, { bloquear: false });
  const p = await trx
    .selectFrom('personas')
    .select(['id', 'nombres', 'primer_apellido', 'segundo_apellido', 'curp', 'fecha_nacimiento'])
    .where('id', '=', personaId)
    .executeTakeFirstOrThrow();
  const filas = await trx
    .selectFrom('correcciones_persona as c')
    .innerJoin('usuarios as u', 'u.id', 'c.registrada_por')
    .select([
      'c.id',
      'c.antes',
      'c.despues',
      'c.motivo',
      'c.registrada',
      'u.id as usuarioId',
      'u.nombre',
    ])
    .where('c.persona_id', '=', personaId)
    .orderBy('c.id', 'desc')
    .execute();
  await registrarEnBitacora(trx, origenDe(ctx), {
    accion: 'persona.correcciones_consultadas',
    objetoTipo: 'persona',
    objetoId: personaId,
  });
  return {
    personaId,
    persona: personaVisible(p),
    correcciones: filas.map((f) => ({
      id: f.id,
      antes: visible(f.antes),
      despues: visible(f.despues),
      motivo: f.motivo,
      registradaPor: { id: f.usuarioId, nombre: f.nombre },
      registrada: f.registrada.toISOString(),
    })),
  };
}
