import { type Documento, pares } from '../documentos/pdf-base.ts';
import type { DatosDelInstituto } from '../instituto/datos-del-instituto.ts';

/**
 * The institute's accounts as a debtor needs them at the bank: each bank with its holder,
 * account, CLABE and how that bank takes the reference, then where to ask. Shared by the
 * convenio and the ficha de pago so that both say the same.
 */
export function dondePagar(doc: Documento, instituto: DatosDelInstituto): void {
  const izquierda = doc.page.margins.left;
  for (const c of instituto.cuentas) {
    doc.moveDown(0.4);
    pares(doc, [
      ['Banco', c.banco],
      ['Titular de la cuenta', c.titular],
      ['Número de cuenta', c.cuenta],
      ['CLABE (transferencias)', c.clabe],
    ]);
    doc.text(`Cómo anotar la referencia: ${c.convencionReferencia}`, izquierda, doc.y);
  }
  doc
    .moveDown(0.4)
    .text(
      `Dudas: ${instituto.domicilio} · Tel. ${instituto.telefono} · ${instituto.correo}`,
      izquierda,
      doc.y,
    );
}
