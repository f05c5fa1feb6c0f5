import { centavosDeSalida, formatearPesos } from '../../domain/dinero.ts';
import type { AplicacionJson } from '../../domain/estado-de-cuenta/index.ts';
import { type Fecha, formatearFecha, formatearInstante } from '../../domain/fecha.ts';
import type { DatosDelInstituto } from '../instituto/datos-del-instituto.ts';
import {
  escribirTexto,
  type PlantillaAImprimir,
  plantillaPorOmision,
  seccionLlena,
} from '../plantillas/llenar-seccion.ts';
import { leyenda, nuevoDocumento, pares, seccion, terminar } from './pdf-base.ts';

export interface DatosRecibo {
  folio: number;
  credito: string;
  acreditado: string;
  oficina: string;
  fecha: string;
  monto: string;
  canal: string;
  referencia: string;
  registradoPor: string;
  registrado: Date;
  /** Null when the payment was cancelled the same day it was made: it was never applied. */
  aplicacion: AplicacionJson | null;
  cancelado: { fecha: string; motivo: string } | null;
}

const CANAL: Record<string, string> = {
  banco: 'Depósito bancario',
  caja: 'Caja del instituto',
  nomina: 'Descuento por nómina',
  importacion: 'Importación',
  reestructura: 'Pago de cierre por reestructura (sin dinero recibido)',
};
const pesos = (t: string) => formatearPesos(centavosDeSalida(t));
const fecha = (f: string) => formatearFecha(f as Fecha);

/** The receipt of a payment: how the engine applied it. Reprintable; a cancelled one says so. */
export function generarPdfRecibo(
  d: DatosRecibo,
  instituto: DatosDelInstituto,
  zona = 'America/Hermosillo',
  plantilla: PlantillaAImprimir = plantillaPorOmision('recibo', instituto),
): Promise<Buffer> {
  const doc = nuevoDocumento(
    'Recibo de pago',
    `Folio ${d.folio} · Crédito ${d.credito}`,
    instituto.razonSocial,
  );
  if (d.cancelado) {
    doc
      .font('Helvetica-Bold')
      .fontSize(14)
      .fillColor('#a8071a')
      .text(`CANCELADO el ${fecha(d.cancelado.fecha)}: ${d.cancelado.motivo}`);
    doc.fillColor('#000000').fontSize(9).font('Helvetica');
  }
  seccion(doc, 'Pago');
  pares(doc, [
    ['Folio', String(d.folio)],
    ['Acreditado', d.acreditado],
    ['Número de crédito', d.credito],
    ['Oficina', d.oficina],
    ['Fecha del pago', fecha(d.fecha)],
    ['Importe', pesos(d.monto)],
    ['Medio', CANAL[d.canal] ?? d.canal],
    ['Referencia o recibo de caja', d.referencia],
  ]);
  seccion(doc, 'Cómo se aplicó');
  if (d.aplicacion === null) {
    doc.text('El pago se canceló el mismo día en que se registró: no llegó a aplicarse.');
  } else {
    const a = d.aplicacion;
    pares(doc, [
      ['Interés moratorio', pesos(a.moratorio)],
      ['Interés ordinario', pesos(a.interes)],
      ['Capital', pesos(a.capital)],
      ['Pagos adelantados (retenidos para próximas amortizaciones)', pesos(a.adelantado)],
      ['Saldo a favor', pesos(a.a_favor)],
    ]);
  }
  // The note is the recibo template's (src/domain/plantillas): the administrador edits it.
  doc.moveDown(1).fontSize(8).fillColor('#444444');
  escribirTexto(
    doc,
    seccionLlena(plantilla, 'nota', {
      'credito.numero': d.credito,
      'acreditado.nombre': d.acreditado,
      'recibo.folio': String(d.folio),
      'recibo.fecha': fecha(d.fecha),
      'recibo.importe': pesos(d.monto),
      'recibo.medio': CANAL[d.canal] ?? d.canal,
      'recibo.referencia': d.referencia,
      'oficina.nombre': d.oficina,
    }),
  );
  doc.fillColor('#000000').fontSize(9);
  leyenda(doc, instituto.leyendas.recibo);
  const registrado = formatearInstante(d.registrado, zona);
  return terminar(doc, `Registrado el ${registrado} por ${d.registradoPor}`);
}
