import { parentPort, workerData } from 'node:worker_threads';
import { validarCaso } from '../../domain/estado-de-cuenta/index.ts';

/**
 * Worker body of validar-en-paralelo.ts: validates the cases it receives (JSON Lines, one
 * case per line) and answers the failing ones by line index.
 */
const { casos } = workerData as { casos: string };
const fallas: Array<{ indice: number; mensaje: string }> = [];
casos.split('\n').forEach((linea, indice) => {
  if (linea === '') return;
  const r = validarCaso(JSON.parse(linea));
  if (!r.ok) fallas.push({ indice, mensaje: r.error.mensaje });
});
parentPort?.postMessage(fallas);
