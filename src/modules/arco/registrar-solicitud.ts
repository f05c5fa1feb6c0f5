import type { Db } from '../../db/conexion.ts';
import type { SolicitudArcoFila } from '../../db/esquema.ts';
import type { DerechoArco } from '../../domain/arco/solicitud-arco.ts';
import { ErrorDominio } from '../../domain/errores.ts';
import { type Fecha, numeroDeDia } from '../../domain/fecha.ts';
import { registrarEnBitacora } from '../bitacora/registrar-en-bitacora.ts';
import { exigirPersonaEnCartera } from '../contactos/persona-en-cartera.ts';
import { type ContextoAutenticado, origenDe } from '../contexto.ts';
import { anotarEvento } from './anotar-evento.ts';
import { consultarSolicitud, type SolicitudConEventos } from './consultar-solicitud.ts';
import { leerParametrosArco } from './parametros-arco.ts';

export interface SolicitudNueva {
  derecho: DerechoArco;
  /** The titular found in Recupera; null: nobody matches (the answer will say so). */
  personaId: number | null;
  /** The name as the titular wrote it. */
  titularNombre: string;
  representante: string | null;
  medioRecepcion: SolicitudArcoFila['medio_recepcion'];
  /** Where the titular wants the answer: an address, an e-mail, «en ventanilla». */
  medioNotificacion: string;
  descripcion: string;
  /** The day it was received; the terms count from the next business day. Null: today. */
  recibida: Fecha | null;
  /** The office that received it; only the administrador chooses (null: the titular's). */
  oficinaId: number | null;
}

const invalida = (mensaje: string, campo: string) =>
  new ErrorDominio('entrada_invalida', mensaje, campo);

/** The office of the titular's first credit as acreditado (else as aval, else any). */
async function oficinaDelTitular(trx: Db, personaId: number): Promise<number | null> {
  const c = await trx
    .selectFrom('participantes_credito as pc')
    .innerJoin('creditos as c', 'c.id', 'pc.credito_id')
    .select('c.oficina_id')
    .where('pc.persona_id', '=', personaId)
    .orderBy('pc.rol')
    .orderBy('c.id')
    .executeTakeFirst();
  return c?.oficina_id ?? null;
}

async function oficinaDeLaSolicitud(
  trx: Db,
  s: SolicitudNueva,
  ctx: ContextoAutenticado,
): Promise<number> {
  if (ctx.actor.rol !== 'administrador') {
    if (s.oficinaId !== null && s.oficinaId !== ctx.actor.oficinaId) {
      throw invalida('Registras las solicitudes que recibe tu oficina.', 'oficinaId');
    }
    if (ctx.actor.oficinaId === null) throw new ErrorDominio('prohibido', 'No tienes oficina.');
    return ctx.actor.oficinaId;
  }
  if (s.oficinaId !== null) {
    const o = await trx
      .selectFrom('oficinas')
      .select('id')
      .where('id', '=', s.oficinaId)
      .executeTakeFirst();
    if (!o) throw invalida('Esa oficina no existe.', 'oficinaId');
    return o.id;
  }
  const delTitular = s.personaId === null ? null : await oficinaDelTitular(trx, s.personaId);
  if (delTitular === null) {
    throw invalida('Indica la oficina que recibió la solicitud.', 'oficinaId');
  }
  return delTitular;
}

/**
 * Registers an ARCO request as received, with the terms in force today. A coordinador
 * registers those of his office, about a person with credits in his office (or nobody found);
 * the administrador, any. The request is personal data: the bitácora names it, not its text.
 */
export async function registrarSolicitud(
  trx: Db,
  s: SolicitudNueva,
  ctx: ContextoAutenticado,
): Promise<SolicitudConEventos> {
  const hoy = ctx.reloj.hoy();
  const recibida = s.recibida ?? hoy;
  if (numeroDeDia(recibida) > numeroDeDia(hoy)) {
    throw invalida('La fecha de recepción no puede ser posterior a hoy.', 'recibida');
  }
  if (s.personaId !== null) {
    await exigirPersonaEnCartera(trx, s.personaId, ctx.actor, { bloquear: false });
  }
  const oficinaId = await oficinaDeLaSolicitud(trx, s, ctx);
  const terminos = await leerParametrosArco(trx);
  const { id } = await trx
    .insertInto('solicitudes_arco')
    .values({
      derecho: s.derecho,
      persona_id: s.personaId,
      titular_nombre: s.titularNombre,
      representante: s.representante,
      oficina_id: oficinaId,
      medio_recepcion: s.medioRecepcion,
      medio_notificacion: s.medioNotificacion,
      descripcion: s.descripcion,
      recibida,
      dias_para_responder: terminos.diasParaResponder,
      dias_de_ampliacion: terminos.diasDeAmpliacion,
      dias_para_ejecutar: terminos.diasParaEjecutar,
      ejecucion: null,
      registrada_por: ctx.actor.id,
      registrada: ctx.reloj.ahora(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await anotarEvento(trx, id, 'registrar', null, 'registrada', { recibida }, ctx);
  await registrarEnBitacora(trx, origenDe(ctx), {
    accion: 'arco.registrar',
    objetoTipo: 'solicitud_arco',
    objetoId: id,
    detalle: { derecho: s.derecho, personaId: s.personaId, recibida, oficinaId },
  });
  return consultarSolicitud(trx, id, ctx, { registrar: false });
}
