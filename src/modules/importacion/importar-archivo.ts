import { availableParallelism } from 'node:os';
import type { Db } from '../../db/conexion.ts';
import type { Contexto } from '../contexto.ts';
import type { Actor } from '../seguridad/actor.ts';
import {
  type AvanceImportacion,
  importarCartera,
  type ResultadoImportacion,
} from './importar-cartera.ts';
import { leerCarpetaCsv } from './leer-libro.ts';
import { leerLibroXlsx } from './leer-xlsx.ts';
import { validarEnParalelo } from './validar-en-paralelo.ts';

/**
 * An uploaded workbook: its bytes, or the temporary file that holds them; or a temporary folder
 * with its sheets as CSV files (several uploaded, or a ZIP's), as `recupera importar carpeta/`.
 */
export type LibroSubido =
  | { nombre: string; fuente: Uint8Array | string }
  | { nombre: string; carpetaCsv: string };

/**
 * The upload of the portfolio workbook, in the server: the same import as `recupera importar`,
 * with the heavy work off the thread that answers requests. The workbook is read row by row in
 * a worker thread, and the engine checks the credits in at least one other thread (on a machine
 * of two cores the command line validates on its own thread, which is quicker, but a server
 * that stops answering for the length of an import is worse than a slower import). Reading
 * happens before the transaction opens: a slow upload holds no lock.
 */
export async function importarLibroSubido(
  db: Db,
  libro: LibroSubido,
  ctx: Contexto & { actor: Actor | null },
  alAvanzar: (a: AvanceImportacion) => void = () => {},
): Promise<ResultadoImportacion> {
  const avance: AvanceImportacion = {
    fase: 'lectura',
    filasLeidas: 0,
    filasValidadas: 0,
    filasEscritas: 0,
  };
  const avisar = (cambio: Partial<AvanceImportacion>) => {
    Object.assign(avance, cambio);
    alAvanzar({ ...avance });
  };
  const csv = 'carpetaCsv' in libro;
  const hojas = csv
    ? await leerCarpetaCsv(libro.carpetaCsv)
    : await leerLibroXlsx(libro.nombre, libro.fuente, (filasLeidas) => avisar({ filasLeidas }));
  avisar({ fase: 'validacion' });
  const hilos = Math.max(1, Math.min(availableParallelism(), 8) - 2);
  const r = await db.transaction().execute((trx) =>
    importarCartera(trx, hojas, ctx, {
      validarMotor: (c, hoy) => validarEnParalelo(c, hoy, { hilos }),
      // A CSV row is read as it is checked: the rows read are the rows checked so far.
      alValidar: (filasValidadas) =>
        avisar(csv ? { filasValidadas, filasLeidas: filasValidadas } : { filasValidadas }),
      alTerminar: (fase) => {
        if (fase === 'validacion') avisar({ fase: 'motor' });
        if (fase === 'motor') avisar({ fase: 'escritura' });
      },
    }),
  );
  avisar({ filasEscritas: r.importado ? avance.filasValidadas : 0 });
  return r;
}
