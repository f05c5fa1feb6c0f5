import type { Db } from '../../db/conexion.ts';
import { ErrorDominio } from '../../domain/errores.ts';
import { exigirGestoresDeOficina } from '../asignacion/gestores-de-oficina.ts';
import { alcanzaObjeto, exigirCreditoEnCartera } from '../autorizacion/politicas.ts';
import { registrarEnBitacora } from '../bitacora/registrar-en-bitacora.ts';
import { type ContextoAutenticado, origenDe } from '../contexto.ts';
import { avisarRecado } from './destinatarios.ts';
import { type RecadoVista, vistaDeRecado } from './vista-recado.ts';

export interface RecadoNuevo {
  creditoId: number | null;
  /** The caller, when found with the search; else only the free name and number. */
  personaId: number | null;
  llamanteNombre: string;
  llamanteTelefono: string | null;
  /** null: the account's gestor. */
  paraId: number | null;
  mensaje: string;
  volverALlamar: Date | null;
}

interface Credito {
  id: number;
  numero: string;
  oficina_id: number;
  gestor_id: number | null;
}

async function creditoDelRecado(trx: Db, id: number, ctx: ContextoAutenticado): Promise<Credito> {
  const c = await trx
    .selectFrom('creditos')
    .select(['id', 'numero', 'oficina_id', 'despacho_id', 'gestor_id'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!c) throw new ErrorDominio('no_encontrado', 'El crédito no existe.', 'creditoId');
  exigirCreditoEnCartera(ctx.actor, { oficinaId: c.oficina_id, despachoId: c.despacho_id });
  return c;
}

async function oficinaDelUsuario(trx: Db, id: number): Promise<number | null> {
  const u = await trx
    .selectFrom('usuarios')
    .select('oficina_id')
    .where('id', '=', id)
    .executeTakeFirst();
  return u?.oficina_id ?? null;
}

/** The caller found with the search takes part in the credit, or at least in one the actor sees. */
async function exigirPersona(
  trx: Db,
  personaId: number,
  credito: Credito | null,
  ctx: ContextoAutenticado,
): Promise<void> {
  const creditos = await trx
    .selectFrom('participantes_credito as pc')
    .innerJoin('creditos as c', 'c.id', 'pc.credito_id')
    .select(['c.id', 'c.oficina_id', 'c.despacho_id'])
    .where('pc.persona_id', '=', personaId)
    .execute();
  if (credito !== null) {
    if (!creditos.some((c) => c.id === credito.id)) {
      throw new ErrorDominio(
        'entrada_invalida',
        `Esa persona no participa en el crédito ${credito.numero}.`,
        'personaId',
      );
    }
    return;
  }
  const alcance = (c: { oficina_id: number; despacho_id: number | null }) =>
    alcanzaObjeto(ctx.actor, { oficinaId: c.oficina_id, despachoId: c.despacho_id });
  if (!creditos.some(alcance)) {
    throw new ErrorDominio('prohibido', 'Esa persona no está en tu cartera.', 'personaId');
  }
}

/**
 * Someone answers the phone for an absent colleague and takes a message. It goes to the
 * account's gestor unless another recipient is named, who must be an active gestor or
 * coordinador of the credit's office (without a credit, of the actor's office). The recipient
 * and whoever covers them today are told live; the recado belongs to the recipient's office,
 * whose coordinador receives it if it goes unattended.
 */
export async function registrarRecado(
  trx: Db,
  r: RecadoNuevo,
  ctx: ContextoAutenticado,
): Promise<RecadoVista> {
  const credito = r.creditoId === null ? null : await creditoDelRecado(trx, r.creditoId, ctx);
  if (r.personaId !== null) await exigirPersona(trx, r.personaId, credito, ctx);
  const paraId = r.paraId ?? credito?.gestor_id ?? null;
  if (paraId === null) {
    throw new ErrorDominio(
      'entrada_invalida',
      credito === null
        ? 'Indica para quién es el recado.'
        : `El crédito ${credito.numero} no tiene gestor asignado: indica para quién es el recado.`,
      'paraId',
    );
  }
  // The administrador and contabilidad have no office: without a credit, the recipient's.
  const oficinaId =
    credito?.oficina_id ?? ctx.actor.oficinaId ?? (await oficinaDelUsuario(trx, paraId));
  const oficina =
    oficinaId === null
      ? undefined
      : await trx
          .selectFrom('oficinas')
          .select(['id', 'nombre'])
          .where('id', '=', oficinaId)
          .executeTakeFirst();
  if (!oficina) {
    throw new ErrorDominio(
      'gestor_invalido',
      `El usuario ${paraId} no es gestor ni coordinador de una oficina.`,
      'paraId',
    );
  }
  await exigirGestoresDeOficina(trx, oficina, [paraId], 'paraId');

  const { id } = await trx
    .insertInto('recados')
    .values({
      oficina_id: oficina.id,
      credito_id: credito?.id ?? null,
      persona_id: r.personaId,
      llamante_nombre: r.llamanteNombre,
      llamante_telefono: r.llamanteTelefono,
      para_id: paraId,
      mensaje: r.mensaje,
      volver_a_llamar: r.volverALlamar,
      creado: ctx.reloj.ahora(),
      creado_por: ctx.actor.id,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await registrarEnBitacora(trx, origenDe(ctx), {
    accion: 'recado.registrar',
    objetoTipo: 'recado',
    objetoId: id,
    detalle: { creditoId: credito?.id ?? null, personaId: r.personaId, paraId },
  });
  await avisarRecado(trx, paraId, ctx.reloj.hoy());
  return vistaDeRecado(trx, id);
}
