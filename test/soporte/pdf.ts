import { spawnSync } from 'node:child_process';

/** The text a person reads in a PDF, extracted by poppler's pdftotext (installed by .ci/run). */
export function textoDePdf(pdf: Buffer): string {
  const r = spawnSync('pdftotext', ['-layout', '-enc', 'UTF-8', '-', '-'], { input: pdf });
  if (r.error) throw new Error('pdftotext no está instalado: apt-get install -y poppler-utils');
  if (r.status !== 0) throw new Error(`pdftotext falló: ${r.stderr.toString()}`);
  return r.stdout.toString('utf8');
}
