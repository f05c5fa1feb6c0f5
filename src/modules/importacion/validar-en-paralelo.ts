import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Fecha } from '../../domain/fecha.ts';
import { casoDeCredito } from './caso-de-credito.ts';
import type { Observacion } from './informe.ts';
import {
  type CreditoParaMotor,
  ubicarErrorDelMotor,
  validarCediendo,
  validarConMotor,
} from './validar-con-motor.ts';

// Below this many credits a thread costs more to start than it saves.
const MINIMO_PARA_HILOS = 2_000;

// Cases per message: the thread validates one batch while this one prepares the next.
const POR_LOTE = 2_000;

type Fallas = Array<{ indice: number; mensaje: string }>;

/** One worker thread that validates the credits it is sent, batch after batch. */
async function validarEnHilo(
  parte: readonly CreditoParaMotor[],
  hoy: Fecha,
): Promise<Observacion[]> {
  const hilo = new Worker(new URL('../../plataforma/arranque-hilo.mjs', import.meta.url), {
    workerData: { modulo: new URL('./motor-en-hilo.ts', import.meta.url).href },
  });
  let esperando: { resolver: (f: Fallas) => void; rechazar: (e: unknown) => void } | null = null;
  hilo.on('message', (f: Fallas) => esperando?.resolver(f));
  hilo.on('error', (e) => esperando?.rechazar(e));
  const validar = (casos: string) =>
    new Promise<Fallas>((resolver, rechazar) => {
      esperando = { resolver, rechazar };
      hilo.postMessage(casos);
    });
  const lote = (desde: number) =>
    parte
      .slice(desde, desde + POR_LOTE)
      .map((c) => JSON.stringify(casoDeCredito(c.datos, hoy)))
      .join('\n');
  const errores: Observacion[] = [];
  try {
    let enCurso: Promise<Fallas> | null = null;
    let desdeEnCurso = 0;
    for (let desde = 0; desde < parte.length || enCurso; desde += POR_LOTE) {
      const siguiente = desde < parte.length ? lote(desde) : null;
      if (enCurso) {
        for (const { indice, mensaje } of await enCurso) {
          const credito = parte[desdeEnCurso + indice];
          if (credito) errores.push(ubicarErrorDelMotor(credito, mensaje));
        }
      }
      enCurso = siguiente === null ? null : validar(siguiente);
      desdeEnCurso = desde;
      // Let the rest of this thread's work (the writing) go on between batches.
      await new Promise((listo) => setImmediate(listo));
    }
  } finally {
    await hilo.terminate();
  }
  return errores;
}

/**
 * validarConMotor spread over the machine's cores: each other core gets a share of the
 * credits, as JSON Lines (a string crosses to a thread by a plain copy), while this thread
 * validates its own share if `hiloPrincipal` — by default it takes none and stays free: it is
 * the thread that feeds the database while the import writes (and, in the server, the one that
 * answers requests). The engine is pure, so the answer is the same as on one thread.
 *
 * Sending a case to a thread and reading it there (JSON) costs about what validating it does:
 * with fewer than four cores (one for the database, one for this thread) the threads would
 * only add work, and this thread validates between its writes instead (validarCediendo).
 * `hilos` fixes the number of threads (the tests use it).
 */
export async function validarEnParalelo(
  creditos: readonly CreditoParaMotor[],
  hoy: Fecha,
  {
    hiloPrincipal = false,
    hilos = Math.min(availableParallelism(), 8) - 2,
  }: { hiloPrincipal?: boolean; hilos?: number } = {},
): Promise<Observacion[]> {
  if (creditos.length < MINIMO_PARA_HILOS || hilos < 1) return validarCediendo(creditos, hoy);
  const partes = hiloPrincipal ? hilos + 1 : hilos;
  const porParte = Math.ceil(creditos.length / partes);
  const primera = hiloPrincipal ? 1 : 0;
  const trabajos: Array<Promise<Observacion[]>> = [];
  for (let h = 0; h < hilos; h++) {
    trabajos.push(
      validarEnHilo(creditos.slice((h + primera) * porParte, (h + primera + 1) * porParte), hoy),
    );
  }
  // This thread's share, if it takes one.
  const propias = hiloPrincipal ? validarConMotor(creditos.slice(0, porParte), hoy) : [];
  return [...propias, ...(await Promise.all(trabajos)).flat()];
}
