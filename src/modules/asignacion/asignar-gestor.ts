import type { Db } from '../../db/conexion.ts';
import { ErrorDominio } from '../../domain/errores.ts';
import type { EstadoCredito } from '../../domain/estado-credito.ts';
import { exigirCreditoEnCartera } from '../autorizacion/politicas.ts';
import { registrarEnBitacora } from '../bitacora/registrar-en-bitacora.ts';
import { type ContextoAutenticado, origenDe } from '../contexto.ts';
import { exigirGestoresDeOficina, type Gestor } from './gestores-de-oficina.ts';
import { reasignarEnBloque } from './reasignar-en-bloque.ts';

export interface Asignacion {
  creditoId: number;
  gestor: Gestor;
  /** Since when this gestor holds the account (ISO 8601). */
  desde: string;
}

const ESTADO: Record<EstadoCredito, string> = {
  activo: 'activo',
  liquidado: 'liquidado',
  reestructurado: 'reestructurado',
  en_juridico: 'en jurídico',
};

/** Why an account cannot be assigned, or null when it can. */
export function motivoNoAsignable(c: {
  numero: string;
  estado: EstadoCredito;
  despacho_id: number | null;
}): string | null {
  if (c.despacho_id !== null) {
    return `El crédito ${c.numero} está turnado a un despacho externo: no se asigna a un gestor.`;
  }
  if (c.estado !== 'activo') {
    return `El crédito ${c.numero} está ${ESTADO[c.estado]}: solo se asignan créditos activos.`;
  }
  return null;
}

/**
 * Gives an account to a gestor of its office by hand. The open history row is closed now and
 * a new one opened, and creditos.gestor_id follows, in the caller's transaction (the same
 * writer as a distribution, reasignar-en-bloque.ts). The credit row is locked first, so two
 * coordinadores assigning the same account queue up. Assigning it to whoever holds it
 * already changes nothing.
 */
export async function asignarGestor(
  trx: Db,
  creditoId: number,
  cambio: { gestorId: number; motivo: string | null },
  ctx: ContextoAutenticado,
): Promise<Asignacion> {
  const c = await trx
    .selectFrom('creditos as c')
    .innerJoin('oficinas as o', 'o.id', 'c.oficina_id')
    .select(['c.numero', 'c.estado', 'c.oficina_id', 'c.despacho_id', 'c.gestor_id', 'o.nombre'])
    .where('c.id', '=', creditoId)
    .forUpdate('c')
    .executeTakeFirst();
  if (!c) throw new ErrorDominio('no_encontrado', 'El crédito no existe.');
  exigirCreditoEnCartera(ctx.actor, { oficinaId: c.oficina_id, despachoId: c.despacho_id });
  const noAsignable = motivoNoAsignable(c);
  if (noAsignable !== null) throw new ErrorDominio('conflicto', noAsignable);
  const [gestor] = await exigirGestoresDeOficina(
    trx,
    { id: c.oficina_id, nombre: c.nombre },
    [cambio.gestorId],
    'gestorId',
  );
  if (!gestor) throw new Error('exigirGestoresDeOficina devolvió menos gestores que los pedidos');
  const abierta = await trx
    .selectFrom('asignaciones')
    .select(['id', 'gestor_id', 'desde'])
    .where('credito_id', '=', creditoId)
    .where('hasta', 'is', null)
    .executeTakeFirst();
  if (c.gestor_id === gestor.id && abierta?.gestor_id === gestor.id) {
    return { creditoId, gestor, desde: abierta.desde.toISOString() };
  }
  const ahora = ctx.reloj.ahora();
  await reasignarEnBloque(trx, {
    creditoIds: [creditoId],
    gestorIds: [gestor.id],
    instante: ahora,
    asignadoPor: ctx.actor.id,
    motivo: cambio.motivo,
  });
  await registrarEnBitacora(trx, origenDe(ctx), {
    accion: 'asignacion.asignar',
    objetoTipo: 'credito',
    objetoId: creditoId,
    detalle: {
      antes: { gestorId: c.gestor_id },
      despues: { gestorId: gestor.id },
      motivo: cambio.motivo,
    },
  });
  return { creditoId, gestor, desde: ahora.toISOString() };
}
