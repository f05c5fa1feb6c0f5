import type { Db } from '../../../db/conexion.ts';
import { ErrorDominio } from '../../../domain/errores.ts';
import { alcanzaObjeto } from '../../autorizacion/politicas.ts';
import { registrarEnBitacora } from '../../bitacora/registrar-en-bitacora.ts';
import { type ContextoAutenticado, origenDe } from '../../contexto.ts';
import type { EtiquetaImpresa } from '../../documentos/etiquetas-pdf.ts';
import { nombresDeAcreditados } from './acreditados.ts';
import { piezasDeCreditos } from './piezas.ts';

/**
 * The labels of every piece of the credits asked for (expediente first, then each pagaré),
 * for credits in the actor's portfolio. They print debtors' names: the read is logged.
 */
export async function prepararEtiquetas(
  trx: Db,
  creditoIds: readonly number[],
  ctx: ContextoAutenticado,
): Promise<EtiquetaImpresa[]> {
  const ids = [...new Set(creditoIds)];
  const piezas = await piezasDeCreditos(trx, ids);
  for (const p of piezas) {
    if (!alcanzaObjeto(ctx.actor, { oficinaId: p.oficinaId, despachoId: p.despachoId })) {
      throw new ErrorDominio(
        'prohibido',
        `El crédito ${p.numero} no está en tu cartera.`,
        'creditoIds',
      );
    }
  }
  const nombres = await nombresDeAcreditados(trx, ids);
  await registrarEnBitacora(trx, origenDe(ctx), {
    accion: 'etiquetas.imprimir',
    objetoTipo: 'credito',
    detalle: { creditoIds: ids, etiquetas: piezas.length },
  });
  return piezas.map((p) => ({
    codigo: p.etiqueta,
    pieza:
      p.pagare === null
        ? 'Expediente'
        : `Pagaré ${p.pagare.ministracion} · ${p.pagare.periodoEscolar}`,
    acreditado: nombres.get(p.creditoId) ?? '—',
    credito: p.numero,
  }));
}
