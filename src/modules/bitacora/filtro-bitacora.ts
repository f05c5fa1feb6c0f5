import { type SqlBool, sql } from 'kysely';
import type { Db } from '../../db/conexion.ts';
import { inicioDelDia } from '../../db/dia-de-negocio.ts';
import type { Fecha } from '../../domain/fecha.ts';

/** What the administrador searches the bitácora by; every field is optional. */
export interface FiltroBitacora {
  /** The login as recorded in the row (logins never change). */
  usuario?: string;
  personaId?: number;
  creditoId?: number;
  /** `pago.registrar` exactly, or `pago` for every `pago.*` action. */
  accion?: string;
  /** Calendar days in Hermosillo, both included. */
  desde?: Fecha;
  hasta?: Fecha;
}

/** A row as the search and the export show it. */
export interface FilaBitacora {
  id: number;
  instante: string;
  usuario: string | null;
  accion: string;
  objetoTipo: string | null;
  objetoId: string | null;
  ip: string | null;
  detalle: unknown;
}

const contiene = (valor: Record<string, unknown>) =>
  sql<SqlBool>`b.detalle @> ${JSON.stringify(valor)}::jsonb`;

/**
 * Rows about a record: the ones whose object is it, and the ones whose detail names its id
 * under the keys the use cases write (`personaId`, `personas: [...]`; `creditoId`, `credito`,
 * `creditos: [...]`). A row that reaches a person only through one of her credits is found by
 * searching that credit.
 */
function sobre(tipo: 'persona' | 'credito', id: number, claves: readonly string[]) {
  const porDetalle = claves.map((clave) =>
    contiene(clave.endsWith('s') ? { [clave]: [id] } : { [clave]: id }),
  );
  const porObjeto = sql<SqlBool>`(b.objeto_tipo = ${tipo} AND b.objeto_id = ${String(id)})`;
  return sql<SqlBool>`(${sql.join([porObjeto, ...porDetalle], sql` OR `)})`;
}

/** The bitácora rows that match, newest first, as one query the callers page or batch. */
export function consultaBitacora(db: Db, filtro: FiltroBitacora) {
  let q = db
    .selectFrom('bitacora as b')
    .select([
      'b.id',
      'b.instante',
      'b.actor_usuario',
      'b.accion',
      'b.objeto_tipo',
      'b.objeto_id',
      'b.ip',
      'b.detalle',
    ]);
  const { usuario, personaId, creditoId, accion, desde, hasta } = filtro;
  if (usuario !== undefined) {
    q = q.where(sql<SqlBool>`lower(b.actor_usuario) = lower(${usuario})`);
  }
  if (personaId !== undefined) q = q.where(sobre('persona', personaId, ['personaId', 'personas']));
  if (creditoId !== undefined) {
    q = q.where(sobre('credito', creditoId, ['creditoId', 'credito', 'creditos']));
  }
  if (accion !== undefined) {
    q = q.where((eb) =>
      eb.or([eb('b.accion', '=', accion), sql<SqlBool>`starts_with(b.accion, ${`${accion}.`})`]),
    );
  }
  if (desde !== undefined) q = q.where('b.instante', '>=', inicioDelDia(desde));
  if (hasta !== undefined) {
    q = q.where('b.instante', '<', inicioDelDia(hasta, 1));
  }
  return q.orderBy('b.id', 'desc');
}

type FilaConsultada = Awaited<ReturnType<ReturnType<typeof consultaBitacora>['execute']>>[number];

export function filaBitacora(f: FilaConsultada): FilaBitacora {
  return {
    id: f.id,
    instante: f.instante.toISOString(),
    usuario: f.actor_usuario,
    accion: f.accion,
    objetoTipo: f.objeto_tipo,
    objetoId: f.objeto_id,
    ip: f.ip,
    detalle: f.detalle,
  };
}
