import { sql } from 'kysely';
import type { Db } from '../../db/conexion.ts';
import { ErrorDominio } from '../../domain/errores.ts';
import { type Mes, primerDia } from '../../domain/metas/mes.ts';
import { registrarEnBitacora } from '../bitacora/registrar-en-bitacora.ts';
import { type ContextoAutenticado, origenDe } from '../contexto.ts';
import type { Actor } from '../seguridad/actor.ts';
import { type MetaEnLista, metaEnLista, versionDeFila } from './vista-meta.ts';

export interface MetasDelMes {
  mes: Mes;
  metas: MetaEnLista[];
}

/** The offices whose goals the actor reads: all, his own, or none (a gestor reads only his). */
function oficinasEnAlcance(actor: Actor): number[] | 'todas' {
  switch (actor.rol) {
    case 'administrador':
      return 'todas';
    case 'coordinador':
      return actor.oficinaId === null ? [] : [actor.oficinaId];
    case 'gestor':
      return [];
    case 'contabilidad':
    case 'abogado_externo':
      throw new ErrorDominio('prohibido', 'No tienes permiso para esta operación.');
  }
}

/** The current version of every goal of the month the actor may read. */
async function vigentes(trx: Db, mes: Mes, actor: Actor, oficinas: number[] | 'todas') {
  const sujeto = sql`coalesce(m.gestor_id, -m.oficina_id)`;
  let q = trx
    .selectFrom('metas as m')
    .innerJoin('usuarios as r', 'r.id', 'm.registrada_por')
    .selectAll('m')
    .select('r.nombre as registro_nombre')
    .distinctOn(sujeto)
    .where('m.mes', '=', primerDia(mes));
  if (actor.rol === 'gestor') q = q.where('m.gestor_id', '=', actor.id);
  else if (oficinas !== 'todas') q = q.where('m.oficina_id', 'in', [0, ...oficinas]);
  return q.orderBy(sujeto).orderBy('m.version', 'desc').execute();
}

/**
 * The month's goals in the reader's scope: each office and each of its active gestores (and
 * whoever had a goal that month, active or not), with the version in force, or version null
 * when none was set. A gestor reads only his own. Offices by clave, the office's own goal
 * first and then its gestores by name.
 */
export async function metasEnAlcance(trx: Db, mes: Mes, actor: Actor): Promise<MetaEnLista[]> {
  const alcance = oficinasEnAlcance(actor);
  const filas = await vigentes(trx, mes, actor, alcance);
  const deGestor = new Map(filas.flatMap((f) => (f.gestor_id === null ? [] : [[f.gestor_id, f]])));
  const deOficina = new Map(
    filas.flatMap((f) => (f.gestor_id === null ? [[f.oficina_id, f]] : [])),
  );

  let gestores = trx
    .selectFrom('usuarios')
    .select(['id', 'usuario', 'nombre', 'oficina_id'])
    .where('rol', '=', 'gestor');
  if (actor.rol === 'gestor') gestores = gestores.where('id', '=', actor.id);
  else {
    gestores = gestores.where((eb) =>
      eb.or([
        eb.and([
          eb('activo', '=', true),
          alcance === 'todas' ? eb.lit(true) : eb('oficina_id', 'in', [0, ...alcance]),
        ]),
        eb('id', 'in', [0, ...deGestor.keys()]),
      ]),
    );
  }
  const personas = await gestores.execute();
  const oficinas = await trx
    .selectFrom('oficinas')
    .select(['id', 'clave', 'nombre'])
    .orderBy('clave')
    .execute();

  const metas: MetaEnLista[] = [];
  for (const o of oficinas) {
    if (alcance === 'todas' || alcance.includes(o.id)) {
      const f = deOficina.get(o.id);
      metas.push(metaEnLista(o, null, f ? versionDeFila(f, f.registro_nombre) : null));
    }
    // A gestor's goal belongs to the office it was set in; without one, to his office.
    const suyos = personas
      .filter((p) => (deGestor.get(p.id)?.oficina_id ?? p.oficina_id) === o.id)
      .sort((a, b) => a.nombre.localeCompare(b.nombre, 'es'));
    for (const p of suyos) {
      const f = deGestor.get(p.id);
      metas.push(
        metaEnLista(
          o,
          { id: p.id, usuario: p.usuario, nombre: p.nombre },
          f ? versionDeFila(f, f.registro_nombre) : null,
        ),
      );
    }
  }
  return metas;
}

/** GET /api/metas: the month's goals in the reader's scope (see metasEnAlcance). */
export async function listarMetas(
  trx: Db,
  mes: Mes,
  ctx: ContextoAutenticado,
): Promise<MetasDelMes> {
  const metas = await metasEnAlcance(trx, mes, ctx.actor);
  await registrarEnBitacora(trx, origenDe(ctx), { accion: 'metas.consultar', detalle: { mes } });
  return { mes, metas };
}
