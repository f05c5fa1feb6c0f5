import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { calcularTexto } from '../modules/calculo/calcular-cli.ts';
import type { LoteDeEntrada, LoteDeSalida } from './hilo-de-calculo.ts';
import { calcularLote } from './lote-de-calculo.ts';

/**
 * Writes `texto` and waits until the stream took it: the CLI ends with process.exit, which cut
 * a long `--lineas` answer to a pipe short (58 of 121 statements, exit code 0) before this
 * waited; waiting also keeps a slow reader from piling the output up in memory.
 */
function escribir(texto: string | Uint8Array): Promise<void> {
  return new Promise((listo, fallo) =>
    process.stdout.write(texto, (e) => (e ? fallo(e) : listo())),
  );
}

async function leerTodo(): Promise<string> {
  let texto = '';
  process.stdin.setEncoding('utf8');
  for await (const parte of process.stdin) texto += parte as string;
  return texto;
}

/** Input is cut into blocks of about this many bytes, at a line's end. */
const BLOQUE = 256 * 1024;
/** Blocks a worker may hold at once: the next one waits in its queue while it computes. */
const EN_CURSO_POR_HILO = 2;

interface Hilo {
  trabajador: Worker;
  listo: boolean;
  enCurso: number;
}

/**
 * JSON Lines, streamed and computed on every core: the input is cut into blocks at line ends,
 * each block goes to a worker thread that is free (the main thread computes the first ones
 * itself while the workers start), and the answers are written in input order as they come
 * back. Memory holds a few blocks, not the batch. One answer per non-blank input line, in
 * order; an invalid case answers its error object and the batch goes on.
 *
 * Once the workers are up this thread only reads, hands out and writes: when it also computed
 * blocks, the answers waited behind its computation and a caller reading the pipe got the
 * 120 × 60 profile 20 % slower (bench/README.md).
 */
async function calcularEnFlujo(): Promise<void> {
  const resultados = new Map<number, Uint8Array>();
  let siguienteAEscribir = 0;
  let numerados = 0;
  let avisar: (() => void) | null = null;
  let falla: unknown = null;
  const despertar = () => {
    const a = avisar;
    avisar = null;
    a?.();
  };
  const esperarNovedad = () =>
    new Promise<void>((listo) => {
      avisar = listo;
    });

  const hilos: Hilo[] = Array.from({ length: Math.max(1, availableParallelism()) }, () => {
    const trabajador = new Worker(new URL('../plataforma/arranque-hilo.mjs', import.meta.url), {
      workerData: { modulo: new URL('./hilo-de-calculo.ts', import.meta.url).href },
    });
    const hilo: Hilo = { trabajador, listo: false, enCurso: 0 };
    trabajador.on('message', (m: 'listo' | LoteDeSalida) => {
      if (m === 'listo') hilo.listo = true;
      else {
        hilo.enCurso--;
        resultados.set(m.numero, m.salida);
      }
      despertar();
    });
    trabajador.on('error', (e) => {
      falla = e;
      despertar();
    });
    return hilo;
  });

  const escribirLosListos = async () => {
    for (let r = resultados.get(siguienteAEscribir); r !== undefined; ) {
      resultados.delete(siguienteAEscribir++);
      await escribir(r);
      r = resultados.get(siguienteAEscribir);
    }
  };

  const despachar = async (entrada: Uint8Array) => {
    const numero = numerados++;
    for (;;) {
      if (falla !== null) throw falla;
      const libre = hilos.find((h) => h.listo && h.enCurso < EN_CURSO_POR_HILO);
      if (libre !== undefined) {
        libre.enCurso++;
        libre.trabajador.postMessage({ numero, entrada } satisfies LoteDeEntrada);
        break;
      }
      if (!hilos.some((h) => h.listo)) {
        // The workers are still loading: no reason to wait for them.
        resultados.set(numero, calcularLote(entrada));
        break;
      }
      await esperarNovedad();
      await escribirLosListos();
    }
    await escribirLosListos();
  };

  try {
    let pendiente: Buffer = Buffer.alloc(0);
    for await (const parte of process.stdin as AsyncIterable<Buffer>) {
      pendiente = pendiente.length === 0 ? parte : Buffer.concat([pendiente, parte]);
      if (pendiente.length < BLOQUE) continue;
      const corte = pendiente.lastIndexOf(10);
      if (corte === -1) continue;
      await despachar(pendiente.subarray(0, corte + 1));
      pendiente = pendiente.subarray(corte + 1);
    }
    if (pendiente.length > 0) await despachar(pendiente);
    while (siguienteAEscribir < numerados) {
      if (falla !== null) throw falla;
      await escribirLosListos();
      if (siguienteAEscribir < numerados) await esperarNovedad();
    }
  } finally {
    await Promise.all(hilos.map((h) => h.trabajador.terminate()));
  }
}

/** The engine's command-line contract (issue 3): stdin → stdout; exit 2 for an invalid case. */
export async function calcular(lineas: boolean): Promise<number> {
  if (lineas) {
    await calcularEnFlujo();
    return 0;
  }
  const { salida, codigo } = calcularTexto(await leerTodo());
  await escribir(`${salida}\n`);
  return codigo;
}
