import type { Db } from '../../db/conexion.ts';
import type { ContextoAutenticado } from '../contexto.ts';
import { aplicarCambiosADomicilio } from './cambiar-domicilio.ts';
import { DOMICILIO } from './clases-de-contacto.ts';
import { anotarAlta } from './contacto-en-tabla.ts';
import { exigirPersonaEnCartera } from './persona-en-cartera.ts';
import { type DomicilioEnFicha, domicilioEnFicha } from './vistas.ts';
import { exigirZonaConocida } from './zona-del-domicilio.ts';

export interface DomicilioNuevo {
  calle: string;
  numero: string | null;
  colonia: string | null;
  codigoPostal: string | null;
  municipio: string;
  estado: string;
  /** A zone chosen by hand (abroad); null: derived from the state. */
  zonaHoraria: string | null;
}

export interface DomicilioAgregado {
  domicilio: DomicilioEnFicha;
  /** False when the person already had this same current address (only its zone may change). */
  nuevo: boolean;
}

/** Adds an address to a person; the same current address twice is one address. */
export async function agregarDomicilio(
  trx: Db,
  personaId: number,
  d: DomicilioNuevo,
  ctx: ContextoAutenticado,
): Promise<DomicilioAgregado> {
  await exigirPersonaEnCartera(trx, personaId, ctx.actor, { bloquear: true });
  exigirZonaConocida(d.estado, d.zonaHoraria);
  const campos = {
    calle: d.calle,
    numero: d.numero,
    colonia: d.colonia,
    codigo_postal: d.codigoPostal,
    municipio: d.municipio,
    estado: d.estado,
  };
  const igual = await trx
    .selectFrom('domicilios')
    .selectAll()
    .where('persona_id', '=', personaId)
    .where('retirado', 'is', null)
    .where('calle', '=', campos.calle)
    .where('numero', 'is not distinct from', campos.numero)
    .where('colonia', 'is not distinct from', campos.colonia)
    .where('codigo_postal', 'is not distinct from', campos.codigo_postal)
    .where('municipio', '=', campos.municipio)
    .where('estado', '=', campos.estado)
    .orderBy('id')
    .limit(1)
    .forUpdate()
    .executeTakeFirst();
  if (igual !== undefined) {
    const r = await aplicarCambiosADomicilio(trx, igual, { zonaHoraria: d.zonaHoraria }, null, ctx);
    return { domicilio: domicilioEnFicha(r.fila), nuevo: false };
  }
  const fila = await trx
    .insertInto('domicilios')
    .values({
      persona_id: personaId,
      ...campos,
      zona_horaria: d.zonaHoraria,
      agregado: ctx.reloj.ahora(),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await anotarAlta(trx, DOMICILIO, undefined, fila, ctx);
  return { domicilio: domicilioEnFicha(fila), nuevo: true };
}
