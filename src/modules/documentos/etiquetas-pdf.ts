import bwipjs from 'bwip-js';
import { formatearInstante } from '../../domain/fecha.ts';
import type { DatosEmision } from './estado-de-cuenta-pdf.ts';
import { claseDocumento, type Documento } from './pdf-base.ts';

export interface EtiquetaImpresa {
  /** What the QR encodes and what is printed under it: `EXP-…` or `PAG-…`. */
  codigo: string;
  /** «Expediente» or «Pagaré 2 · 2024-2». */
  pieza: string;
  acreditado: string;
  credito: string;
}

/** The QR of every label: medium error correction survives a scuffed corner of the sticker. */
export const OPCIONES_QR = { bcid: 'qrcode', eclevel: 'M', scale: 4 } as const;

// Letter sheets of 3 × 8 stickers (63 × 87 mm each, the common «24 por hoja» stock).
const COLUMNAS = 3;
const FILAS = 8;
const MARGEN_X = 18;
const MARGEN_Y = 36;
const ANCHO = (612 - 2 * MARGEN_X) / COLUMNAS;
const ALTO = (792 - 2 * MARGEN_Y) / FILAS;
const LADO_QR = 70;
const POR_HOJA = COLUMNAS * FILAS;

/** One line set smaller until it fits: a code cut short could not be read. */
function ajustado(
  doc: Documento,
  texto: string,
  fuente: string,
  maximo: number,
  x: number,
  y: number,
  ancho: number,
): void {
  let tamano = maximo;
  doc.font(fuente);
  while (tamano > 4.5 && doc.fontSize(tamano).widthOfString(texto) > ancho) tamano -= 0.5;
  doc.fillColor('#000000').text(texto, x, y, { width: ancho, lineBreak: false });
}

/**
 * Who printed the sheets, when, and which of how many, in the strip below the last row of
 * stickers (which ends 36 points above the page's edge), so that nothing is printed on a label.
 */
function pie(doc: Documento, texto: string, hoja: number, hojas: number): void {
  doc
    .font('Helvetica')
    .fontSize(7)
    .fillColor('#555555')
    .text(`${texto} · Página ${hoja} de ${hojas}`, MARGEN_X, 792 - 24, {
      width: 612 - 2 * MARGEN_X,
      align: 'center',
      lineBreak: false,
    })
    .fillColor('#000000');
}

/**
 * One label per piece: its QR (bwip-js, PNG) and, beside it, the code as text, the debtor and
 * the credit, so that a person can read what the scanner reads. The code is never wrapped: a
 * long one is set smaller.
 */
export async function generarPdfEtiquetas(
  etiquetas: readonly EtiquetaImpresa[],
  emision: DatosEmision,
): Promise<Buffer> {
  const PDFDocument = claseDocumento();
  const doc = new PDFDocument({
    size: 'LETTER',
    margin: 0,
    info: { Title: 'Etiquetas de expedientes y pagarés', Author: 'Recupera' },
  });
  const partes: Buffer[] = [];
  doc.on('data', (p: Buffer) => partes.push(p));
  const fin = new Promise<Buffer>((resolver, rechazar) => {
    doc.on('end', () => resolver(Buffer.concat(partes)));
    doc.on('error', rechazar);
  });
  const hojas = Math.max(1, Math.ceil(etiquetas.length / POR_HOJA));
  const texto = `Etiquetas impresas el ${formatearInstante(emision.emitido, emision.zonaHoraria ?? 'America/Hermosillo')} por ${emision.usuario}`;
  pie(doc, texto, 1, hojas);
  for (const [i, e] of etiquetas.entries()) {
    const lugar = i % POR_HOJA;
    if (lugar === 0 && i > 0) {
      doc.addPage();
      pie(doc, texto, i / POR_HOJA + 1, hojas);
      // Each QR takes a few milliseconds: other requests run between sheets.
      await new Promise((r) => setImmediate(r));
    }
    const x = MARGEN_X + (lugar % COLUMNAS) * ANCHO;
    const y = MARGEN_Y + Math.floor(lugar / COLUMNAS) * ALTO;
    doc
      .save()
      .rect(x + 2, y + 2, ANCHO - 4, ALTO - 4)
      .lineWidth(0.3)
      .stroke('#bbbbbb')
      .restore();
    const png = await bwipjs.toBuffer({ ...OPCIONES_QR, text: e.codigo });
    doc.image(png, x + 8, y + (ALTO - LADO_QR) / 2, { width: LADO_QR, height: LADO_QR });
    const tx = x + LADO_QR + 14;
    const ancho = ANCHO - LADO_QR - 20;
    ajustado(doc, e.codigo, 'Helvetica-Bold', 9, tx, y + 14, ancho);
    const renglon = { width: ancho, height: 9, ellipsis: true };
    doc.font('Helvetica').fontSize(7);
    doc.text(e.pieza, tx, y + 30, renglon);
    doc.text(e.acreditado, tx, y + 42, renglon);
    ajustado(doc, `Crédito ${e.credito}`, 'Helvetica', 7, tx, y + 54, ancho);
  }
  if (etiquetas.length === 0) doc.font('Helvetica').fontSize(10).text('Sin etiquetas.', 50, 50);
  doc.end();
  return fin;
}
