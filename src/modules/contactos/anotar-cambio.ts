import type { Db } from '../../db/conexion.ts';
import type { CambioContacto, TipoContacto } from '../../db/esquema.ts';
import { registrarEnBitacora } from '../bitacora/registrar-en-bitacora.ts';
import { type Contexto, origenDe } from '../contexto.ts';
import type { Actor } from '../seguridad/actor.ts';

/**
 * Who changes a contact: a user, or nobody when an import runs from the command line (the
 * history's `registrado_por` is then null).
 */
export type ContextoDeCambio = Contexto & { actor: Pick<Actor, 'id' | 'usuario'> | null };

export interface CambioAnotado {
  personaId: number;
  tipo: TipoContacto;
  contactoId: number;
  cambio: CambioContacto;
  /** The whole contact before and after, as the API shows it: nothing is overwritten unseen. */
  antes: object | null;
  despues: object | null;
  motivo: string | null;
}

/** The bitácora's verb for each kind of change: `contacto.telefono_corregido`. */
const VERBO: Record<CambioContacto, string> = {
  alta: 'agregado',
  correccion: 'corregido',
  invalido: 'marcado_invalido',
  valido: 'marcado_valido',
  consentimiento: 'consentimiento',
  retiro: 'retirado',
  zona_horaria: 'zona_horaria',
};

/** One change of a contact datum: its history row and its bitácora row, in the caller's transaction. */
export async function anotarCambio(
  trx: Db,
  c: CambioAnotado,
  ctx: ContextoDeCambio,
): Promise<void> {
  await trx
    .insertInto('historial_contactos')
    .values({
      persona_id: c.personaId,
      tipo: c.tipo,
      contacto_id: c.contactoId,
      cambio: c.cambio,
      antes: c.antes === null ? null : JSON.stringify(c.antes),
      despues: c.despues === null ? null : JSON.stringify(c.despues),
      motivo: c.motivo,
      registrado_por: ctx.actor?.id ?? null,
      registrado: ctx.reloj.ahora(),
    })
    .execute();
  await registrarEnBitacora(trx, origenDe(ctx), {
    accion: `contacto.${c.tipo}_${VERBO[c.cambio]}`,
    objetoTipo: 'persona',
    objetoId: c.personaId,
    detalle: {
      contactoId: c.contactoId,
      cambio: c.cambio,
      antes: c.antes,
      despues: c.despues,
      motivo: c.motivo,
    },
  });
}
