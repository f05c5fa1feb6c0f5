import type { Db } from '../../db/conexion.ts';
import type { Centavos } from '../../domain/dinero.ts';
import { formatearCentavos } from '../../domain/dinero.ts';
import type { Fecha } from '../../domain/fecha.ts';
import type { ContextoAutenticado } from '../contexto.ts';
import { prepararConvenioPdf } from '../convenios/preparar-convenio-pdf.ts';
import { prepararEstadoDeCuentaPdf } from '../documentos/preparar-estado-de-cuenta-pdf.ts';
import { consultarCartaFiniquito } from '../liquidacion/consultar-carta-finiquito.ts';
import { consultarRecibo } from '../pagos/consultar-recibo.ts';
import { prepararFichaDePago } from '../referencias/preparar-ficha-de-pago.ts';
import type { DocumentoAEmitir } from './emitir-documento.ts';

/** Which document, of what: what each issuing route asks for. */
export type SolicitudDeDocumento =
  | { tipo: 'recibo'; movimientoId: number }
  | { tipo: 'carta_finiquito'; creditoId: number }
  | { tipo: 'ficha_de_pago'; creditoId: number; monto: Centavos | null }
  | { tipo: 'estado_de_cuenta'; creditoId: number; fecha: Fecha | null }
  | { tipo: 'convenio'; convenioId: number };

/**
 * A document's content, by the use case that prepares it for its own route (scope check and
 * bitácora row included): the issuing routes and the template preview read it the same way.
 */
export async function prepararDocumento(
  trx: Db,
  s: SolicitudDeDocumento,
  ctx: ContextoAutenticado,
): Promise<DocumentoAEmitir> {
  switch (s.tipo) {
    case 'recibo': {
      const { instituto, ...contenido } = await consultarRecibo(trx, s.movimientoId, ctx);
      const m = await trx
        .selectFrom('movimientos')
        .select(['id', 'credito_id', 'parte_de'])
        .where('id', '=', s.movimientoId)
        .executeTakeFirstOrThrow();
      return {
        documento: {
          tipo: 'recibo',
          contenido: { ...contenido, registrado: contenido.registrado.toISOString() },
        },
        instituto,
        creditoId: m.credito_id,
        movimientoId: m.parte_de ?? m.id,
        parametros: { folio: contenido.folio },
        nombre: `recibo-${contenido.folio}.pdf`,
      };
    }
    case 'carta_finiquito': {
      const { instituto, ...contenido } = await consultarCartaFiniquito(trx, s.creditoId, ctx);
      return {
        documento: { tipo: 'carta_finiquito', contenido },
        instituto,
        creditoId: s.creditoId,
        parametros: { folio: contenido.folio },
        nombre: `carta-finiquito-${contenido.folio}.pdf`,
      };
    }
    case 'ficha_de_pago': {
      const { instituto, ...contenido } = await prepararFichaDePago(trx, s.creditoId, s.monto, ctx);
      return {
        documento: { tipo: 'ficha_de_pago', contenido },
        instituto,
        creditoId: s.creditoId,
        parametros: {
          fecha: contenido.fecha,
          monto: s.monto === null ? null : formatearCentavos(s.monto),
        },
        nombre: `ficha-de-pago-${contenido.numero}-${contenido.fecha}.pdf`,
      };
    }
    case 'estado_de_cuenta': {
      const { instituto, credito, estado } = await prepararEstadoDeCuentaPdf(
        trx,
        s.creditoId,
        s.fecha,
        ctx,
      );
      return {
        documento: { tipo: 'estado_de_cuenta', contenido: { credito, estado } },
        instituto,
        creditoId: s.creditoId,
        parametros: { fecha: estado.fecha_corte },
        nombre: `estado-de-cuenta-${credito.numero}-${estado.fecha_corte}.pdf`,
      };
    }
    case 'convenio': {
      const { instituto, ...contenido } = await prepararConvenioPdf(trx, s.convenioId, ctx);
      return {
        documento: { tipo: 'convenio', contenido },
        instituto,
        creditoId: contenido.convenio.creditos[0]?.id ?? 0,
        convenioId: s.convenioId,
        parametros: { convenio: s.convenioId, estado: contenido.convenio.estado },
        nombre: `convenio-${s.convenioId}.pdf`,
      };
    }
  }
}
