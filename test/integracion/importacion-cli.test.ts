import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BaseDePrueba, crearBaseDePrueba } from '../soporte/base-de-prueba.ts';

let base: BaseDePrueba;
const raiz = join(import.meta.dirname, '..', '..');
const carpeta = mkdtempSync(join(tmpdir(), 'recupera-importar-'));

/** The real command, as `npm run recupera -- …` runs it, against this file's database. */
function recupera(args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
    cwd: raiz,
    encoding: 'utf8',
    env: { ...process.env, DATABASE_URL: base.url, DATA_DIR: join(carpeta, 'datos') },
  });
  return { codigo: r.status, salida: r.stdout, error: r.stderr };
}

beforeAll(async () => {
  base = await crearBaseDePrueba();
});
afterAll(() => base.cerrar());

describe('npm run recupera -- importar', () => {
  it('plantilla-importacion escribe el libro y los CSV; importarlo da la cuenta y repetirlo no cambia nada', () => {
    const xlsx = join(carpeta, 'cartera.xlsx');
    const csv = join(carpeta, 'csv');
    const plantilla = recupera(['plantilla-importacion', xlsx, '--csv', csv]);
    expect(plantilla.codigo).toBe(0);
    expect(plantilla.salida).toContain(`Escrito ${join(csv, 'movimientos.csv')}`);
    const primera = recupera(['importar', xlsx]);
    expect(primera).toMatchObject({ codigo: 0, error: '' });
    expect(primera.salida).toContain('Importación de cartera.xlsx: correcta.');
    expect(primera.salida).toContain('Créditos: 2 nuevos, 0 sin cambios.');
    const segunda = recupera(['importar', csv]);
    expect(segunda.codigo).toBe(0);
    expect(segunda.salida).toContain('Créditos: 0 nuevos, 2 sin cambios.');
    expect(segunda.salida).toContain('Movimientos: 0 nuevos, 7 ya registrados.');
  });

  it('con errores sale con 1, no escribe nada y lista cada uno', () => {
    const csv = join(carpeta, 'csv');
    const personas = join(csv, 'personas.csv');
    writeFileSync(
      join(carpeta, 'personas.csv'),
      readFileSync(personas, 'utf8')
        .replace('1990-04-17', '1990-04-31')
        .replace('María Guadalupe,Ibáñez', 'Lupita,Ibáñez'),
    );
    const r = recupera(['importar', join(carpeta, 'personas.csv')]);
    expect(r.codigo).toBe(1);
    expect(r.salida).toContain('no se importó nada; 2 errores en el archivo.');
    expect(r.salida).toContain(
      'personas.csv, fila 2, columna fecha_nacimiento: «1990-04-31» no es una fecha que exista',
    );
    expect(r.salida).toContain(
      'personas.csv, fila 3, columna nombres: la persona IABG681102MSRBRD08 ya está registrada con «María Guadalupe»; la importación no cambia personas: si lo registrado es lo que está mal, corrígelo en la ficha de uno de sus créditos con «Corregir datos de la persona» (coordinador o administrador) y vuelve a importar',
    );
  });

  it('sin archivo, o con uno que no es de cartera, lo dice en español', () => {
    expect(recupera(['importar'])).toMatchObject({
      codigo: 1,
      error: 'Indica el libro .xlsx, o la carpeta o los archivos .csv que importar.\n',
    });
    expect(recupera(['importar', join(carpeta, 'no-existe.xlsx')]).error).toContain('No existe');
  });
});
