import type { Db } from '../../db/conexion.ts';
import { ErrorDominio } from '../../domain/errores.ts';
import { registrarEnBitacora } from '../bitacora/registrar-en-bitacora.ts';
import { exigirPersonaEnCartera } from '../contactos/persona-en-cartera.ts';
import { type ContextoAutenticado, origenDe } from '../contexto.ts';

/** Which datum, of the ones screens show masked; a phone or an e-mail by its id. */
export type DatoARevelar =
  | { campo: 'curp' }
  | { campo: 'rfc' }
  | { campo: 'telefono'; telefonoId: number }
  | { campo: 'correo'; correoId: number };

/**
 * The whole value of a datum the screens show masked (issue 13 item 9), for whoever may see the
 * person (a credit of hers in their reach). Every reveal is its own bitácora row, with who,
 * whose, and which datum: a gestor who opens every number of an office shows up.
 */
export async function revelarDatoPersonal(
  trx: Db,
  personaId: number,
  dato: DatoARevelar,
  ctx: ContextoAutenticado,
): Promise<{ valor: string }> {
  await exigirPersonaEnCartera(trx, personaId, ctx.actor, { bloquear: false });
  const valor = await leer(trx, personaId, dato);
  await registrarEnBitacora(trx, origenDe(ctx), {
    accion: 'dato_personal.revelado',
    objetoTipo: 'persona',
    objetoId: personaId,
    detalle: {
      campo: dato.campo,
      ...(dato.campo === 'telefono' ? { telefonoId: dato.telefonoId } : {}),
      ...(dato.campo === 'correo' ? { correoId: dato.correoId } : {}),
    },
  });
  return { valor };
}

async function leer(trx: Db, personaId: number, dato: DatoARevelar): Promise<string> {
  switch (dato.campo) {
    case 'curp':
    case 'rfc': {
      const p = await trx
        .selectFrom('personas')
        .select(['curp', 'rfc'])
        .where('id', '=', personaId)
        .executeTakeFirstOrThrow();
      const valor = p[dato.campo];
      if (valor === null) {
        throw new ErrorDominio(
          'no_encontrado',
          `La persona no tiene ${dato.campo === 'curp' ? 'CURP' : 'RFC'} registrado.`,
          'campo',
        );
      }
      return valor;
    }
    case 'telefono': {
      // A phone of someone else is "not found" here, as if it did not exist.
      const t = await trx
        .selectFrom('telefonos')
        .select('numero')
        .where('id', '=', dato.telefonoId)
        .where('persona_id', '=', personaId)
        .executeTakeFirst();
      if (!t)
        throw new ErrorDominio('no_encontrado', 'La persona no tiene ese teléfono.', 'telefonoId');
      return t.numero;
    }
    case 'correo': {
      const c = await trx
        .selectFrom('correos')
        .select('correo')
        .where('id', '=', dato.correoId)
        .where('persona_id', '=', personaId)
        .executeTakeFirst();
      if (!c)
        throw new ErrorDominio('no_encontrado', 'La persona no tiene ese correo.', 'correoId');
      return c.correo;
    }
  }
}
