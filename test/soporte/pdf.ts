import { spawnSync } from 'node:child_process';

/** The text a person reads in a PDF, extracted by poppler's pdftotext (installed by .ci/run). */
export function textoDePdf(pdf: Buffer): string {
  const r = spawnSync('pdftotext', ['-layout', '-enc', 'UTF-8', '-', '-'], { input: pdf });
  if (r.error) throw new Error('pdftotext no está instalado: apt-get install -y poppler-utils');
  if (r.status !== 0) throw new Error(`pdftotext falló: ${r.stderr.toString()}`);
  return r.stdout.toString('utf8');
}

/** Each page's text (pdftotext separates pages with a form feed). */
export function paginasDePdf(pdf: Buffer): string[] {
  const paginas = textoDePdf(pdf).split('\f');
  // The form feed ends the last page too: what follows it is not a page.
  if (paginas.at(-1)?.trim() === '') paginas.pop();
  return paginas;
}
