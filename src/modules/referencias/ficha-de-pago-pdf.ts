import { formatearPesos } from '../../domain/dinero.ts';
import { formatearFecha, formatearInstante } from '../../domain/fecha.ts';
import type { DatosEmision } from '../documentos/estado-de-cuenta-pdf.ts';
import { leyenda, nuevoDocumento, pares, seccion, terminar } from '../documentos/pdf-base.ts';
import type { DatosDelInstituto } from '../instituto/datos-del-instituto.ts';
import {
  escribirTexto,
  type PlantillaAImprimir,
  plantillaPorOmision,
  seccionLlena,
} from '../plantillas/llenar-seccion.ts';
import { dondePagar } from './donde-pagar-pdf.ts';
import type { FichaDePago } from './preparar-ficha-de-pago.ts';

function explicacionDelImporte(f: FichaDePago): string {
  const al = formatearFecha(f.fecha);
  switch (f.origen) {
    case 'indicado':
      return `Importe indicado al emitir esta ficha. Al ${al} el saldo exigible es ${formatearPesos(f.saldoExigible)}.`;
    case 'saldo_exigible':
      return `Es el saldo exigible al ${al}: lo vencido a esa fecha (capital, interés ordinario e interés moratorio).`;
    case 'sin_saldo_exigible':
      return `El crédito no tiene saldo vencido al ${al}. Puede abonar con esta referencia el importe que desee, o liquidarlo con el saldo para liquidar.`;
  }
}

/**
 * The slip a debtor takes to the bank: who pays, into which account, with which reference,
 * and how much. CONDUSEF's rule is printed on it: nobody at Recupera receives cash. The
 * accounts and legend are the institute's (`instituto`, checked by exigirDatosPara).
 */
export function generarPdfFichaDePago(
  f: FichaDePago,
  emision: DatosEmision,
  instituto: DatosDelInstituto,
  plantilla: PlantillaAImprimir = plantillaPorOmision('ficha_de_pago', instituto),
): Promise<Buffer> {
  // The prose is the ficha de pago template's (src/domain/plantillas); figures stay generated.
  const valores = {
    'credito.numero': f.numero,
    'acreditado.nombre': f.acreditado,
    'ficha.referencia': f.referencia,
    'ficha.fecha': formatearFecha(f.fecha),
    'ficha.importe': f.importe === null ? 'El que usted decida' : formatearPesos(f.importe),
    'ficha.saldo_exigible': formatearPesos(f.saldoExigible),
    'ficha.saldo_para_liquidar': formatearPesos(f.saldoParaLiquidar),
  };
  const doc = nuevoDocumento(
    'Ficha de pago',
    `Crédito ${f.numero} al ${formatearFecha(f.fecha)}`,
    instituto.razonSocial,
  );
  const izquierda = doc.page.margins.left;
  seccion(doc, 'Referencia de pago');
  doc.font('Helvetica-Bold').fontSize(24).text(f.referencia, izquierda, doc.y);
  doc.font('Helvetica').fontSize(9).moveDown(0.3);
  escribirTexto(doc, seccionLlena(plantilla, 'instrucciones', valores));
  seccion(doc, 'Datos del pago');
  pares(doc, [
    ['Acreditado', f.acreditado],
    ['Número de crédito', f.numero],
    ['Importe a pagar', f.importe === null ? 'El que usted decida' : formatearPesos(f.importe)],
  ]);
  doc.moveDown(0.3).text(explicacionDelImporte(f), izquierda, doc.y);
  doc.moveDown(0.5);
  pares(doc, [
    [`Saldo exigible al ${formatearFecha(f.fecha)}`, formatearPesos(f.saldoExigible)],
    [`Saldo para liquidar al ${formatearFecha(f.fecha)}`, formatearPesos(f.saldoParaLiquidar)],
  ]);
  seccion(doc, 'Dónde pagar');
  dondePagar(doc, instituto);
  seccion(doc, 'Importante');
  escribirTexto(doc, seccionLlena(plantilla, 'aviso_efectivo', valores), { negrita: true });
  escribirTexto(doc, seccionLlena(plantilla, 'importante', valores));
  leyenda(doc, instituto.leyendas.ficha_de_pago);
  const zona = emision.zonaHoraria ?? 'America/Hermosillo';
  return terminar(
    doc,
    `Emitida el ${formatearInstante(emision.emitido, zona)} por ${emision.usuario}. Ficha informativa; el saldo cambia con cada día y cada pago`,
  );
}
