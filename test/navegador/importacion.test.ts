import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generarReferencia } from '../../src/domain/referencia.ts';
import { contarFilas } from '../soporte/base-de-prueba.ts';
import { escribirXlsx } from '../soporte/libro-xlsx-grande.ts';
import { crearEscenario, type Escenario, hayChromium } from '../soporte/navegador.ts';
import { textoDePdf } from '../soporte/pdf.ts';
import { escribirZip } from '../soporte/zip.ts';
import { PaginaImportacion } from './paginas/importacion.ts';
import type { PaginaRecupera } from './paginas/recupera.ts';

const PLANTILLA = readFileSync(join(import.meta.dirname, '..', '..', 'plantillas', 'cartera.xlsx'));
const CURP_ROTA = 'BOXW310820HNERXN08';
const CURPS_MALAS = 5_000;

/** A workbook whose sheet personas has 5,000 rows, each with a CURP that is not one. */
async function libroConMilesDeErrores(): Promise<Buffer> {
  const ruta = join('test-results', 'miles-de-errores.xlsx');
  await escribirXlsx(
    ruta,
    new Map([
      [
        'personas',
        Array.from({ length: CURPS_MALAS }, (_, i) => [
          `MALA${i}`,
          'Ana',
          'Pérez',
          ...Array<null>(13).fill(null),
        ]),
      ],
    ]),
  );
  return readFileSync(ruta);
}

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

  beforeAll(async () => {
    e = await crearEscenario();
    creditos = await creditosDeLaPlantilla();
    mkdirSync('test-results', { recursive: true });
  });
  afterAll(async () => {
    await e?.cerrar();
  });

  const entrarComo = (usuario: string) => e.entrarComo(usuario);

  const ancho = (r: PaginaRecupera) =>
    r.page.evaluate<number>('document.documentElement.scrollWidth');

  const contar = (tabla: 'creditos' | 'movimientos' | 'personas') => contarFilas(e.base.db, tabla);

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
      expect(await importacion.campoArchivo().isDisabled()).toBe(true);
      await r.page.screenshot({ path: 'test-results/importacion-en-curso.png' });
    });
    expect(primera).toContain('Se importó «cartera.xlsx».');
    expect(await importacion.botonImportar().isEnabled()).toBe(true);
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

  it('la carpeta de CSV se elige entera (o en un ZIP) y se importa como la línea de comandos; un XLSX roto dice qué pasó', async () => {
    const r = await entrarComo('admin');
    const importacion = new PaginaImportacion(r.page);
    await importacion.abrirDesdeLaNavegacion();
    const carpeta = join(import.meta.dirname, '..', '..', 'plantillas', 'csv');
    const hojas = readdirSync(carpeta)
      .sort()
      .map((nombre) => ({ nombre, contenido: readFileSync(join(carpeta, nombre)) }));

    // A workbook with its CSV files is not one portfolio: the screen says so before sending.
    await importacion.elegirVarios([{ nombre: 'cartera.xlsx', contenido: PLANTILLA }, ...hojas]);
    await importacion.botonImportar().click();
    await r.page
      .getByRole('alert')
      .getByText(
        'Elige un libro .xlsx o un .zip solo, o varios archivos .csv (uno por hoja), sin mezclarlos.',
      )
      .waitFor();

    // The template's eight CSV files chosen together: the same portfolio the XLSX brought, so
    // the first test's credits are found unchanged (the order of the tests is the file's).
    const movimientos = await contar('movimientos');
    const texto = await importacion.importarVarios(hojas, async () => {
      await r.page
        .getByRole('status')
        .filter({ hasText: `Importando «${hojas.length} archivos CSV (amortizaciones.csv,` })
        .waitFor();
    });
    expect(texto).toContain(
      'Se importó «CSV (amortizaciones, creditos, ministraciones, movimientos, periodos_sin_moratorio, personas, productos, telefonos)».',
    );
    expect(texto).toContain(`Créditos nuevos: 0; sin cambios: ${creditos}.`);
    expect(await contar('movimientos')).toBe(movimientos);
    await r.page.screenshot({ path: 'test-results/importacion-csv.png', fullPage: true });

    // The same folder as a ZIP (Windows' «Carpeta comprimida», the folder's name inside).
    const zip = escribirZip(
      hojas.map((h) => ({ nombre: `cartera/${h.nombre}`, datos: h.contenido })),
    );
    const comprimido = await importacion.importar('cartera.zip', zip);
    expect(comprimido).toContain(`Créditos nuevos: 0; sin cambios: ${creditos}.`);
    expect(await contar('movimientos')).toBe(movimientos);

    // A workbook cut short (a download that did not finish): nothing is read, and it says why.
    const roto = PLANTILLA.subarray(0, Math.floor(PLANTILLA.length / 2));
    await importacion.elegir('cartera cortada.xlsx', roto);
    await importacion.botonImportar().click();
    const resultado = importacion.resultado();
    await resultado.getByText('No se pudo importar el libro.').waitFor();
    expect(await resultado.textContent()).toContain(
      'cartera cortada.xlsx no es un libro de Excel (.xlsx) legible.',
    );
    expect(await contar('movimientos')).toBe(movimientos);
    await r.page.screenshot({ path: 'test-results/importacion-xlsx-roto.png', fullPage: true });
  }, 120_000);

  it('un libro con miles de errores corre como trabajo: la pantalla muestra el avance y el informe acotado con sus totales', async () => {
    const r = await entrarComo('admin');
    const importacion = new PaginaImportacion(r.page);
    await importacion.abrirDesdeLaNavegacion();
    const personas = await contar('personas');
    // The job's last answer is held back once as «en curso» (with the server's own counts), so
    // the progress line is seen whatever the machine's speed; then the real answer goes through.
    let retenido = false;
    await r.page.route('**/api/importaciones/trabajos/*', async (ruta) => {
      const respuesta = await ruta.fetch();
      const cuerpo = (await respuesta.json()) as { estado: string };
      if (cuerpo.estado === 'terminado' && !retenido) {
        retenido = true;
        await ruta.fulfill({ response: respuesta, json: { ...cuerpo, estado: 'en_curso' } });
        return;
      }
      await ruta.fulfill({ response: respuesta });
    });
    await importacion.elegir('miles de errores.xlsx', await libroConMilesDeErrores());
    await importacion.botonImportar().click();
    const avance = r.page.locator('.avance-importacion');
    await avance.waitFor();
    expect(await avance.textContent()).toContain(
      `Filas leídas: ${CURPS_MALAS.toLocaleString('es-MX')}`,
    );
    expect(await importacion.botonImportar().isDisabled()).toBe(true);
    await r.page.screenshot({ path: 'test-results/importacion-avance.png' });
    const resultado = importacion.resultado();
    await resultado.waitFor();
    const texto = (await resultado.getByRole('alert').first().textContent()) ?? '';
    expect(retenido).toBe(true);
    expect(texto).toContain(`el libro tiene ${CURPS_MALAS.toLocaleString('es-MX')} errores`);
    expect(await resultado.getByRole('tab', { name: /^Errores/ }).textContent()).toBe(
      `Errores (${CURPS_MALAS.toLocaleString('es-MX')})`,
    );
    await resultado
      .getByText(
        `En personas hay ${CURPS_MALAS.toLocaleString('es-MX')} errores; se muestran los primeros 200.`,
      )
      .waitFor();
    const porMotivo = resultado.getByRole('table', { name: /por hoja, columna y motivo/ });
    const renglon = porMotivo.getByRole('row').filter({ hasText: 'curp' });
    expect(await renglon.getByRole('cell').last().textContent()).toBe(
      CURPS_MALAS.toLocaleString('es-MX'),
    );
    await importacion.filaDeObservacion('personas', '2', 'curp').waitFor();
    expect(await contar('personas')).toBe(personas);
    await r.page.screenshot({ path: 'test-results/importacion-acotada.png', fullPage: true });
    await r.page.unrouteAll();
  }, 120_000);

  it('el crédito importado muestra su referencia de depósito, su ficha de pago y su libro de movimientos; el corte de caja lleva a él', async () => {
    const credito = await e.base.db
      .selectFrom('creditos')
      .select(['id', 'numero'])
      .where('numero', '=', 'CE-2010-000101')
      .executeTakeFirstOrThrow();
    const referencia = generarReferencia(credito.id);
    const movimientos = await e.base.db
      .selectFrom('movimientos')
      .select(['id', 'tipo', 'referencia', 'cancela_id'])
      .where('credito_id', '=', credito.id)
      .orderBy('id')
      .execute();
    const cancelado = movimientos.find((m) => m.referencia === 'Folio 4471');
    const vigente = movimientos.find((m) => m.tipo === 'pago' && m.referencia === '1010000101');
    if (!cancelado || !vigente) throw new Error('la plantilla cambió: faltan sus pagos de ejemplo');
    expect(movimientos.some((m) => m.cancela_id === cancelado.id)).toBe(true);

    // A row names its own payment with a capital P; «Cancela el pago con folio…» is another row.
    const pago = (folio: number) => new RegExp(`Pago con folio ${folio}(?!\\d)`);

    const r = await entrarComo('coordinador');
    await r.abrir(`/creditos/${credito.id}`);
    await r.page.getByRole('heading', { name: `Crédito ${credito.numero}`, level: 1 }).waitFor();

    // The deposit reference, in the header, and the ficha de pago for today's saldo exigible.
    const deposito = r.page.getByRole('region', { name: 'Pago por depósito' });
    await deposito.getByText(referencia, { exact: true }).waitFor();
    expect(await deposito.textContent()).toContain(`Referencia de depósito: ${referencia}`);
    const ficha = deposito.getByRole('link', { name: 'Ficha de pago (PDF)' });
    expect(await ficha.getAttribute('href')).toBe(`/api/creditos/${credito.id}/ficha-de-pago.pdf`);
    const [descarga] = await Promise.all([r.page.waitForEvent('download'), ficha.click()]);
    expect(textoDePdf(readFileSync(await descarga.path()))).toContain(referencia);
    await deposito.getByLabel('Monto de la ficha').fill('1,234.56');
    expect(await ficha.getAttribute('href')).toBe(
      `/api/creditos/${credito.id}/ficha-de-pago.pdf?monto=1234.56`,
    );
    await deposito.getByLabel('Monto de la ficha').fill('12,34');
    await deposito.getByText('Escribe un monto en pesos').waitFor();
    await deposito.getByLabel('Monto de la ficha').fill('');

    // The ledger: how each payment arrived and who registered it; a reversed one says so.
    await r.page.getByRole('tab', { name: /^Movimientos/ }).click();
    const panel = r.page.getByRole('tabpanel');
    const filaCancelada = panel.getByRole('row').filter({ hasText: pago(cancelado.id) });
    await filaCancelada.waitFor();
    expect(await filaCancelada.textContent()).toContain('Cancelado');
    expect(await filaCancelada.textContent()).toContain('Caja del instituto');
    expect(await filaCancelada.getByRole('button', { name: /^Cancelar/ }).count()).toBe(0);
    await panel
      .getByText(`Cancela el pago con folio ${cancelado.id}. Motivo: Cheque devuelto sin fondos`)
      .waitFor();
    const filaVigente = panel.getByRole('row').filter({ hasText: pago(vigente.id) });
    expect(await filaVigente.textContent()).toContain('Depósito bancario');
    expect(await filaVigente.textContent()).toContain('1010000101');
    // Registered by whoever imported the workbook.
    expect(await filaVigente.textContent()).toContain('Ana Lucía Robles Félix');
    await filaVigente
      .getByRole('button', { name: `Cancelar el pago con folio ${vigente.id}` })
      .waitFor();
    expect(await ancho(r)).toBeLessThanOrEqual(1366);
    await r.page.screenshot({
      path: 'test-results/importacion-credito-movimientos.png',
      fullPage: true,
    });

    // The applied payments carry the same origin; today the reversed one is not applied.
    await r.page.getByRole('tab', { name: /^Pagos aplicados/ }).click();
    const aplicado = r.page
      .getByRole('tabpanel')
      .getByRole('row')
      .filter({ hasText: pago(vigente.id) });
    await aplicado.waitFor();
    expect(await aplicado.textContent()).toContain('Depósito bancario · Ref. 1010000101');
    expect(await r.page.getByRole('tabpanel').getByText(pago(cancelado.id)).count()).toBe(0);
    await r.page.screenshot({
      path: 'test-results/importacion-credito-aplicados.png',
      fullPage: true,
    });

    // The cash report of the reversed payment's day links its row to the credit.
    await r.abrir('/caja?fecha=2012-05-15');
    const enlace = r.page
      .getByRole('row')
      .filter({
        has: r.page.getByRole('link', { name: `Descargar recibo del pago ${cancelado.id}` }),
      })
      .getByRole('link', { name: credito.numero });
    expect(await enlace.getAttribute('href')).toBe(`/creditos/${credito.id}`);
    await r.page.screenshot({ path: 'test-results/importacion-caja.png', fullPage: true });
    await enlace.click();
    await r.page.getByRole('heading', { name: `Crédito ${credito.numero}`, level: 1 }).waitFor();
  }, 90_000);

  it('un crédito con carta finiquito ofrece reimprimirla', async () => {
    const credito = await e.base.db
      .selectFrom('creditos')
      .select(['id', 'numero'])
      .where('numero', '=', 'CE-2010-000101')
      .executeTakeFirstOrThrow();
    const coordinador = await e.base.db
      .selectFrom('usuarios')
      .select('id')
      .where('usuario', '=', 'coordinador')
      .executeTakeFirstOrThrow();
    // The letter as the server keeps it once issued: the credit now says it has one.
    const { folio } = await e.base.db
      .insertInto('cartas_finiquito')
      .values({
        credito_id: credito.id,
        fecha: e.reloj.hoy(),
        total_pagado_centavos: 0,
        emitida_por: coordinador.id,
        emitida: new Date(),
      })
      .returning('folio')
      .executeTakeFirstOrThrow();
    const r = await entrarComo('gestor');
    await r.abrir(`/creditos/${credito.id}`);
    const enlace = r.page.getByRole('link', { name: 'Reimprimir carta finiquito' });
    await enlace.waitFor();
    expect(await enlace.getAttribute('href')).toBe(
      `/api/creditos/${credito.id}/carta-finiquito.pdf`,
    );
    await r.page.getByText(`Carta finiquito con folio ${folio}`).waitFor();
    await r.page.screenshot({ path: 'test-results/importacion-carta-finiquito.png' });
  }, 60_000);

  it('un gestor no ve «Importar cartera» y en /importacion lee «Sin permiso»', async () => {
    const r = await entrarComo('gestor');
    const importacion = new PaginaImportacion(r.page);
    await r.page.getByRole('navigation', { name: 'Navegación principal' }).waitFor();
    expect(await importacion.enlaceEnNavegacion().count()).toBe(0);
    await r.abrir('/importacion');
    await r.page.getByRole('heading', { name: 'Sin permiso' }).waitFor();
    expect(await importacion.campoArchivo().count()).toBe(0);
  }, 60_000);
});
