import type { Db } from '../../db/conexion.ts';
import { ErrorDominio } from '../../domain/errores.ts';
import { type Mes, primerDia } from '../../domain/metas/mes.ts';
import type { Actor } from '../seguridad/actor.ts';
import type { GestorDeMeta, Meta, OficinaDeMeta } from './vista-meta.ts';

/** Whose goal: a gestor's or an office's own. */
export type SujetoPedido = { gestorId: number } | { oficinaId: number };

export interface SujetoDeMeta {
  oficina: OficinaDeMeta;
  /** null: the office's own goal. */
  gestor: (GestorDeMeta & { activo: boolean }) | null;
}

/**
 * The gestor (with his office: a gestor's `oficina_id`) or the office a goal is about. An id
 * that names nobody is a 404; a user who is not a gestor, a `gestor_invalido`.
 */
export async function cargarSujeto(trx: Db, pedido: SujetoPedido): Promise<SujetoDeMeta> {
  if ('oficinaId' in pedido) {
    const oficina = await trx
      .selectFrom('oficinas')
      .select(['id', 'clave', 'nombre'])
      .where('id', '=', pedido.oficinaId)
      .executeTakeFirst();
    if (!oficina) throw new ErrorDominio('no_encontrado', 'La oficina no existe.', 'oficinaId');
    return { oficina, gestor: null };
  }
  const u = await trx
    .selectFrom('usuarios as u')
    .leftJoin('oficinas as o', 'o.id', 'u.oficina_id')
    .select([
      'u.id',
      'u.usuario',
      'u.nombre',
      'u.rol',
      'u.activo',
      'o.id as oficina_id',
      'o.clave',
      'o.nombre as oficina_nombre',
    ])
    .where('u.id', '=', pedido.gestorId)
    .executeTakeFirst();
  if (!u) throw new ErrorDominio('no_encontrado', 'El gestor no existe.', 'gestorId');
  if (u.rol !== 'gestor' || u.oficina_id === null || u.clave === null) {
    throw new ErrorDominio(
      'gestor_invalido',
      `${u.nombre} no es gestor de una oficina: las metas por persona son de los gestores.`,
      'gestorId',
    );
  }
  return {
    oficina: { id: u.oficina_id, clave: u.clave, nombre: u.oficina_nombre ?? u.clave },
    gestor: { id: u.id, usuario: u.usuario, nombre: u.nombre, activo: u.activo },
  };
}

/** Who may read a subject's goal: the gestor his own; the coordinador his office; the administrador all. */
export function alcanzaSujeto(actor: Actor, s: SujetoDeMeta): boolean {
  switch (actor.rol) {
    case 'administrador':
      return true;
    case 'coordinador':
      return actor.oficinaId !== null && actor.oficinaId === s.oficina.id;
    case 'gestor':
      return s.gestor !== null && s.gestor.id === actor.id;
    case 'contabilidad':
    case 'abogado_externo':
      return false;
  }
}

/**
 * Who may set it: the coordinador his own office's active gestores; the administrador the
 * offices' goals and any active gestor's.
 */
export function exigirPuedeDefinir(actor: Actor, s: SujetoDeMeta): void {
  if (actor.rol === 'coordinador') {
    if (s.gestor === null) {
      throw new ErrorDominio(
        'prohibido',
        'La meta de una oficina la fija el administrador; tú fijas las de los gestores de tu oficina.',
      );
    }
    if (actor.oficinaId !== s.oficina.id) {
      throw new ErrorDominio('prohibido', `${s.gestor.nombre} no es gestor de tu oficina.`);
    }
  } else if (actor.rol !== 'administrador') {
    throw new ErrorDominio('prohibido', 'No tienes permiso para esta operación.');
  }
  if (s.gestor !== null && !s.gestor.activo) {
    throw new ErrorDominio(
      'gestor_invalido',
      `${s.gestor.nombre} no está activo: no se le fijan metas.`,
      'gestorId',
    );
  }
}

/** A gestor's goal is his wherever it was set; an office's is the one without a gestor. */
export async function versionesDeSujeto(
  trx: Db,
  mes: Mes,
  s: SujetoDeMeta,
): Promise<Array<Meta & { registro_nombre: string }>> {
  let q = trx
    .selectFrom('metas as m')
    .innerJoin('usuarios as r', 'r.id', 'm.registrada_por')
    .selectAll('m')
    .select('r.nombre as registro_nombre')
    .where('m.mes', '=', primerDia(mes));
  q =
    s.gestor === null
      ? q.where('m.oficina_id', '=', s.oficina.id).where('m.gestor_id', 'is', null)
      : q.where('m.gestor_id', '=', s.gestor.id);
  return q.orderBy('m.version', 'desc').execute();
}
