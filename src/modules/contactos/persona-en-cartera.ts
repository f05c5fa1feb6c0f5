import type { Db } from '../../db/conexion.ts';
import { ErrorDominio } from '../../domain/errores.ts';
import { alcanzaObjeto } from '../autorizacion/politicas.ts';
import type { Actor } from '../seguridad/actor.ts';

/**
 * A person's contact data is reached through her credits: she must be on at least one credit
 * (acreditado, aval or beneficiario) the actor may see. A change locks the person's row so that
 * two changes of her contacts (say, the same number added twice) run one after the other;
 * `FOR NO KEY UPDATE` still lets others insert rows that reference her (a gestión, a turno).
 */
export async function exigirPersonaEnCartera(
  trx: Db,
  personaId: number,
  actor: Actor,
  opciones: { bloquear: boolean },
): Promise<void> {
  const consulta = trx
    .selectFrom('personas')
    .select(['id', 'bloqueada'])
    .where('id', '=', personaId);
  const persona = await (opciones.bloquear
    ? consulta.forNoKeyUpdate()
    : consulta
  ).executeTakeFirst();
  if (!persona) throw new ErrorDominio('no_encontrado', 'La persona no existe.');
  // A cancellation (ARCO) blocked her data: nothing of hers is read or added (docs/arco.md).
  if (persona.bloqueada !== null) {
    throw new ErrorDominio(
      'no_encontrado',
      'Los datos de esta persona están bloqueados por una cancelación (derechos ARCO).',
    );
  }
  const creditos = await trx
    .selectFrom('participantes_credito as pc')
    .innerJoin('creditos as c', 'c.id', 'pc.credito_id')
    .select(['c.oficina_id', 'c.despacho_id', 'c.turnado_hasta'])
    .where('pc.persona_id', '=', personaId)
    .execute();
  const alcanza = creditos.some((c) =>
    alcanzaObjeto(actor, {
      oficinaId: c.oficina_id,
      despachoId: c.despacho_id,
      turnadoHasta: c.turnado_hasta,
    }),
  );
  if (!alcanza) {
    throw new ErrorDominio('prohibido', 'Esta persona no tiene créditos en tu cartera.');
  }
}

/**
 * The state of the person's current address (the newest one not retired), from which her
 * phones' time zone is derived; null when she has none.
 */
export async function estadoDelDomicilioActual(trx: Db, personaId: number): Promise<string | null> {
  const d = await trx
    .selectFrom('domicilios')
    .select('estado')
    .where('persona_id', '=', personaId)
    .where('retirado', 'is', null)
    .where('vigente', '=', true)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return d?.estado ?? null;
}
