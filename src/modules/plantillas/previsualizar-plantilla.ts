import type { Db } from '../../db/conexion.ts';
import { ErrorDominio } from '../../domain/errores.ts';
import {
  normalizarTextos,
  type TextosDePlantilla,
  type TipoPlantilla,
} from '../../domain/plantillas/index.ts';
import type { ContextoAutenticado } from '../contexto.ts';
import { exigirTextosValidos } from './exigir-textos-validos.ts';
import { generarDocumento } from './generar-documento.ts';
import { leerPlantilla } from './leer-plantilla.ts';
import { prepararDocumento, type SolicitudDeDocumento } from './preparar-documento.ts';

const campo = 'credito';

/** The document of `tipo` a real credit has to show a draft on (its last payment, its convenio…). */
async function solicitudParaVistaPrevia(
  trx: Db,
  tipo: TipoPlantilla,
  creditoId: number,
  numero: string,
): Promise<SolicitudDeDocumento> {
  switch (tipo) {
    case 'recibo': {
      const pago = await trx
        .selectFrom('movimientos')
        .select('id')
        .where('credito_id', '=', creditoId)
        .where('tipo', '=', 'pago')
        .where('parte_de', 'is', null)
        .orderBy('id', 'desc')
        .executeTakeFirst();
      if (!pago) {
        throw new ErrorDominio(
          'entrada_invalida',
          `El crédito ${numero} no tiene pagos: elige uno con al menos un pago para ver el recibo.`,
          campo,
        );
      }
      return { tipo, movimientoId: pago.id };
    }
    case 'carta_finiquito': {
      const carta = await trx
        .selectFrom('cartas_finiquito')
        .select('credito_id')
        .where('credito_id', '=', creditoId)
        .executeTakeFirst();
      if (!carta) {
        throw new ErrorDominio(
          'entrada_invalida',
          `El crédito ${numero} no tiene carta finiquito: elige un crédito liquidado que ya la tenga.`,
          campo,
        );
      }
      return { tipo, creditoId };
    }
    case 'ficha_de_pago':
      return { tipo, creditoId, monto: null };
    case 'estado_de_cuenta':
      return { tipo, creditoId, fecha: null };
    case 'convenio':
    case 'pagare': {
      let consulta = trx
        .selectFrom('convenio_creditos as cc')
        .innerJoin('convenios as c', 'c.id', 'cc.convenio_id')
        .select('c.id')
        .where('cc.credito_id', '=', creditoId);
      if (tipo === 'pagare') consulta = consulta.where('c.tipo', '=', 'reestructura');
      const convenio = await consulta.orderBy('c.id', 'desc').executeTakeFirst();
      if (!convenio) {
        throw new ErrorDominio(
          'entrada_invalida',
          tipo === 'pagare'
            ? `El crédito ${numero} no tiene una reestructura: el pagaré se imprime en el convenio de una.`
            : `El crédito ${numero} no tiene convenios: elige uno que tenga al menos uno.`,
          campo,
        );
      }
      return { tipo: 'convenio', convenioId: convenio.id };
    }
  }
}

/**
 * The PDF a draft of `tipo` would print for a real credit, chosen by its number: nothing is
 * saved and no emission is recorded. Reading the credit's document is still a read of
 * personal data, logged by the use case that prepares it.
 */
export async function previsualizarPlantilla(
  trx: Db,
  tipo: TipoPlantilla,
  borrador: TextosDePlantilla,
  numeroDeCredito: string,
  ctx: ContextoAutenticado,
): Promise<Buffer> {
  exigirTextosValidos(tipo, borrador, 'previsualizar');
  const textos = normalizarTextos(tipo, borrador);
  const credito = await trx
    .selectFrom('creditos')
    .select('id')
    .where('numero', '=', numeroDeCredito.trim())
    .executeTakeFirst();
  if (!credito) {
    throw new ErrorDominio('no_encontrado', `No existe el crédito ${numeroDeCredito}.`, campo);
  }
  const solicitud = await solicitudParaVistaPrevia(trx, tipo, credito.id, numeroDeCredito);
  const preparado = await prepararDocumento(trx, solicitud, ctx);
  const borradorDe = (t: TipoPlantilla) => (t === tipo ? { textos } : leerPlantilla(trx, t));
  const plantilla = await borradorDe(preparado.documento.tipo);
  const plantillaPagare = await borradorDe('pagare');
  return generarDocumento({
    ...preparado.documento,
    instituto: preparado.instituto,
    emision: { emitido: ctx.reloj.ahora(), usuario: ctx.actor.nombre },
    plantilla,
    plantillaPagare,
  });
}
