import { Worker } from 'node:worker_threads';
import { type CodigoError, ErrorDominio } from '../domain/errores.ts';
import type { Contexto } from '../modules/contexto.ts';
import type { LibroSubido } from '../modules/importacion/importar-archivo.ts';
import type {
  AvanceImportacion,
  ResultadoImportacion,
} from '../modules/importacion/importar-cartera.ts';
import type { Actor } from '../modules/seguridad/actor.ts';

/**
 * The heap of the thread that imports an upload. A 50,000-credit book (5 million rows; its
 * 261 MB of CSV are held as text while it is checked) peaks at ~595 MB of heap and does not fit
 * in 576; with the rest of the server (~200 MB) the process peaks at 990–1,010 MB
 * (bench/README.md, «En su propio hilo»).
 */
export const MEMORIA_IMPORTACION_MB = 640;
// A small nursery: the thread collects more often, in less memory, and on its own time.
const MEMORIA_JOVEN_MB = 32;

/** Where the thread connects, the clock's zone, and its heap (tests give it a tiny one). */
export interface OpcionesDelHilo {
  url: string;
  zona: string;
  memoriaMb?: number;
}

/** What the thread receives (structured clone: plain data only). */
export interface DatosDelHilo {
  modulo: string;
  url: string;
  zona: string;
  /** The server clock's instant when the job began (ms since the epoch). */
  instante: number;
  libro: LibroSubido;
  actor: Actor | null;
  ip: string | null;
}

export type MensajeDelHilo =
  | { tipo: 'avance'; avance: AvanceImportacion }
  | { tipo: 'resultado'; resultado: ResultadoImportacion }
  | { tipo: 'rechazo'; codigo: CodigoError; mensaje: string; campo: string | null }
  | { tipo: 'falla'; mensaje: string };

function sinMemoria(nombre: string, memoriaMb: number): ErrorDominio {
  return new ErrorDominio(
    'demasiado_grande',
    `«${nombre}» no cupo en la memoria reservada para importar (${memoriaMb} MB) y no se importó nada. Súbela en partes más pequeñas (por ejemplo, una oficina a la vez).`,
    'archivo',
  );
}

/**
 * importarLibroSubido in a worker thread of its own, with a capped heap (`resourceLimits`): the
 * import's allocations and garbage collections happen there, not on the thread that answers
 * requests, and a book that does not fit ends that thread — its connection closes, PostgreSQL
 * rolls the transaction back — with a Spanish answer, while the server goes on.
 */
export function importarEnHilo(
  opciones: OpcionesDelHilo,
  libro: LibroSubido,
  ctx: Contexto & { actor: Actor | null },
  alAvanzar: (a: AvanceImportacion) => void = () => {},
): Promise<ResultadoImportacion> {
  const memoriaMb = opciones.memoriaMb ?? MEMORIA_IMPORTACION_MB;
  const hilo = new Worker(new URL('./arranque-hilo.mjs', import.meta.url), {
    workerData: {
      modulo: new URL('./importacion-en-hilo.ts', import.meta.url).href,
      url: opciones.url,
      zona: opciones.zona,
      instante: ctx.reloj.ahora().getTime(),
      libro,
      actor: ctx.actor,
      ip: ctx.ip,
    } satisfies DatosDelHilo,
    resourceLimits: {
      maxOldGenerationSizeMb: memoriaMb,
      maxYoungGenerationSizeMb: Math.min(MEMORIA_JOVEN_MB, memoriaMb),
    },
  });
  return new Promise((resolver, rechazar) => {
    // The answer is given when the thread has ended: by then its pool is closed.
    let respuesta: { resultado: ResultadoImportacion } | { error: unknown } | null = null;
    hilo.on('message', (m: MensajeDelHilo) => {
      if (m.tipo === 'avance') alAvanzar(m.avance);
      else if (m.tipo === 'resultado') respuesta = { resultado: m.resultado };
      else if (m.tipo === 'rechazo')
        respuesta = { error: new ErrorDominio(m.codigo, m.mensaje, m.campo ?? undefined) };
      else respuesta = { error: new Error(`la importación falló en su hilo: ${m.mensaje}`) };
    });
    hilo.on('error', (e: Error & { code?: string }) => {
      respuesta ??= {
        error: e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? sinMemoria(libro.nombre, memoriaMb) : e,
      };
    });
    hilo.on('exit', (codigo) => {
      const r = respuesta ?? {
        error: new Error(`el hilo de la importación terminó (código ${codigo}) sin respuesta`),
      };
      if ('resultado' in r) resolver(r.resultado);
      else rechazar(r.error);
    });
  });
}
