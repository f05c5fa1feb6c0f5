import { parentPort, workerData } from 'node:worker_threads';
import { conectar } from '../db/conexion.ts';
import { ErrorDominio } from '../domain/errores.ts';
import { importarLibroSubido } from '../modules/importacion/importar-archivo.ts';
import type { DatosDelHilo, MensajeDelHilo } from './importar-en-hilo.ts';
import { relojDesde } from './reloj-sistema.ts';

/**
 * Worker body of importar-en-hilo.ts: the same import as the server's (importarLibroSubido, one
 * transaction with its bitácora) on a small pool of its own, so that its heap and its garbage
 * are this thread's and not those of the thread that answers requests.
 */
const datos = workerData as DatosDelHilo;
const enviar = (m: MensajeDelHilo) => parentPort?.postMessage(m);

// The server's clock cannot cross to a thread: this one starts where it stood when the job
// began and runs with the machine's, in the institute's time zone.
const desfase = datos.instante - Date.now();
const reloj = relojDesde(() => new Date(Date.now() + desfase), datos.zona);

async function importar(): Promise<void> {
  // One connection for the transaction, one spare: the import holds no other.
  const conexion = conectar(datos.url, () => {}, 2);
  try {
    const resultado = await importarLibroSubido(
      conexion.db,
      datos.libro,
      { reloj, ip: datos.ip, actor: datos.actor },
      (avance) => enviar({ tipo: 'avance', avance }),
    );
    enviar({ tipo: 'resultado', resultado });
  } catch (e) {
    if (e instanceof ErrorDominio)
      enviar({ tipo: 'rechazo', codigo: e.codigo, mensaje: e.message, campo: e.campo ?? null });
    else
      enviar({ tipo: 'falla', mensaje: e instanceof Error ? (e.stack ?? e.message) : String(e) });
  } finally {
    await conexion.cerrar();
  }
}

await importar();
