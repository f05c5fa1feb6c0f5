import type { Db } from '../../db/conexion.ts';
import { ErrorDominio } from '../../domain/errores.ts';
import type { Mes } from '../../domain/metas/mes.ts';
import { registrarEnBitacora } from '../bitacora/registrar-en-bitacora.ts';
import { type ContextoAutenticado, origenDe } from '../contexto.ts';
import {
  alcanzaSujeto,
  cargarSujeto,
  type SujetoPedido,
  versionesDeSujeto,
} from './sujeto-de-meta.ts';
import {
  type GestorDeMeta,
  type OficinaDeMeta,
  type VersionDeMeta,
  versionDeFila,
} from './vista-meta.ts';

export interface HistorialDeMeta {
  mes: Mes;
  oficina: OficinaDeMeta;
  gestor: GestorDeMeta | null;
  /** Newest first; empty when no goal was ever set for the month. */
  versiones: VersionDeMeta[];
}

/** Every version of one gestor's or office's goal for a month: who changed what, and when. */
export async function historialDeMeta(
  trx: Db,
  mes: Mes,
  pedido: SujetoPedido,
  ctx: ContextoAutenticado,
): Promise<HistorialDeMeta> {
  const s = await cargarSujeto(trx, pedido);
  if (!alcanzaSujeto(ctx.actor, s)) {
    throw new ErrorDominio(
      'prohibido',
      s.gestor === null
        ? 'Esa oficina no está en tu alcance.'
        : 'Las metas de ese gestor no están en tu alcance.',
    );
  }
  const filas = await versionesDeSujeto(trx, mes, s);
  await registrarEnBitacora(trx, origenDe(ctx), {
    accion: 'metas.historial',
    objetoTipo: s.gestor === null ? 'oficina' : 'usuario',
    objetoId: s.gestor?.id ?? s.oficina.id,
    detalle: { mes },
  });
  return {
    mes,
    oficina: s.oficina,
    gestor:
      s.gestor === null
        ? null
        : { id: s.gestor.id, usuario: s.gestor.usuario, nombre: s.gestor.nombre },
    versiones: filas.map((f) => versionDeFila(f, f.registro_nombre)),
  };
}
