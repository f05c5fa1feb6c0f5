import { centavosDeSalida, formatearPesos } from '../../domain/dinero.ts';
import { type Fecha, formatearFecha } from '../../domain/fecha.ts';
import { INSTITUTO, nuevoDocumento, pares, seccion, terminar } from './pdf-base.ts';

export interface DatosCarta {
  folio: number;
  fecha: string;
  credito: string;
  acreditado: string;
  pagares: string[];
  totalPagado: string;
  emitidaPor: string;
}

/** Carta finiquito / constancia de no adeudo: the letter that ends a credit's life. */
export function generarPdfCartaFiniquito(d: DatosCarta): Promise<Buffer> {
  const doc = nuevoDocumento('Carta finiquito', `Folio ${d.folio}`);
  const fecha = formatearFecha(d.fecha as Fecha);
  doc.moveDown(1).fontSize(10).text(`Hermosillo, Sonora, a ${fecha}.`, { align: 'right' });
  seccion(doc, 'Constancia de no adeudo');
  doc
    .fontSize(10)
    .text(
      `El ${INSTITUTO} hace constar que el crédito educativo número ${d.credito}, a nombre de ${d.acreditado}, ` +
        `quedó liquidado en su totalidad, sin adeudo de capital, intereses ordinarios ni moratorios a la fecha de esta carta.`,
      { align: 'justify' },
    );
  doc
    .moveDown(0.6)
    .text(
      'Con esta carta el crédito se da por finiquitado y sus pagarés quedan a disposición del acreditado para su devolución.',
      { align: 'justify' },
    );
  seccion(doc, 'Datos');
  pares(doc, [
    ['Folio', String(d.folio)],
    ['Número de crédito', d.credito],
    ['Acreditado', d.acreditado],
    ['Total pagado', formatearPesos(centavosDeSalida(d.totalPagado))],
    ['Pagarés', d.pagares.join(', ') || '—'],
  ]);
  doc.moveDown(4).text('______________________________', { align: 'center' });
  doc.text(d.emitidaPor, { align: 'center' });
  doc.text('Coordinación de Cartera', { align: 'center' });
  return terminar(doc, `Carta finiquito folio ${d.folio}, emitida el ${fecha}`);
}
