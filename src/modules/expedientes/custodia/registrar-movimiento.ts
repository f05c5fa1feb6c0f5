import type { Db } from '../../../db/conexion.ts';
import { ErrorDominio } from '../../../domain/errores.ts';
import type { ContextoAutenticado } from '../../contexto.ts';
import { type MovimientoDeCustodia, moverPiezas } from './mover-piezas.ts';
import { resolverEtiquetas } from './piezas.ts';
import { clavePieza, type Ubicacion, ubicacionesDePiezas } from './ubicacion.ts';

export type MovimientoPorEtiquetas = Omit<MovimientoDeCustodia, 'piezas'> & {
  etiquetas: readonly string[];
};

export interface MovimientoRegistrado {
  acuseId: number;
  acusePdf: string;
  piezas: Array<{ etiqueta: string; ubicacion: Ubicacion }>;
}

/**
 * `POST /api/custodia/movimientos`: the labels scanned at the counter name the pieces; the
 * move itself is `moverPiezas`. The answer says where every piece is now.
 */
export async function registrarMovimiento(
  trx: Db,
  pedido: MovimientoPorEtiquetas,
  ctx: ContextoAutenticado,
): Promise<MovimientoRegistrado> {
  const { etiquetas, ...resto } = pedido;
  const { piezas, desconocidas } = await resolverEtiquetas(trx, etiquetas);
  const [primera] = desconocidas;
  if (primera !== undefined) {
    throw new ErrorDominio(
      'no_encontrado',
      `La etiqueta «${primera}» no corresponde a ningún expediente ni pagaré.`,
      'etiquetas',
    );
  }
  const lista = [...new Map([...piezas.values()].map((p) => [p.etiqueta, p])).values()];
  const { acuseId } = await moverPiezas(trx, ctx, {
    ...resto,
    piezas: lista.map((p) => ({ creditoId: p.creditoId, ministracionId: p.ministracionId })),
  });
  const ubicaciones = await ubicacionesDePiezas(trx, lista, ctx.reloj.hoy());
  return {
    acuseId,
    acusePdf: `/api/custodia/acuses/${acuseId}.pdf`,
    piezas: lista.map((p) => {
      const ubicacion = ubicaciones.get(clavePieza(p.creditoId, p.ministracionId));
      if (!ubicacion) throw new Error(`sin ubicación para ${p.etiqueta}`);
      return { etiqueta: p.etiqueta, ubicacion };
    }),
  };
}
