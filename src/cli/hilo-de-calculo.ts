import { parentPort } from 'node:worker_threads';
import { calcularLote } from './lote-de-calculo.ts';

/**
 * A worker of `recupera calcular --lineas`: blocks of lines in, their answers out, each tagged
 * with its block's number so the main thread writes them in order. The answer's memory is
 * handed over, not copied.
 */
export interface LoteDeEntrada {
  numero: number;
  entrada: Uint8Array;
}
export interface LoteDeSalida {
  numero: number;
  salida: Uint8Array;
}

const puerto = parentPort;
if (puerto !== null) {
  puerto.on('message', ({ numero, entrada }: LoteDeEntrada) => {
    const salida = calcularLote(entrada);
    puerto.postMessage({ numero, salida } satisfies LoteDeSalida, [salida.buffer as ArrayBuffer]);
  });
  puerto.postMessage('listo');
}
