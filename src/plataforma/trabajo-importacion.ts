import { rm } from 'node:fs/promises';
import { hostname } from 'node:os';
import { sql } from 'kysely';
import type PgBoss from 'pg-boss';
import type { Db } from '../db/conexion.ts';
import { ErrorDominio } from '../domain/errores.ts';
import type { Reloj } from '../domain/reloj.ts';
import type {
  AvanceImportacion,
  ResultadoImportacion,
} from '../modules/importacion/importar-cartera.ts';
import type { Actor } from '../modules/seguridad/actor.ts';
import { borrarSubidasViejas } from './archivos-subidos.ts';
import { importarEnHilo, type OpcionesDelHilo } from './importar-en-hilo.ts';

/**
 * The queue of this host's uploads. The uploaded workbook waits in a temporary file of this
 * host, so only the instances of this host may take its job: each host has its own queue.
 */
const COLA = `importacion-${hostname().replace(/[^\w.-]/g, '-')}`;
// Progress is written to the job's row at most this often.
const CADA_MS = 500;

interface DatosImportacion {
  /** The upload's own temporary folder: its CSV files, or its workbook (`xlsx`). */
  carpeta: string;
  xlsx: string | null;
  nombre: string;
  actor: Actor | null;
  ip: string | null;
}

/** What the job leaves in pg-boss's `output`, while it runs (avance) and when it ends. */
interface SalidaImportacion {
  avance: AvanceImportacion;
  resultado?: ResultadoImportacion;
  error?: { codigo: string; mensaje: string };
}

export interface EstadoImportacion {
  id: string;
  estado: 'pendiente' | 'en_curso' | 'terminado' | 'fallido' | 'cancelado';
  avance: AvanceImportacion | null;
  resultado: ResultadoImportacion | null;
  error: { codigo: string; mensaje: string } | null;
}

export interface ColaDeImportaciones {
  /**
   * Queues the import of an upload already in its temporary folder (carpetaNueva): a workbook
   * (`xlsx`, its path) or CSV files. From here on the folder is the job's, which deletes it.
   */
  encolar(
    subida: { nombre: string; carpeta: string; xlsx: string | null },
    actor: Actor | null,
    ip: string | null,
  ): Promise<string>;
  estado(id: string): Promise<EstadoImportacion | null>;
}

export async function prepararImportaciones(
  boss: PgBoss,
  db: Db,
  reloj: Reloj,
  traducir: (estado: string) => EstadoImportacion['estado'],
  hilo: OpcionesDelHilo,
): Promise<ColaDeImportaciones> {
  await boss.createQueue(COLA);
  // Uploads a crash left behind (a job deletes its own, well or badly).
  await borrarSubidasViejas(Date.now());
  await boss.work<DatosImportacion>(COLA, async ([trabajo]) => {
    if (!trabajo) return null;
    const { carpeta, xlsx, nombre, actor, ip } = trabajo.data;
    let ultimo = 0;
    let avance: AvanceImportacion = {
      fase: 'lectura',
      filasLeidas: 0,
      filasValidadas: 0,
      filasEscritas: 0,
    };
    // pg-boss has no progress of its own: the row's output holds it until the job ends.
    const guardar = (a: AvanceImportacion) => {
      avance = a;
      const ahora = Date.now();
      if (ahora - ultimo < CADA_MS) return;
      ultimo = ahora;
      void sql`UPDATE trabajos.job SET output = ${JSON.stringify({ avance: a })}::jsonb
        WHERE name = ${COLA} AND id = ${trabajo.id} AND state = 'active'`
        .execute(db)
        .catch(() => {});
    };
    try {
      // In a thread of its own (importar-en-hilo.ts): its memory is capped and its garbage is
      // not collected by the thread that answers requests.
      const resultado = await importarEnHilo(
        hilo,
        xlsx === null ? { nombre, carpetaCsv: carpeta } : { nombre, fuente: xlsx },
        { reloj, ip, actor },
        guardar,
      );
      return { avance, resultado } satisfies SalidaImportacion;
    } catch (e) {
      // A workbook that cannot be read, or that does not fit, is an answer, not a failure.
      if (e instanceof ErrorDominio)
        return {
          avance,
          error: { codigo: e.codigo, mensaje: e.message },
        } satisfies SalidaImportacion;
      throw e;
    } finally {
      await rm(carpeta, { recursive: true, force: true });
    }
  });
  return {
    encolar: async (subida, actor, ip) => {
      const id = await boss.send(
        COLA,
        { ...subida, actor, ip } satisfies DatosImportacion,
        // Not retried: an import cut short rolled back whole, and its file is gone.
        { retryLimit: 0, expireInSeconds: 3_600 },
      );
      if (!id) {
        await rm(subida.carpeta, { recursive: true, force: true });
        throw new Error('la cola no aceptó el trabajo');
      }
      return id;
    },
    estado: async (id) => {
      const t = await boss.getJobById(COLA, id);
      if (!t) return null;
      const estado = traducir(t.state);
      const salida = (estado === 'fallido' ? null : t.output) as SalidaImportacion | null;
      return {
        id: t.id,
        estado,
        avance: salida?.avance ?? null,
        resultado: salida?.resultado ?? null,
        error:
          salida?.error ??
          (estado === 'fallido'
            ? { codigo: 'error_interno', mensaje: 'La importación falló por un error interno.' }
            : null),
      };
    },
  };
}
