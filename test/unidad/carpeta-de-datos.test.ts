import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { crearCarpetaDeDatos } from '../../src/plataforma/carpeta-de-datos.ts';
import { ErrorDeArranque } from '../../src/plataforma/postgres-embebido.ts';

const raiz = mkdtempSync(join(tmpdir(), 'recupera-carpeta-'));
afterAll(() => rmSync(raiz, { recursive: true, force: true }));

describe('crearCarpetaDeDatos', () => {
  it('crea la carpeta y sus padres', () => {
    const ruta = join(raiz, 'a', 'b', 'datos');
    crearCarpetaDeDatos(ruta);
    expect(() => crearCarpetaDeDatos(ruta)).not.toThrow();
  });

  it('donde no se puede, una línea en español que dice qué hacer (sin traza)', () => {
    // A file where a folder should be: refused even to root, so the test holds as any user.
    const archivo = join(raiz, 'soy-un-archivo');
    writeFileSync(archivo, '');
    const intento = () => crearCarpetaDeDatos(join(archivo, 'datos'));
    expect(intento).toThrow(ErrorDeArranque);
    expect(intento).toThrow(/^No se puede escribir en la carpeta de datos .*: elige con DATA_DIR/);
  });
});
