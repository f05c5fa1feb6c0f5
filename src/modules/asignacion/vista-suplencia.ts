import type { Db } from '../../db/conexion.ts';
import type { Fecha } from '../../domain/fecha.ts';
import type { Gestor } from './gestores-de-oficina.ts';

export interface SuplenciaVista {
  id: number;
  titular: Gestor;
  suplente: Gestor;
  desde: string;
  hasta: string;
  motivo: string;
  creadaPor: Gestor | null;
  creada: string;
  cancelada: string | null;
  /** In force on the business date: not cancelled and desde ≤ hoy ≤ hasta. */
  vigente: boolean;
}

/** Suplencias with their people's names, for the list and the use cases' answers. */
export function consultaSuplencias(trx: Db) {
  return trx
    .selectFrom('suplencias as s')
    .innerJoin('usuarios as t', 't.id', 's.titular_id')
    .innerJoin('usuarios as r', 'r.id', 's.suplente_id')
    .leftJoin('usuarios as k', 'k.id', 's.creada_por')
    .select([
      's.id',
      's.titular_id',
      't.nombre as titular_nombre',
      't.oficina_id',
      's.suplente_id',
      'r.nombre as suplente_nombre',
      's.desde',
      's.hasta',
      's.motivo',
      's.creada_por',
      'k.nombre as creada_por_nombre',
      's.creada',
      's.cancelada',
    ]);
}

type FilaSuplencia = Awaited<
  ReturnType<ReturnType<typeof consultaSuplencias>['executeTakeFirstOrThrow']>
>;

export function suplenciaVista(f: FilaSuplencia, hoy: Fecha): SuplenciaVista {
  return {
    id: f.id,
    titular: { id: f.titular_id, nombre: f.titular_nombre },
    suplente: { id: f.suplente_id, nombre: f.suplente_nombre },
    desde: f.desde,
    hasta: f.hasta,
    motivo: f.motivo,
    creadaPor:
      f.creada_por === null || f.creada_por_nombre === null
        ? null
        : { id: f.creada_por, nombre: f.creada_por_nombre },
    creada: f.creada.toISOString(),
    cancelada: f.cancelada === null ? null : f.cancelada.toISOString(),
    vigente: f.cancelada === null && f.desde <= hoy && hoy <= f.hasta,
  };
}

export async function buscarSuplenciaVista(
  trx: Db,
  id: number,
  hoy: Fecha,
): Promise<SuplenciaVista> {
  return suplenciaVista(
    await consultaSuplencias(trx).where('s.id', '=', id).executeTakeFirstOrThrow(),
    hoy,
  );
}
