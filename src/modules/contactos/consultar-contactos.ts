import type { Db } from '../../db/conexion.ts';
import type { CambioContacto, TipoContacto } from '../../db/esquema.ts';
import { registrarEnBitacora } from '../bitacora/registrar-en-bitacora.ts';
import { type ContextoAutenticado, origenDe } from '../contexto.ts';
import { exigirPersonaEnCartera } from './persona-en-cartera.ts';
import {
  type CorreoEnFicha,
  correoEnFicha,
  type DomicilioEnFicha,
  domicilioEnFicha,
  fotoVisible,
  type TelefonoEnFicha,
  telefonoEnFicha,
} from './vistas.ts';

export interface CambioDeContacto {
  id: number;
  tipo: TipoContacto;
  contactoId: number;
  cambio: CambioContacto;
  antes: unknown;
  despues: unknown;
  motivo: string | null;
  registradoPor: { id: number; nombre: string } | null;
  registrado: string;
}

export interface ContactosDePersona {
  personaId: number;
  /** Current ones first (oldest first), then the retired ones (latest retired first). */
  telefonos: TelefonoEnFicha[];
  correos: CorreoEnFicha[];
  domicilios: DomicilioEnFicha[];
  /** Every change, newest first. */
  historial: CambioDeContacto[];
}

/** Current first in the order they were added; then the retired, the latest retired first. */
function enOrden<T extends { id: number; retirado: Date | null }>(filas: T[]): T[] {
  return [...filas].sort((a, b) => {
    if (a.retirado === null || b.retirado === null) {
      if (a.retirado !== b.retirado) return a.retirado === null ? -1 : 1;
      return a.id - b.id;
    }
    return b.retirado.getTime() - a.retirado.getTime() || b.id - a.id;
  });
}

/**
 * A person's phones, e-mails and addresses, current and retired, each with the time zone the
 * contact rules use, and the history of every change. A read of personal data: logged.
 */
export async function consultarContactos(
  trx: Db,
  personaId: number,
  ctx: ContextoAutenticado,
): Promise<ContactosDePersona> {
  await exigirPersonaEnCartera(trx, personaId, ctx.actor, { bloquear: false });
  const telefonos = await trx
    .selectFrom('telefonos')
    .selectAll()
    .where('persona_id', '=', personaId)
    .execute();
  const correos = await trx
    .selectFrom('correos')
    .selectAll()
    .where('persona_id', '=', personaId)
    .execute();
  const domicilios = enOrden(
    await trx.selectFrom('domicilios').selectAll().where('persona_id', '=', personaId).execute(),
  );
  const historial = await trx
    .selectFrom('historial_contactos as h')
    .leftJoin('usuarios as u', 'u.id', 'h.registrado_por')
    .select([
      'h.id',
      'h.tipo',
      'h.contacto_id',
      'h.cambio',
      'h.antes',
      'h.despues',
      'h.motivo',
      'h.registrado_por',
      'u.nombre',
      'h.registrado',
    ])
    .where('h.persona_id', '=', personaId)
    .orderBy('h.id', 'desc')
    .execute();
  // Phones take their zone from the address she lives at now (the newest current one).
  const actual = domicilios.filter((d) => d.retirado === null && d.vigente).at(-1);
  await registrarEnBitacora(trx, origenDe(ctx), {
    accion: 'contactos.consultar',
    objetoTipo: 'persona',
    objetoId: personaId,
  });
  return {
    personaId,
    telefonos: enOrden(telefonos).map((t) => telefonoEnFicha(t, actual?.estado ?? null)),
    correos: enOrden(correos).map(correoEnFicha),
    domicilios: domicilios.map(domicilioEnFicha),
    historial: historial.map((h) => ({
      id: h.id,
      tipo: h.tipo,
      contactoId: h.contacto_id,
      cambio: h.cambio,
      antes: fotoVisible(h.tipo, h.antes),
      despues: fotoVisible(h.tipo, h.despues),
      motivo: h.motivo,
      registradoPor:
        h.registrado_por === null ? null : { id: h.registrado_por, nombre: h.nombre ?? '' },
      registrado: h.registrado.toISOString(),
    })),
  };
}
