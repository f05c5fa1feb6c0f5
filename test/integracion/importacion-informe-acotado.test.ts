import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describirResultado } from '../../src/modules/importacion/describir-resultado.ts';
import type { NombreHoja } from '../../src/modules/importacion/disposicion.ts';
import type { ResultadoImportacion } from '../../src/modules/importacion/importar-cartera.ts';
import { OBSERVACIONES_POR_HOJA } from '../../src/modules/importacion/informe.ts';
import { type AppDePrueba, crearAppDePrueba, type Sesion } from '../soporte/app-de-prueba.ts';
import { escribirXlsx } from '../soporte/libro-xlsx-grande.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const ERRONEAS = 50_000;

let t: AppDePrueba;
let admin: Sesion;
const carpeta = mkdtempSync(join(tmpdir(), 'recupera-informe-acotado-'));

beforeAll(async () => {
  t = await crearAppDePrueba();
  admin = await t.entrar('admin');
});
afterAll(async () => {
  await t.cerrar();
  rmSync(carpeta, { recursive: true, force: true });
});

describe('el informe de un libro con decenas de miles de errores', () => {
  it('lista los primeros 200 de cada hoja, cuenta todos por hoja y por motivo, y no escribe nada', async () => {
    const ruta = join(carpeta, 'errores.xlsx');
    // personas: 50,000 rows, each with a CURP that is not one (one error each); productos: 3
    // rows with a rate that is not a number. Columns in DISPOSICION's order.
    const hojas = new Map<NombreHoja, Array<Array<string | null>>>([
      [
        'productos',
        [1, 2, 3].map((i) => [
          `P-${i}`,
          `Producto ${i}`,
          '2020-01-01',
          'mucho',
          '0.1',
          null,
          null,
          null,
        ]),
      ],
      [
        'personas',
        Array.from({ length: ERRONEAS }, (_, i) => [
          `MALA${i}`,
          'Ana',
          'Pérez',
          ...Array(13).fill(null),
        ]),
      ],
    ]);
    await escribirXlsx(ruta, hojas);
    const r = await t.pedir('POST', '/api/importaciones', {
      sesion: admin,
      cuerpo: readFileSync(ruta),
      encabezados: { 'content-type': XLSX, 'x-nombre-archivo': 'errores.xlsx' },
    });
    expect(r.statusCode).toBe(422);
    // The report is a few tens of KB, not tens of MB.
    expect(r.body.length).toBeLessThan(200_000);
    const informe = r.json() as ResultadoImportacion;
    expect(informe.importado).toBe(false);

    const personas = informe.errores.filter((e) => e.hoja === 'personas');
    expect(personas).toHaveLength(OBSERVACIONES_POR_HOJA);
    // The first ones, in the sheet's order: rows 2 to 201, each naming sheet, row and column.
    expect(personas.map((e) => e.fila)).toEqual(
      Array.from({ length: OBSERVACIONES_POR_HOJA }, (_, i) => i + 2),
    );
    expect(personas[0]).toMatchObject({ hoja: 'personas', fila: 2, columna: 'curp' });
    expect(personas[0]?.mensaje).toContain('«MALA0»');
    const productos = informe.errores.filter((e) => e.hoja === 'productos');
    expect(productos.map((e) => [e.fila, e.columna])).toEqual([
      [2, 'tasa_ordinaria_anual'],
      [3, 'tasa_ordinaria_anual'],
      [4, 'tasa_ordinaria_anual'],
    ]);

    expect(informe.resumen.errores.total).toBe(ERRONEAS + 3);
    expect(informe.resumen.errores.porHoja).toEqual([
      { hoja: 'productos', total: 3, listadas: 3 },
      { hoja: 'personas', total: ERRONEAS, listadas: OBSERVACIONES_POR_HOJA },
    ]);
    const [masFrecuente] = informe.resumen.errores.porTipo;
    expect(masFrecuente).toMatchObject({ hoja: 'personas', columna: 'curp', total: ERRONEAS });
    expect(masFrecuente?.tipo).toContain('«…»');
    expect(informe.resumen.errores.porTipo.reduce((s, x) => s + x.total, 0)).toBe(ERRONEAS + 3);

    // The command line's text says the same: the listed ones, what was left out, the kinds.
    const texto = describirResultado(informe);
    expect(texto).toContain('50,003 errores en el archivo');
    expect(texto).toContain('… y 49,800 más en personas (50,000 en total).');

    const personasGuardadas = await t.base.db
      .selectFrom('personas')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(personasGuardadas.n)).toBe(0);
  }, 120_000);
});
