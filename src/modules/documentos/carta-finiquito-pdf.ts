import { centavosDeSalida, formatearPesos } from '../../domain/dinero.ts';
import { type Fecha, formatearFecha } from '../../domain/fecha.ts';
import type { DatosDelInstituto } from '../instituto/datos-del-instituto.ts';
import {
  escribirTexto,
  type PlantillaAImprimir,
  plantillaPorOmision,
  seccionLlena,
} from '../plantillas/llenar-seccion.ts';
import { leyenda, nuevoDocumento, pares, seccion, terminar } from './pdf-base.ts';

export interface DatosCarta {
  folio: number;
  fecha: string;
  credito: string;
  acreditado: string;
  pagares: string[];
  totalPagado: string;
  emitidaPor: string;
}

/**
 * Carta finiquito / constancia de no adeudo: the letter that ends a credit's life, signed for
 * the institute by the person in the position the administrador set (Datos del instituto).
 */
export function generarPdfCartaFiniquito(
  d: DatosCarta,
  instituto: DatosDelInstituto,
  plantilla: PlantillaAImprimir = plantillaPorOmision('carta_finiquito', instituto),
): Promise<Buffer> {
  const doc = nuevoDocumento('Carta finiquito', `Folio ${d.folio}`, instituto.razonSocial);
  const fecha = formatearFecha(d.fecha as Fecha);
  // The letter's prose is the carta finiquito template's (src/domain/plantillas).
  const valores = {
    'credito.numero': d.credito,
    'acreditado.nombre': d.acreditado,
    'carta.folio': String(d.folio),
    'carta.fecha': fecha,
    'carta.total_pagado': formatearPesos(centavosDeSalida(d.totalPagado)),
    'carta.pagares': d.pagares.join(', '),
  };
  doc.moveDown(1).fontSize(10);
  escribirTexto(doc, seccionLlena(plantilla, 'lugar_y_fecha', valores), { align: 'right' });
  seccion(doc, 'Constancia de no adeudo');
  doc.fontSize(10);
  escribirTexto(doc, seccionLlena(plantilla, 'constancia', valores), { align: 'justify' });
  seccion(doc, 'Datos');
  pares(doc, [
    ['Folio', String(d.folio)],
    ['Número de crédito', d.credito],
    ['Acreditado', d.acreditado],
    ['Total pagado', formatearPesos(centavosDeSalida(d.totalPagado))],
    ['Pagarés', d.pagares.join(', ') || '—'],
  ]);
  doc.moveDown(4).text('______________________________', { align: 'center' });
  doc.text(instituto.firmantes.carta_finiquito?.nombre ?? '', { align: 'center' });
  doc.text(instituto.firmantes.carta_finiquito?.cargo ?? '', { align: 'center' });
  leyenda(doc, instituto.leyendas.carta_finiquito);
  return terminar(doc, `Carta finiquito folio ${d.folio}, emitida el ${fecha}`);
}
