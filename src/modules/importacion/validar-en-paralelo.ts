import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Fecha } from '../../domain/fecha.ts';
import { casoDeCredito } from './caso-de-credito.ts';
import type { Observacion } from './informe.ts';
import {
  type CreditoParaMotor,
  ubicarErrorDelMotor,
  validarConMotor,
} from './validar-con-motor.ts';

// Below this many credits a thread costs more to start than it saves.
const MINIMO_PARA_HILOS = 2_000;

function enHilo(casos: string): Promise<Array<{ indice: number; mensaje: string }>> {
  return new Promise((resolver, rechazar) => {
    const hilo = new Worker(new URL('./arranque-hilo.mjs', import.meta.url), {
      workerData: { modulo: new URL('./motor-en-hilo.ts', import.meta.url).href, casos },
    });
    hilo.once('message', resolver);
    hilo.once('error', rechazar);
    hilo.once('exit', (codigo) => {
      if (codigo !== 0) rechazar(new Error(`el hilo de validación terminó con código ${codigo}`));
    });
  });
}

/**
 * validarConMotor spread over the machine's cores: each other core gets a share of the
 * credits, as JSON Lines (a string crosses to a thread by a plain copy), while this thread
 * validates its own share. The engine is pure, so the answer is the same as on one thread.
 */
export async function validarEnParalelo(
  creditos: readonly CreditoParaMotor[],
  hoy: Fecha,
): Promise<Observacion[]> {
  const hilos = Math.min(availableParallelism(), 8) - 1;
  if (creditos.length < MINIMO_PARA_HILOS || hilos < 1) return validarConMotor(creditos, hoy);
  const porParte = Math.ceil(creditos.length / (hilos + 1));
  const trabajos: Array<Promise<Observacion[]>> = [];
  for (let h = 0; h < hilos; h++) {
    const parte = creditos.slice((h + 1) * porParte, (h + 2) * porParte);
    const casos = parte.map((c) => JSON.stringify(casoDeCredito(c.datos, hoy))).join('\n');
    trabajos.push(
      enHilo(casos).then((fallas) =>
        fallas.flatMap(({ indice, mensaje }) => {
          const credito = parte[indice];
          return credito ? [ubicarErrorDelMotor(credito, mensaje)] : [];
        }),
      ),
    );
  }
  const propias = validarConMotor(creditos.slice(0, porParte), hoy);
  return [...propias, ...(await Promise.all(trabajos)).flat()];
}
