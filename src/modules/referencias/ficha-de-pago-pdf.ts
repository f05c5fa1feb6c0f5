import { formatearPesos } from '../../domain/dinero.ts';
import { formatearFecha, formatearInstante } from '../../domain/fecha.ts';
import type { DatosEmision } from '../documentos/estado-de-cuenta-pdf.ts';
import { nuevoDocumento, pares, seccion, terminar } from '../documentos/pdf-base.ts';
import { CUENTA_DEL_INSTITUTO, type CuentaBancaria } from './cuenta-del-instituto.ts';
import type { FichaDePago } from './preparar-ficha-de-pago.ts';

const ROJO = '#a11a1a';

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
 * and how much. CONDUSEF's rule is printed on it: nobody at Recupera receives cash.
 */
export function generarPdfFichaDePago(
  f: FichaDePago,
  emision: DatosEmision,
  cuenta: CuentaBancaria = CUENTA_DEL_INSTITUTO,
): Promise<Buffer> {
  const doc = nuevoDocumento('Ficha de pago', `Crédito ${f.numero} al ${formatearFecha(f.fecha)}`);
  const izquierda = doc.page.margins.left;
  seccion(doc, 'Referencia de pago');
  doc.font('Helvetica-Bold').fontSize(24).text(f.referencia, izquierda, doc.y);
  doc
    .font('Helvetica')
    .fontSize(9)
    .text(
      'Anote esta referencia completa, sin espacios, en el campo «Referencia» de la ficha del banco o de su transferencia: con ella su pago se aplica a su crédito.',
      izquierda,
      doc.y + 4,
    );
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
  pares(doc, [
    ['Banco', cuenta.banco],
    ['Titular de la cuenta', cuenta.titular],
    ['Número de cuenta', cuenta.cuenta],
    ['CLABE (transferencias)', cuenta.clabe],
  ]);
  if (cuenta.provisional) {
    doc
      .moveDown(0.3)
      .font('Helvetica-Bold')
      .fillColor(ROJO)
      .text(
        'Datos bancarios por confirmar: no use esta ficha para pagar hasta que el instituto los publique.',
        izquierda,
        doc.y,
      )
      .fillColor('#000000')
      .font('Helvetica');
  }
  seccion(doc, 'Importante');
  doc
    .font('Helvetica-Bold')
    .text('El personal de Recupera no recibe efectivo.', izquierda, doc.y)
    .font('Helvetica')
    .text(
      'Pague únicamente en el banco o en la caja del instituto, con la referencia de su crédito, y conserve su comprobante. Nadie del instituto puede pedirle que le entregue dinero.',
    )
    .moveDown(0.3)
    .text(
      `Los saldos son al ${formatearFecha(f.fecha)}: los intereses cambian cada día y cada pago los modifica. Si paga más de lo exigible, el excedente reduce el plazo de su crédito.`,
    );
  const zona = emision.zonaHoraria ?? 'America/Hermosillo';
  return terminar(
    doc,
    `Emitida el ${formatearInstante(emision.emitido, zona)} por ${emision.usuario}. Ficha informativa; el saldo cambia con cada día y cada pago`,
  );
}
