import type { Db } from '../../../db/conexion.ts';
import { ErrorDominio } from '../../../domain/errores.ts';
import { etiquetaDeExpediente, etiquetaDePagare } from '../../../domain/expedientes/etiquetas.ts';
import { registrarEnBitacora } from '../../bitacora/registrar-en-bitacora.ts';
import { type ContextoAutenticado, origenDe } from '../../contexto.ts';
import { resolverEtiquetas } from './piezas.ts';
import { clavePieza, type Ubicacion, ubicacionesDePiezas } from './ubicacion.ts';

export interface Inventario {
  oficinaId: number;
  estante: string;
  /** Absent: the whole shelf, every box. */
  caja?: string;
  etiquetas: readonly string[];
}

export interface PiezaInventariada {
  etiqueta: string;
  creditoId: number;
  numero: string;
}

export interface ResultadoInventario {
  oficinaId: number;
  estante: string;
  caja: string | null;
  /** Scanned, and the system has them here. */
  coinciden: PiezaInventariada[];
  /** The system has them here, and they were not scanned. */
  faltan: PiezaInventariada[];
  /** Scanned here, and the system has them elsewhere (or on no shelf yet). */
  sobran: Array<PiezaInventariada & { ubicacionRegistrada: Ubicacion }>;
  /** Read, and not a label of any piece. */
  desconocidas: string[];
}

/**
 * A physical inventory of one shelf (or one box): the labels found there against what the
 * system believes. Nothing is changed — correcting a difference is a move — but the count is
 * logged, so that an audit sees when each shelf was last checked.
 */
export async function levantarInventario(
  trx: Db,
  inv: Inventario,
  ctx: ContextoAutenticado,
): Promise<ResultadoInventario> {
  const { actor } = ctx;
  if (actor.rol !== 'administrador' && actor.oficinaId !== inv.oficinaId) {
    throw new ErrorDominio(
      'prohibido',
      'Solo puedes levantar el inventario del archivo de tu oficina.',
      'oficinaId',
    );
  }
  let aqui = trx
    .selectFrom('custodia_piezas as cp')
    .innerJoin('creditos as c', 'c.id', 'cp.credito_id')
    .leftJoin('ministraciones as m', 'm.id', 'cp.ministracion_id')
    .select(['cp.credito_id', 'cp.ministracion_id', 'c.numero', 'm.pagare_numero'])
    .where('cp.ubicacion', '=', 'archivo')
    .where('cp.oficina_id', '=', inv.oficinaId)
    .where('cp.estante', '=', inv.estante);
  if (inv.caja !== undefined) aqui = aqui.where('cp.caja', '=', inv.caja);
  const esperadas = new Map(
    (await aqui.orderBy('c.numero').orderBy('cp.ministracion_id', 'desc').execute()).map((f) => [
      clavePieza(f.credito_id, f.ministracion_id),
      {
        etiqueta:
          f.pagare_numero === null
            ? etiquetaDeExpediente(f.numero)
            : etiquetaDePagare(f.pagare_numero),
        creditoId: f.credito_id,
        numero: f.numero,
      },
    ]),
  );
  const { piezas, desconocidas } = await resolverEtiquetas(trx, inv.etiquetas);
  const leidas = new Map(
    [...piezas.values()].map((p) => [clavePieza(p.creditoId, p.ministracionId), p]),
  );
  const coinciden: PiezaInventariada[] = [];
  const fuera = [...leidas.entries()].filter(([clave]) => !esperadas.has(clave));
  for (const [clave, p] of esperadas) if (leidas.has(clave)) coinciden.push(p);
  const faltan = [...esperadas.entries()].filter(([c]) => !leidas.has(c)).map(([, p]) => p);
  const ubicaciones = await ubicacionesDePiezas(
    trx,
    fuera.map(([, p]) => p),
    ctx.reloj.hoy(),
  );
  const sobran = fuera.map(([clave, p]) => {
    const ubicacionRegistrada = ubicaciones.get(clave);
    if (!ubicacionRegistrada) throw new Error(`sin ubicación para ${p.etiqueta}`);
    return { etiqueta: p.etiqueta, creditoId: p.creditoId, numero: p.numero, ubicacionRegistrada };
  });
  const unicasDesconocidas = [...new Set(desconocidas.map((d) => d.trim()))];
  await registrarEnBitacora(trx, origenDe(ctx), {
    accion: 'custodia.inventario',
    objetoTipo: 'oficina',
    objetoId: inv.oficinaId,
    detalle: {
      estante: inv.estante,
      caja: inv.caja ?? null,
      leidas: inv.etiquetas.length,
      coinciden: coinciden.length,
      faltan: faltan.map((p) => p.etiqueta),
      sobran: sobran.map((p) => p.etiqueta),
      desconocidas: unicasDesconocidas.length,
    },
  });
  return {
    oficinaId: inv.oficinaId,
    estante: inv.estante,
    caja: inv.caja ?? null,
    coinciden,
    faltan,
    sobran,
    desconocidas: unicasDesconocidas,
  };
}
