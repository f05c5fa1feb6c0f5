import type { Db } from '../../db/conexion.ts';
import { registrarEnBitacora } from '../bitacora/registrar-en-bitacora.ts';
import { type Contexto, origenDe } from '../contexto.ts';
import type { Actor } from '../seguridad/actor.ts';

/**
 * The nightly job: blocked data whose blocking period ended are deleted for good (LGPDPPSO:
 * after the blocking period, the data are suppressed). The person's row, already without
 * personal fields, stays for the ledger. One bitácora row names whose data went.
 */
export async function suprimirDatosBloqueados(
  trx: Db,
  ctx: Contexto & { actor?: Pick<Actor, 'id' | 'usuario'> | null },
): Promise<{ personas: number[] }> {
  const borradas = await trx
    .deleteFrom('datos_bloqueados')
    .where('suprimir_el', '<=', ctx.reloj.hoy())
    .returning(['persona_id', 'solicitud_id', 'suprimir_el'])
    .execute();
  if (borradas.length > 0) {
    await registrarEnBitacora(trx, origenDe(ctx), {
      accion: 'arco.datos_suprimidos',
      detalle: {
        fecha: ctx.reloj.hoy(),
        personas: borradas.map((b) => ({
          personaId: b.persona_id,
          solicitudId: b.solicitud_id,
          suprimirEl: b.suprimir_el,
        })),
      },
    });
  }
  return { personas: borradas.map((b) => b.persona_id) };
}
