import type { Db } from '../../db/conexion.ts';
import { ErrorDominio } from '../../domain/errores.ts';
import { motivoDeRechazoRecado, transicionRecado } from '../../domain/gestion/estado-recado.ts';
import type { Rechazo } from '../../domain/gestion/reglas-de-contacto.ts';
import type { ContextoAutenticado } from '../contexto.ts';
import type { GestionNueva } from '../gestion/gestion-nueva.ts';
import { registrarGestion } from '../gestion/registrar-gestion.ts';
import type { VistaGestion } from '../gestion/vista-gestion.ts';
import { avisarRecado, exigirAccesoAlRecado } from './destinatarios.ts';
import { type RecadoVista, vistaDeRecado } from './vista-recado.ts';

export type AtencionDeRecado =
  | { gestion: VistaGestion; recado: RecadoVista; rechazo: null }
  | { gestion: null; recado: null; rechazo: Rechazo };

/**
 * Answers a recado with a gestión: the gestión is logged on the recado's credit (or on the one
 * named, when the caller gave none) under the same contact rules as every other one, and the recado
 * becomes `atendido` in the same transaction (registrarGestion does that part). Only who may
 * read it attends it. A refused contact comes back as `rechazo`: the caller commits the
 * refusal's bitácora row and answers 422.
 */
export async function atenderRecado(
  trx: Db,
  recadoId: number,
  creditoId: number | null,
  g: Omit<GestionNueva, 'recadoId'>,
  ctx: ContextoAutenticado,
): Promise<AtencionDeRecado> {
  const r = await trx
    .selectFrom('recados')
    .select(['id', 'estado', 'para_id', 'oficina_id', 'credito_id'])
    .where('id', '=', recadoId)
    .forUpdate()
    .executeTakeFirst();
  if (!r) throw new ErrorDominio('no_encontrado', 'El recado no existe.');
  const hoy = ctx.reloj.hoy();
  await exigirAccesoAlRecado(trx, ctx.actor, r, hoy);
  if (transicionRecado(r.estado, 'atender') === null) {
    throw new ErrorDominio('conflicto', motivoDeRechazoRecado(r.estado, 'atender'));
  }
  if (r.credito_id !== null && creditoId !== null && creditoId !== r.credito_id) {
    throw new ErrorDominio(
      'entrada_invalida',
      'El recado es de otro crédito: la gestión se registra en el crédito del recado.',
      'creditoId',
    );
  }
  const credito = r.credito_id ?? creditoId;
  if (credito === null) {
    throw new ErrorDominio(
      'entrada_invalida',
      'El recado no indica crédito: elige el crédito en que se registra la gestión.',
      'creditoId',
    );
  }
  const resultado = await registrarGestion(trx, credito, { ...g, recadoId }, ctx);
  if (resultado.rechazo !== null)
    return { gestion: null, recado: null, rechazo: resultado.rechazo };
  await avisarRecado(trx, r.para_id, hoy);
  return {
    gestion: resultado.registrada,
    recado: await vistaDeRecado(trx, recadoId),
    rechazo: null,
  };
}
