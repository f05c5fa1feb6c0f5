import type { Db } from '../../db/conexion.ts';
import { validarCurp } from '../../domain/curp.ts';
import { ErrorDominio } from '../../domain/errores.ts';
import { validarRfc } from '../../domain/rfc.ts';
import { registrarEnBitacora } from '../bitacora/registrar-en-bitacora.ts';
import { type ContextoAutenticado, origenDe } from '../contexto.ts';

/** The identity fields a rectification may correct; an absent one stays. */
export interface CamposDeIdentidad {
  nombres?: string;
  primerApellido?: string;
  segundoApellido?: string | null;
  curp?: string | null;
  rfc?: string | null;
  fechaNacimiento?: string | null;
}

const COLUMNA = {
  nombres: 'nombres',
  primerApellido: 'primer_apellido',
  segundoApellido: 'segundo_apellido',
  curp: 'curp',
  rfc: 'rfc',
  fechaNacimiento: 'fecha_nacimiento',
} as const;

type Campo = keyof typeof COLUMNA;

/**
 * Corrects the person's identity fields from the document the titular showed. The CURP must
 * be valid (check digit included: it is copied from an official document) and no one else's;
 * an RFC whose check character does not match is accepted, as on import (rare legal variants).
 * Returns the names of the fields changed; before and after go to the bitácora.
 */
export async function rectificarIdentidad(
  trx: Db,
  personaId: number,
  c: CamposDeIdentidad,
  motivo: string,
  indice: number,
  ctx: ContextoAutenticado,
): Promise<string[]> {
  const campo = (k: string) => `rectificaciones[${indice}].${k}`;
  const invalida = (mensaje: string, k: string) =>
    new ErrorDominio('entrada_invalida', mensaje, campo(k));
  const curp = c.curp === undefined || c.curp === null ? c.curp : c.curp.toUpperCase();
  if (curp !== undefined && curp !== null) {
    const r = validarCurp(curp);
    if (!r.valida) throw invalida(`La CURP ${curp} no es válida: ${r.motivo}.`, 'curp');
    const otra = await trx
      .selectFrom('personas')
      .select('id')
      .where('curp', '=', curp)
      .where('id', '<>', personaId)
      .executeTakeFirst();
    if (otra) throw invalida(`La CURP ${curp} ya es de otra persona en Recupera.`, 'curp');
  }
  const rfc = c.rfc === undefined || c.rfc === null ? c.rfc : c.rfc.toUpperCase();
  if (rfc !== undefined && rfc !== null) {
    const r = validarRfc(rfc);
    if (!r.valido) throw invalida(`El RFC ${rfc} no es válido: ${r.motivo}.`, 'rfc');
  }
  const antes = await trx
    .selectFrom('personas')
    .select(Object.values(COLUMNA))
    .where('id', '=', personaId)
    .forNoKeyUpdate()
    .executeTakeFirstOrThrow();
  const nuevos = { ...c, curp, rfc };
  const cambiados = (Object.keys(COLUMNA) as Campo[]).filter(
    (k) => nuevos[k] !== undefined && nuevos[k] !== antes[COLUMNA[k]],
  );
  if (cambiados.length === 0) return [];
  const valores = Object.fromEntries(cambiados.map((k) => [COLUMNA[k], nuevos[k]]));
  await trx.updateTable('personas').set(valores).where('id', '=', personaId).execute();
  await registrarEnBitacora(trx, origenDe(ctx), {
    accion: 'persona.rectificada',
    objetoTipo: 'persona',
    objetoId: personaId,
    detalle: {
      antes: Object.fromEntries(cambiados.map((k) => [k, antes[COLUMNA[k]]])),
      despues: Object.fromEntries(cambiados.map((k) => [k, nuevos[k]])),
      motivo,
    },
  });
  return cambiados;
}
