import type { Db } from '../../db/conexion.ts';
import { ErrorDominio } from '../../domain/errores.ts';
import type { FilaSolicitud } from './solicitud-en-alcance.ts';

const conflicto = (mensaje: string) => new ErrorDominio('conflicto', mensaje);

/**
 * What must hold for a request to be answered procedente and carried out (LGPDPPSO's causes
 * of improcedence that Recupera can see): the data exist, a cancellation was not made before,
 * and a cancellation does not remove data still needed to administer a live obligation.
 */
export async function exigirQueProceda(trx: Db, s: FilaSolicitud): Promise<number> {
  if (s.persona_id === null) {
    throw conflicto(
      'La solicitud no tiene titular en Recupera: no obran datos suyos, así que solo puede responderse improcedente.',
    );
  }
  const persona = await trx
    .selectFrom('personas')
    .select(['id', 'bloqueada'])
    .where('id', '=', s.persona_id)
    .executeTakeFirstOrThrow();
  if (persona.bloqueada !== null) {
    throw conflicto('Los datos del titular ya están bloqueados por una cancelación anterior.');
  }
  switch (s.derecho) {
    case 'cancelacion': {
      const vigentes = await trx
        .selectFrom('participantes_credito as pc')
        .innerJoin('creditos as c', 'c.id', 'pc.credito_id')
        .select('c.numero')
        .where('pc.persona_id', '=', s.persona_id)
        .where('c.estado', 'in', ['activo', 'en_juridico'])
        .orderBy('c.numero')
        .execute();
      if (vigentes.length > 0) {
        throw conflicto(
          `No procede la cancelación: el titular participa en ${vigentes.length === 1 ? 'el crédito vigente' : 'los créditos vigentes'} ${vigentes.map((v) => v.numero).join(', ')}. Mientras la obligación exista sus datos son necesarios para cumplirla; responde improcedente con ese fundamento.`,
        );
      }
      break;
    }
    case 'oposicion': {
      const previa = await trx
        .selectFrom('oposiciones_contacto')
        .select('solicitud_id')
        .where('persona_id', '=', s.persona_id)
        .where('solicitud_id', '<>', s.id)
        .executeTakeFirst();
      if (previa !== undefined) {
        throw conflicto('La oposición del titular ya está en vigor por una solicitud anterior.');
      }
      break;
    }
    case 'acceso':
    case 'rectificacion':
    case 'portabilidad':
      break;
  }
  return s.persona_id;
}
