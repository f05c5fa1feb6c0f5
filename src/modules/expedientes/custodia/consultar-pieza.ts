import type { Db } from '../../../db/conexion.ts';
import { ErrorDominio } from '../../../domain/errores.ts';
import type { ContextoAutenticado } from '../../contexto.ts';
import { alcanzaPieza, resolverEtiquetas } from './piezas.ts';
import { clavePieza, type Ubicacion, ubicacionesDePiezas } from './ubicacion.ts';

export interface PiezaEscaneada {
  creditoId: number;
  numero: string;
  pieza: {
    etiqueta: string;
    tipo: 'expediente' | 'pagare';
    ministracionId: number | null;
    ubicacion: Ubicacion;
  };
}

/**
 * What a scanned label names, and where the system believes it is. A label of a piece the
 * actor may not handle answers as one that does not exist: a scan reveals nothing.
 */
export async function consultarPieza(
  trx: Db,
  texto: string,
  ctx: ContextoAutenticado,
): Promise<PiezaEscaneada> {
  const { piezas } = await resolverEtiquetas(trx, [texto]);
  const p = piezas.get(texto);
  const noExiste = new ErrorDominio(
    'no_encontrado',
    `La etiqueta «${texto}» no corresponde a ninguna pieza que puedas consultar.`,
  );
  if (!p) throw noExiste;
  const ubicacion = (await ubicacionesDePiezas(trx, [p], ctx.reloj.hoy())).get(
    clavePieza(p.creditoId, p.ministracionId),
  );
  if (!ubicacion || !alcanzaPieza(ctx.actor, p, ubicacion)) throw noExiste;
  return {
    creditoId: p.creditoId,
    numero: p.numero,
    pieza: {
      etiqueta: p.etiqueta,
      tipo: p.ministracionId === null ? 'expediente' : 'pagare',
      ministracionId: p.ministracionId,
      ubicacion,
    },
  };
}
