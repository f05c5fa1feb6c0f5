import { createInterface } from 'node:readline';

/** First line of stdin; when a person types it, a prompt is shown first. */
export async function leerContrasena(indicacion: string): Promise<string> {
  if (process.stdin.isTTY) process.stderr.write(indicacion);
  const lector = createInterface({ input: process.stdin });
  for await (const linea of lector) {
    lector.close();
    return linea;
  }
  return '';
}
