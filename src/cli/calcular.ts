import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { calcularTexto } from '../modules/calculo/calcular-cli.ts';
import { codigoEmpaquetado } from '../plataforma/hilo-empaquetado.ts';
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

/**
 * The parts in one buffer with memory of its own (never Node's shared pool), so that it can be
 * handed to a worker thread. Joined once per block: joining at every 64 KB read copied each
 * block about three times.
 */
function juntar(partes: readonly Uint8Array[], largo: number): Buffer {
  const junto = Buffer.allocUnsafeSlow(largo);
  let escritos = 0;
  for (const parte of partes) {
    junto.set(parte, escritos);
    escritos += parte.length;
  }
  return junto;
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

  const crearHilo = (codigo: string): Hilo => {
    const trabajador = new Worker(codigo, { eval: true });
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
  };
  // The workers start once their code is bundled (≈ 50 ms); this thread computes meanwhile.
  const hilos: Hilo[] = [];
  let terminado = false;
  void codigoEmpaquetado(new URL('./hilo-de-calculo.ts', import.meta.url)).then(
    (codigo) => {
      if (terminado) return; // a short batch was done before them
      for (let i = Math.max(1, availableParallelism()); i > 0; i--) hilos.push(crearHilo(codigo));
    },
    (e: unknown) => {
      falla = e;
      despertar();
    },
  );

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
        // Each block owns its memory (`juntar`): it is handed over, not copied.
        libre.trabajador.postMessage({ numero, entrada } satisfies LoteDeEntrada, [
          entrada.buffer as ArrayBuffer,
        ]);
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
    let partes: Uint8Array[] = [];
    let largo = 0;
    for await (const parte of process.stdin as AsyncIterable<Buffer>) {
      partes.push(parte);
      largo += parte.length;
      if (largo < BLOQUE) continue;
      const junto = juntar(partes, largo);
      const corte = junto.lastIndexOf(10);
      if (corte === -1) {
        partes = [junto];
        continue;
      }
      // The unfinished line goes on to the next block; this one is handed over whole.
      const resto = Buffer.from(junto.subarray(corte + 1));
      partes = [resto];
      largo = resto.length;
      await despachar(junto.subarray(0, corte + 1));
    }
    if (largo > 0) await despachar(juntar(partes, largo));
    while (siguienteAEscribir < numerados) {
      if (falla !== null) throw falla;
      await escribirLosListos();
      if (siguienteAEscribir < numerados) await esperarNovedad();
    }
  } finally {
    terminado = true;
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
