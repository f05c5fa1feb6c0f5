import { parentPort } from 'node:worker_threads';
import { validarCaso } from '../../domain/estado-de-cuenta/index.ts';

/**
 * Worker body of validar-en-paralelo.ts: for each message (cases as JSON Lines) it answers the
 * cases the engine refuses, by line index.
 */
parentPort?.on('message', (casos: string) => {
  const fallas: Array<{ indice: number; mensaje: string }> = [];
  casos.split('\n').forEach((linea, indice) => {
    if (linea === '') return;
    const r = validarCaso(JSON.parse(linea));
    if (!r.ok) fallas.push({ indice, mensaje: r.error.mensaje });
  });
  parentPort?.postMessage(fallas);
});
