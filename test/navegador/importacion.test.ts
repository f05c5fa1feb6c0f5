import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTRASENA_DEMO } from '../../src/modules/demo/cargar-demo.ts';
import { crearEscenario, type Escenario, hayChromium } from '../soporte/navegador.ts';
import { PaginaImportacion } from './paginas/importacion.ts';
import { PaginaRecupera } from './paginas/recupera.ts';

const PLANTILLA = readFileSync(join(import.meta.dirname, '..', '..', 'plantillas', 'cartera.xlsx'));
const CURP_ROTA = 'BOXW310820HNERXN08';

/** The template with one broken CURP: sheet personas, row 2, column curp. */
async function plantillaConCurpRota(): Promise<Buffer> {
  const libro = new ExcelJS.Workbook();
  await libro.xlsx.load(PLANTILLA as unknown as ArrayBuffer);
  const personas = libro.getWorksheet('personas');
  if (!personas) throw new Error('la plantilla no tiene hoja personas');
  const encabezado = personas.getRow(1).values;
  const columna = Array.isArray(encabezado) ? encabezado.indexOf('curp') : -1;
  if (columna < 1) throw new Error('la hoja personas no tiene columna curp');
  personas.getRow(2).getCell(columna).value = CURP_ROTA;
  return Buffer.from(await libro.xlsx.writeBuffer());
}

/** How many credits the template brings: the rows of its «creditos» sheet under the header. */
async function creditosDeLaPlantilla(): Promise<number> {
  const libro = new ExcelJS.Workbook();
  await libro.xlsx.load(PLANTILLA as unknown as ArrayBuffer);
  const hoja = libro.getWorksheet('creditos');
  if (!hoja) throw new Error('la plantilla no tiene hoja creditos');
  return hoja.actualRowCount - 1;
}

// Runs only where Debian's Chromium is installed; .ci/run installs it, so CI always runs it.
describe.runIf(hayChromium)('recorrido en el navegador: importar la cartera', () => {
  let e: Escenario;
  let creditos = 0;
  const contextos: BrowserContext[] = [];

  beforeAll(async () => {
    e = await crearEscenario();
    creditos = await creditosDeLaPlantilla();
    mkdirSync('test-results', { recursive: true });
  });
  afterAll(async () => {
    for (const c of contextos) await c.close();
    await e?.cerrar();
  });

  async function entrarComo(usuario: string): Promise<PaginaRecupera> {
    const contexto = await e.navegador.newContext({
      viewport: { width: 1366, height: 768 },
      locale: 'es-MX',
      acceptDownloads: true,
    });
    contextos.push(contexto);
    const r = new PaginaRecupera(await contexto.newPage(), e.url);
    await r.abrir('/entrar');
    await r.entrar(usuario, CONTRASENA_DEMO);
    await r.page.getByRole('heading', { name: 'Inicio' }).waitFor();
    return r;
  }

  const ancho = (r: PaginaRecupera) =>
    r.page.evaluate<number>('document.documentElement.scrollWidth');

  const contar = async (tabla: 'creditos' | 'personas' | 'movimientos') =>
    Number(
      (
        await e.base.db
          .selectFrom(tabla)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('el administrador importa la plantilla, la vuelve a subir sin cambios y un libro con una CURP rota no escribe nada', async () => {
    expect(creditos).toBeGreaterThan(0);
    const r = await entrarComo('admin');
    const importacion = new PaginaImportacion(r.page);
    await importacion.abrirDesdeLaNavegacion();
    expect(
      await r.page
        .getByRole('link', { name: 'Descargar la plantilla (XLSX)' })
        .getAttribute('href'),
    ).toBe('/api/importaciones/plantilla.xlsx');
    expect(await ancho(r)).toBeLessThanOrEqual(1366);
    await r.page.screenshot({ path: 'test-results/importacion-inicio.png', fullPage: true });

    // Held at the network while we look: the button stays disabled and the wait is explained.
    const primera = await importacion.importar('cartera.xlsx', PLANTILLA, async () => {
      await r.page.getByRole('status').filter({ hasText: 'Importando «cartera.xlsx»' }).waitFor();
      expect(await importacion.botonImportar().isDisabled()).toBe(true);
      expect(await r.page.getByLabel('Libro de la cartera (XLSX)').isDisabled()).toBe(true);
      await r.page.screenshot({ path: 'test-results/importacion-en-curso.png' });
    });
    expect(primera).toContain('Se importó «cartera.xlsx».');
    expect(primera).toContain(`Créditos nuevos: ${creditos}; sin cambios: 0.`);
    expect(await contar('creditos')).toBeGreaterThanOrEqual(creditos);
    expect(await ancho(r)).toBeLessThanOrEqual(1366);
    await r.page.screenshot({ path: 'test-results/importacion-primera.png', fullPage: true });

    // The same workbook again: everything is already there, nothing is written twice.
    const movimientos = await contar('movimientos');
    const segunda = await importacion.importar('cartera.xlsx', PLANTILLA);
    expect(segunda).toContain(`Créditos nuevos: 0; sin cambios: ${creditos}.`);
    expect(segunda).toContain('Movimientos nuevos: 0;');
    expect(await contar('movimientos')).toBe(movimientos);

    // One broken CURP: nothing is imported, and the error says where it is.
    const personas = await contar('personas');
    const tercera = await importacion.importar(
      'cartera con error.xlsx',
      await plantillaConCurpRota(),
    );
    expect(tercera).toMatch(
      /^No se importó nada: el libro tiene \d+ (error|errores); corrígelos? y vuelve a subirlo\./,
    );
    const fila = importacion.filaDeObservacion('personas', '2', 'curp');
    await fila.waitFor();
    expect(await contar('personas')).toBe(personas);
    expect(await ancho(r)).toBeLessThanOrEqual(1366);
    await r.page.screenshot({ path: 'test-results/importacion-errores.png', fullPage: true });
  }, 120_000);

  it('un gestor no ve «Importar cartera» y en /importacion lee «Sin permiso»', async () => {
    const r = await entrarComo('gestor');
    const importacion = new PaginaImportacion(r.page);
    await r.page.getByRole('navigation', { name: 'Navegación principal' }).waitFor();
    expect(await importacion.enlaceEnNavegacion().count()).toBe(0);
    await r.abrir('/importacion');
    await r.page.getByRole('heading', { name: 'Sin permiso' }).waitFor();
    expect(await r.page.getByLabel('Libro de la cartera (XLSX)').count()).toBe(0);
  }, 60_000);
});
