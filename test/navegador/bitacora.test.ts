import { mkdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { infraccionesDeAccesibilidad } from '../soporte/accesibilidad.ts';
import { casoPublicado, guardarCaso } from '../soporte/fabricas.ts';
import { crearEscenario, type Escenario, hayChromium } from '../soporte/navegador.ts';
import { PaginaBitacora } from './paginas/bitacora.ts';
import type { PaginaRecupera } from './paginas/recupera.ts';

const CASO = casoPublicado('01-pago-parcial-con-atraso.json');

// Runs only where Debian's Chromium is installed; .ci/run installs it, so CI always runs it.
describe.runIf(hayChromium)('recorrido en el navegador: la bitácora', () => {
  let e: Escenario;
  let credito: { id: number; numero: string };

  beforeAll(async () => {
    e = await crearEscenario();
    credito = await guardarCaso(e.base.db, CASO, { oficina: 'HMO' });
    mkdirSync('test-results', { recursive: true });
  });
  afterAll(async () => {
    await e?.cerrar();
  });

  const ancho = (r: PaginaRecupera) =>
    r.page.evaluate<number>('document.documentElement.scrollWidth');

  it('un gestor de Nogales abre un crédito de Hermosillo; el administrador lo encuentra por usuario, ve la negativa y descarga el CSV', async () => {
    const intruso = await e.entrarComo('gestor.nogales');
    await intruso.abrir(`/creditos/${credito.id}`);
    await intruso.page.getByText('Este crédito no está en tu cartera.').first().waitFor();

    const r = await e.entrarComo('admin');
    const bitacora = new PaginaBitacora(r.page);
    await bitacora.abrirDesdeLaNavegacion();
    await bitacora.filtrarPorUsuario('gestor.nogales');
    await r.page.waitForURL(/usuario=gestor\.nogales/);
    const negada = (await bitacora.filas('Movimientos de la bitácora')).filter({
      hasText: 'Acceso denegado',
    });
    await negada.first().waitFor();
    const texto = (await negada.first().textContent()) ?? '';
    expect(texto).toContain('gestor.nogales');
    expect(texto).toContain(`crédito ${credito.id}`);
    expect(texto).toContain('Este crédito no está en tu cartera.');
    // Only his rows: every row names him.
    for (const fila of await (await bitacora.filas('Movimientos de la bitácora')).all()) {
      expect(await fila.textContent()).toContain('gestor.nogales');
    }
    expect(await infraccionesDeAccesibilidad(r.page)).toEqual([]);
    await r.page.screenshot({ path: 'test-results/bitacora.png', fullPage: true });

    // The CSV is the same search, for Excel: BOM, the header, his refusal.
    const [descarga] = await Promise.all([
      r.page.waitForEvent('download'),
      bitacora.enlaceCsv().click(),
    ]);
    const bytes = readFileSync(await descarga.path());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lineas = bytes.subarray(3).toString('utf8').split('\r\n');
    expect(lineas[0]).toBe(
      'Folio,Fecha y hora (Sonora),Usuario,Acción,Objeto,Id del objeto,IP,Detalle',
    );
    expect(
      lineas.some((l) => l.includes(`,gestor.nogales,acceso.denegado,credito,${credito.id},`)),
    ).toBe(true);
    expect(lineas.slice(1, -1).every((l) => l.includes(',gestor.nogales,'))).toBe(true);

    // The refusals, counted by minute.
    await bitacora.verPestana('Denegaciones');
    const denegadas = (await bitacora.filas('Solicitudes denegadas')).filter({
      hasText: 'GET /api/creditos/:id',
    });
    await denegadas.first().waitFor();
    expect(await denegadas.first().textContent()).toContain('gestor.nogales');
    expect(await infraccionesDeAccesibilidad(r.page)).toEqual([]);

    // On a phone (360 px): the page does not scroll sideways and stays accessible.
    await r.page.setViewportSize({ width: 360, height: 800 });
    await bitacora.verPestana('Movimientos');
    await (await bitacora.filas('Movimientos de la bitácora')).first().waitFor();
    expect(await ancho(r)).toBeLessThanOrEqual(360);
    expect(await infraccionesDeAccesibilidad(r.page)).toEqual([]);
    await r.page.screenshot({ path: 'test-results/bitacora-360.png', fullPage: true });
  }, 90_000);
});
