import type { Db } from '../../db/conexion.ts';
import { formatearCentavos } from '../../domain/dinero.ts';
import { ErrorDominio } from '../../domain/errores.ts';
import { exigirCreditoEnCartera } from '../autorizacion/politicas.ts';
import { registrarEnBitacora } from '../bitacora/registrar-en-bitacora.ts';
import { type ContextoAutenticado, origenDe } from '../contexto.ts';
import type { DatosCarta } from '../documentos/carta-finiquito-pdf.ts';
import { type DatosDelInstituto, datosParaImprimir } from '../instituto/datos-del-instituto.ts';

/** The letter already issued, for reprinting; each reprint is logged. */
export async function consultarCartaFiniquito(
  trx: Db,
  creditoId: number,
  ctx: ContextoAutenticado,
): Promise<DatosCarta & { instituto: DatosDelInstituto }> {
  const carta = await trx
    .selectFrom('cartas_finiquito as f')
    .innerJoin('creditos as c', 'c.id', 'f.credito_id')
    .innerJoin('usuarios as u', 'u.id', 'f.emitida_por')
    .innerJoin('participantes_credito as pc', (j) =>
      j.onRef('pc.credito_id', '=', 'c.id').on('pc.rol', '=', 'acreditado'),
    )
    .innerJoin('personas as p', 'p.id', 'pc.persona_id')
    .select([
      'f.folio',
      'f.fecha',
      'f.total_pagado_centavos',
      'c.numero',
      'c.oficina_id',
      'c.despacho_id',
      'u.nombre as emitida_por',
      'p.nombres',
      'p.primer_apellido',
      'p.segundo_apellido',
    ])
    .where('f.credito_id', '=', creditoId)
    .executeTakeFirst();
  if (!carta)
    throw new ErrorDominio('no_encontrado', 'Este crédito no tiene carta finiquito emitida.');
  exigirCreditoEnCartera(ctx.actor, { oficinaId: carta.oficina_id, despachoId: carta.despacho_id });
  const instituto = await datosParaImprimir(trx, 'carta_finiquito');
  const pagares = await trx
    .selectFrom('ministraciones')
    .select('pagare_numero')
    .where('credito_id', '=', creditoId)
    .orderBy('numero')
    .execute();
  await registrarEnBitacora(trx, origenDe(ctx), {
    accion: 'carta_finiquito.imprimir',
    objetoTipo: 'credito',
    objetoId: creditoId,
    detalle: { folio: carta.folio },
  });
  return {
    folio: carta.folio,
    fecha: carta.fecha,
    credito: carta.numero,
    acreditado: [carta.nombres, carta.primer_apellido, carta.segundo_apellido]
      .filter(Boolean)
      .join(' '),
    pagares: pagares.map((p) => p.pagare_numero),
    totalPagado: formatearCentavos(carta.total_pagado_centavos),
    emitidaPor: carta.emitida_por,
    instituto,
  };
}
