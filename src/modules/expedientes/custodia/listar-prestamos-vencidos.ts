import type { Db } from '../../../db/conexion.ts';
import { ErrorDominio } from '../../../domain/errores.ts';
import { etiquetaDeExpediente, etiquetaDePagare } from '../../../domain/expedientes/etiquetas.ts';
import { diasEntre, type Fecha } from '../../../domain/fecha.ts';
import type { ContextoAutenticado } from '../../contexto.ts';
import { type Ubicacion, ubicacionDesdeFila } from './ubicacion.ts';

export interface PrestamoVencido {
  etiqueta: string;
  creditoId: number;
  numero: string;
  ubicacion: Ubicacion;
  diasDeRetraso: number;
}

export interface FiltroPrestamosVencidos {
  oficinaId?: number;
  /** Only the pieces the actor holds: the badge beside his name. */
  mios?: boolean;
}

// More than this is a backlog to clean up, not a list to read; the oldest come first.
const LIMITE = 1_000;

/**
 * Pieces lent (to a person or a firm) past the date they had to be back, by the business
 * date. Gestores and coordinadores see those of their office's credits and those held by
 * their office's staff; the administrador all, or one office's.
 */
export async function listarPrestamosVencidos(
  trx: Db,
  filtro: FiltroPrestamosVencidos,
  ctx: ContextoAutenticado,
): Promise<{ piezas: PrestamoVencido[] }> {
  const { actor } = ctx;
  const hoy = ctx.reloj.hoy();
  const global = actor.rol === 'administrador';
  if (!global && filtro.oficinaId !== undefined && filtro.oficinaId !== actor.oficinaId) {
    throw new ErrorDominio('prohibido', 'Solo puedes consultar los préstamos de tu oficina.');
  }
  let q = trx
    .selectFrom('custodia_piezas as cp')
    .innerJoin('creditos as c', 'c.id', 'cp.credito_id')
    .leftJoin('ministraciones as m', 'm.id', 'cp.ministracion_id')
    .leftJoin('oficinas as o', 'o.id', 'cp.oficina_id')
    .leftJoin('usuarios as u', 'u.id', 'cp.usuario_id')
    .leftJoin('despachos as d', 'd.id', 'cp.despacho_id')
    .select([
      'cp.credito_id',
      'c.numero',
      'm.pagare_numero',
      'cp.ubicacion',
      'cp.oficina_id',
      'o.clave as oficina_clave',
      'o.nombre as oficina_nombre',
      'cp.estante',
      'cp.caja',
      'cp.usuario_id',
      'u.nombre as usuario_nombre',
      'cp.despacho_id',
      'd.nombre as despacho_nombre',
      'cp.devolver_a_mas_tardar',
    ])
    .where('cp.ubicacion', 'in', ['persona', 'despacho'])
    .where('cp.devolver_a_mas_tardar', '<', hoy);
  if (filtro.mios) q = q.where('cp.usuario_id', '=', actor.id);
  if (filtro.oficinaId !== undefined) {
    const oficinaId = filtro.oficinaId;
    q = q.where((eb) =>
      eb.or([eb('c.oficina_id', '=', oficinaId), eb('cp.oficina_id', '=', oficinaId)]),
    );
  } else if (!global && !filtro.mios) {
    const propia = actor.oficinaId ?? 0;
    q = q.where((eb) => eb.or([eb('c.oficina_id', '=', propia), eb('cp.oficina_id', '=', propia)]));
  }
  const filas = await q
    .orderBy('cp.devolver_a_mas_tardar')
    .orderBy('cp.credito_id')
    .orderBy('cp.ministracion_id', 'desc')
    .limit(LIMITE)
    .execute();
  return {
    piezas: filas.map((f) => ({
      etiqueta:
        f.pagare_numero === null
          ? etiquetaDeExpediente(f.numero)
          : etiquetaDePagare(f.pagare_numero),
      creditoId: f.credito_id,
      numero: f.numero,
      ubicacion: ubicacionDesdeFila(f, hoy, true),
      diasDeRetraso: diasEntre((f.devolver_a_mas_tardar ?? hoy) as Fecha, hoy),
    })),
  };
}
