import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { afterAll, describe, expect, it } from 'vitest';
import { codigoEmpaquetado } from '../../src/plataforma/hilo-empaquetado.ts';

const carpeta = mkdtempSync(join(tmpdir(), 'hilo-empaquetado-'));
afterAll(() => rmSync(carpeta, { recursive: true, force: true }));

function modulo(nombre: string, texto: string): URL {
  const ruta = join(carpeta, nombre);
  writeFileSync(ruta, texto);
  return pathToFileURL(ruta);
}

describe('codigoEmpaquetado: el código de un hilo, en un solo script', () => {
  it('un módulo TypeScript y lo que importa corren en el hilo y le responden', async () => {
    modulo('doble.ts', 'export const doble = (n: number): number => n * 2;\n');
    const hilo = modulo(
      'hilo.ts',
      "import { parentPort } from 'node:worker_threads';\n" +
        "import { doble } from './doble.ts';\n" +
        "parentPort?.on('message', (n: number) => parentPort?.postMessage(doble(n)));\n",
    );
    const trabajador = new Worker(await codigoEmpaquetado(hilo), { eval: true });
    try {
      const respuesta = new Promise((listo) => trabajador.once('message', listo));
      trabajador.postMessage(21);
      expect(await respuesta).toBe(42);
    } finally {
      await trabajador.terminate();
    }
  });

  it('rechaza un módulo que lee import.meta, que en el script quedaría vacío', async () => {
    const hilo = modulo('con-meta.ts', 'export const aqui = import.meta.url;\n');
    await expect(codigoEmpaquetado(hilo)).rejects.toThrow(/import\.meta/);
  });
});
