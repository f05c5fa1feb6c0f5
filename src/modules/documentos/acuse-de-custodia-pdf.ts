import { type Documento, nuevoDocumento, pares, seccion, terminar } from './pdf-base.ts';

export interface PiezaDelAcuse {
  etiqueta: string;
  credito: string;
  acreditado: string;
  /** «Pagaré PG-1 (ministración 1) por $12,000.00»; null for the expediente. */
  pagare: string | null;
  desde: string;
  hacia: string;
}

export interface DatosAcuse {
  folio: number;
  tipo: string;
  /** dd/mm/aaaa hh:mm in the institute's time zone. */
  fechaHora: string;
  entrega: string;
  recibe: string;
  registradoPor: string;
  devolverAMasTardar: string | null;
  nota: string | null;
  piezas: readonly PiezaDelAcuse[];
}

function firma(doc: Documento, x: number, y: number, titulo: string, nombre: string) {
  doc
    .moveTo(x, y)
    .lineTo(x + 200, y)
    .lineWidth(0.7)
    .stroke('#000000');
  doc
    .font('Helvetica-Bold')
    .fontSize(9)
    .text(titulo, x, y + 4, { width: 200, align: 'center' });
  doc.font('Helvetica').text(nombre, x, y + 16, { width: 200, align: 'center' });
}

/**
 * The acuse of a custody hand-over, to be signed by both sides: what moved, from where to
 * where, who handed it over and who received it.
 */
export function generarPdfAcuseDeCustodia(d: DatosAcuse, razonSocial: string): Promise<Buffer> {
  const doc = nuevoDocumento('Acuse de custodia', `Folio ${d.folio} · ${d.tipo}`, razonSocial);
  seccion(doc, 'Movimiento');
  pares(doc, [
    ['Folio', String(d.folio)],
    ['Tipo de movimiento', d.tipo],
    ['Fecha y hora', d.fechaHora],
    ['Entrega', d.entrega],
    ['Recibe', d.recibe],
    ...(d.devolverAMasTardar === null
      ? []
      : ([['Devolver a más tardar el', d.devolverAMasTardar]] as const)),
    ...(d.nota === null ? [] : ([['Nota', d.nota]] as const)),
  ]);
  seccion(doc, `Piezas (${d.piezas.length})`);
  for (const p of d.piezas) {
    if (doc.y > doc.page.height - 110) doc.addPage();
    doc.font('Helvetica-Bold').fontSize(9).text(`${p.etiqueta}`, 50, doc.y);
    doc
      .font('Helvetica')
      .text(`Crédito ${p.credito} · ${p.acreditado}${p.pagare === null ? ' · Expediente' : ''}`);
    if (p.pagare !== null) doc.text(p.pagare);
    doc.fillColor('#444444').text(`De: ${p.desde}`).text(`A: ${p.hacia}`).fillColor('#000000');
    doc.moveDown(0.5);
  }
  if (doc.y > doc.page.height - 160) doc.addPage();
  doc
    .moveDown(1)
    .fontSize(8)
    .text(
      'Quien recibe declara recibir las piezas listadas en el estado en que se encuentran y se obliga a custodiarlas hasta su devolución o entrega con un nuevo acuse.',
      { align: 'justify' },
    );
  const y = doc.y + 60;
  firma(doc, 60, y, 'Entrega', d.entrega);
  firma(doc, doc.page.width - 260, y, 'Recibe', d.recibe);
  return terminar(
    doc,
    `Acuse de custodia folio ${d.folio}, registrado el ${d.fechaHora} por ${d.registradoPor}`,
  );
}
