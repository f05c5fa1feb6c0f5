import { createRequire } from 'node:module';
import type PDFKit from 'pdfkit';

// Loaded with the first document, not at start: pdfkit and its fonts cost ~0.2 s of every
// restart. Synchronous, so that building a document stays a plain function.
const requerir = createRequire(import.meta.url);
let ClaseDocumento: typeof PDFKit | null = null;
export const claseDocumento = () => (ClaseDocumento ??= requerir('pdfkit') as typeof PDFKit);

const AZUL = '#0d3347';
const MARGEN = 50;

export interface Columna {
  titulo: string;
  ancho: number;
  alinear?: 'left' | 'right' | 'center';
}

export type Documento = PDFKit.PDFDocument;

/**
 * The institute's page: letter size, its header on every page, page numbers in the footer.
 * The header's name is the legal name the administrador keeps (Datos del instituto), never a
 * constant. Standard Helvetica is encoded in WinAnsi, which carries every Spanish letter
 * (á, é, ñ, ü, ¿, ¡).
 */
export function nuevoDocumento(titulo: string, subtitulo: string, razonSocial: string): Documento {
  const PDFDocument = claseDocumento();
  const doc = new PDFDocument({
    size: 'LETTER',
    margins: { top: 95, bottom: 60, left: MARGEN, right: MARGEN },
    bufferPages: true,
    info: { Title: titulo, Author: razonSocial },
  });
  const encabezado = () => {
    const y = 30;
    doc.save();
    doc.rect(MARGEN, y, doc.page.width - 2 * MARGEN, 48).fill(AZUL);
    doc
      .fillColor('#ffffff')
      .font('Helvetica-Bold')
      .fontSize(11)
      .text(razonSocial, MARGEN + 12, y + 9, { width: doc.page.width - 2 * MARGEN - 24 });
    doc
      .font('Helvetica')
      .fontSize(9)
      .text(`${titulo} · ${subtitulo}`, MARGEN + 12, y + 28, {
        width: doc.page.width - 2 * MARGEN - 24,
      });
    doc.restore();
    doc.fillColor('#000000').font('Helvetica').fontSize(9);
    doc.x = MARGEN;
    doc.y = 95;
  };
  encabezado();
  doc.on('pageAdded', encabezado);
  return doc;
}

export function seccion(doc: Documento, titulo: string): void {
  if (doc.y > doc.page.height - 140) doc.addPage();
  doc.moveDown(0.8);
  doc.font('Helvetica-Bold').fontSize(11).fillColor(AZUL).text(titulo, MARGEN, doc.y);
  doc.fillColor('#000000').font('Helvetica').fontSize(9).moveDown(0.3);
}

export function pares(doc: Documento, filas: ReadonlyArray<readonly [string, string]>): void {
  for (const [etiqueta, valor] of filas) {
    const y = doc.y;
    doc.font('Helvetica').fillColor('#444444').text(etiqueta, MARGEN, y, { width: 220 });
    doc
      .font('Helvetica-Bold')
      .fillColor('#000000')
      .text(valor, MARGEN + 230, y, { width: 250 });
    doc.font('Helvetica');
  }
}

function fila(
  doc: Documento,
  columnas: readonly Columna[],
  valores: readonly string[],
  negrita: boolean,
): void {
  const y = doc.y;
  let x = MARGEN;
  doc.font(negrita ? 'Helvetica-Bold' : 'Helvetica').fontSize(8);
  columnas.forEach((c, i) => {
    doc.text(valores[i] ?? '', x + 2, y, {
      width: c.ancho - 4,
      align: c.alinear ?? 'left',
      lineBreak: false,
    });
    x += c.ancho;
  });
  doc.y = y + 13;
}

/** A table that continues on new pages, repeating its header row. */
export function tabla(
  doc: Documento,
  columnas: readonly Columna[],
  filas: ReadonlyArray<readonly string[]>,
): void {
  const titulos = columnas.map((c) => c.titulo);
  const ancho = columnas.reduce((s, c) => s + c.ancho, 0);
  const cabecera = () => {
    doc
      .save()
      .rect(MARGEN, doc.y - 2, ancho, 13)
      .fill('#e6eef2')
      .restore();
    fila(doc, columnas, titulos, true);
  };
  cabecera();
  for (const valores of filas) {
    if (doc.y > doc.page.height - 75) {
      doc.addPage();
      cabecera();
    }
    fila(doc, columnas, valores, false);
  }
  doc.x = MARGEN;
}

/** The legal legend the administrador set for the document, if any, in small print. */
export function leyenda(doc: Documento, texto: string | undefined): void {
  if (texto === undefined || texto.trim() === '') return;
  doc.moveDown(0.8);
  doc
    .font('Helvetica')
    .fontSize(8)
    .fillColor('#444444')
    .text(texto, MARGEN, doc.y, { width: doc.page.width - 2 * MARGEN, align: 'justify' });
  doc.fillColor('#000000').fontSize(9);
}

/** Footer with who issued it and page numbers; then the bytes. */
export function terminar(doc: Documento, pie: string): Promise<Buffer> {
  const paginas = doc.bufferedPageRange();
  for (let i = 0; i < paginas.count; i++) {
    doc.switchToPage(paginas.start + i);
    doc.font('Helvetica').fontSize(7).fillColor('#555555');
    // The footer sits in the bottom margin: with the margin in place pdfkit takes it for an
    // overflow and writes it on a new, otherwise blank page, one per page (as the monthly
    // report's own footer found, src/modules/indicadores/reporte-pdf.ts).
    const margenInferior = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.text(`${pie} · Página ${i + 1} de ${paginas.count}`, MARGEN, doc.page.height - 40, {
      width: doc.page.width - 2 * MARGEN,
      align: 'center',
      lineBreak: false,
    });
    doc.page.margins.bottom = margenInferior;
  }
  return new Promise((resolver, rechazar) => {
    const partes: Buffer[] = [];
    doc.on('data', (p: Buffer) => partes.push(p));
    doc.on('end', () => resolver(Buffer.concat(partes)));
    doc.on('error', rechazar);
    doc.end();
  });
}
