import { mkdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { infraccionesDeAccesibilidad } from '../soporte/accesibilidad.ts';
import { casoPublicado, guardarCaso } from '../soporte/fabricas.ts';
import { crearEscenario, type Escenario, hayChromium } from '../soporte/navegador.ts';
import { textoDePdf } from '../soporte/pdf.ts';
import { PaginaCredito } from './paginas/cartera.ts';

// R9's published example: 3% while punctual; amortización 2 paid ten days late, so the period
// that began on 01/03/2025 is charged at 6%; amortización 3 paid on its date, 3% again.
const CASO = casoPublicado('puntualidad/16-pierde-y-recupera-la-tasa-puntual.json');

const CASO_TASA_PROPIA = casoPublicado('puntualidad/17-tasa-puntual-del-credito-cero.json');

const PERIODOS_AL_20_05_2025 = [
  'Amortización 1: 3% puntual',
  'Amortización 2: 3% puntual',
  'Amortización 3: 6% ordinaria — la amortización 2 se debía al 01/03/2025',
  'Amortización 4: 3% puntual',
  'Periodo en curso: 3% puntual',
];

// Runs only where Debian's Chromium is installed; .ci/run installs it, so CI always runs it.
describe.runIf(hayChromium)('recorrido en el navegador: tasa por puntualidad', () => {
  let e: Escenario;
  let credito: { id: number; numero: string };
  let conTasaPropia: { id: number; numero: string };

  beforeAll(async () => {
    e = await crearEscenario();
    credito = await guardarCaso(e.base.db, CASO, { oficina: 'HMO' });
    // Its own punctual rate, 0% (the factory records the motivo "prueba").
    conTasaPropia = await guardarCaso(e.base.db, CASO_TASA_PROPIA, { oficina: 'HMO' });
  });
  afterAll(async () => {
    await e?.cerrar();
  });

  it('el gestor ve con qué tasa se cobró cada amortización, por qué se perdió la puntual y que la recuperó; el PDF dice lo mismo', async () => {
    const r = await e.entrarComo('gestor');
    mkdirSync('test-results', { recursive: true });
    await r.abrir(`/creditos/${credito.id}`);
    const pagina = new PaginaCredito(r.page);
    await pagina.esperar(credito.numero);
    const puntualidad = r.page.getByRole('region', { name: 'Tasa por puntualidad' });
    const periodos = puntualidad.getByRole('list', { name: 'Tasa de cada periodo' });

    // Today: amortización 5 was never paid, so the last period was charged at 6%.
    await puntualidad
      .getByText('Perdió la tasa puntual el 01/06/2025 (debía la amortización 5)', { exact: true })
      .waitFor();

    // The acreditado's ficha says the same of this credit, today.
    await r.page.getByRole('link', { name: 'José Ángel Núñez Ibáñez' }).first().click();
    const enFicha = r.page
      .getByRole('row')
      .filter({ has: r.page.getByRole('link', { name: credito.numero }) });
    await enFicha
      .getByText('Perdió la tasa puntual el 01/06/2025 (debía la amortización 5)', { exact: true })
      .waitFor();
    expect(await infraccionesDeAccesibilidad(r.page)).toEqual([]);
    await enFicha.getByRole('link', { name: credito.numero }).click();
    await pagina.esperar(credito.numero);

    // On 20/05/2025, the published example: lost for one period, then regained.
    await pagina.cambiarFechaDeCorte('20/05/2025');
    await pagina.esperarEstadoAl('20/05/2025');
    await puntualidad.getByText('Paga puntual: 3%', { exact: true }).waitFor();
    expect(await periodos.getByRole('listitem').allTextContents()).toEqual(PERIODOS_AL_20_05_2025);
    expect(await infraccionesDeAccesibilidad(r.page)).toEqual([]);
    await r.page.screenshot({ path: 'test-results/puntualidad-20-05-2025.png', fullPage: true });

    const descarga = await pagina.descargarPdf();
    expect(descarga.suggestedFilename()).toBe(`estado-de-cuenta-${credito.numero}-2025-05-20.pdf`);
    const texto = textoDePdf(readFileSync(await descarga.path()));
    expect(texto).toContain('Tasa por puntualidad');
    expect(texto).toContain('Paga puntual: 3%');
    for (const linea of PERIODOS_AL_20_05_2025) expect(texto).toContain(linea);

    // On 20/03/2025 the borrower was paying the ordinary rate: the screen says since when and why.
    await pagina.cambiarFechaDeCorte('20/03/2025');
    await pagina.esperarEstadoAl('20/03/2025');
    await puntualidad
      .getByText('Perdió la tasa puntual el 01/03/2025 (debía la amortización 2)', { exact: true })
      .waitFor();
    expect(await periodos.getByRole('listitem').allTextContents()).toEqual([
      'Amortización 1: 3% puntual',
      'Amortización 2: 3% puntual',
      'Periodo en curso: 6% ordinaria — la amortización 2 se debía al 01/03/2025',
    ]);

    // On a phone (360 px): the same words, nothing cut off, and still accessible.
    await r.page.setViewportSize({ width: 360, height: 800 });
    await pagina.cambiarFechaDeCorte('20/05/2025');
    await pagina.esperarEstadoAl('20/05/2025');
    await puntualidad.getByText('Paga puntual: 3%', { exact: true }).waitFor();
    expect(await periodos.getByRole('listitem').allTextContents()).toEqual(PERIODOS_AL_20_05_2025);
    const caja = await puntualidad.boundingBox();
    expect(caja).not.toBeNull();
    expect((caja?.x ?? 0) + (caja?.width ?? Number.POSITIVE_INFINITY)).toBeLessThanOrEqual(360);
    // The statement card; the page's frame at 360 px (header, tabs) is not this journey's.
    expect(await infraccionesDeAccesibilidad(r.page, '.tarjeta-estado')).toEqual([]);
    await r.page.screenshot({ path: 'test-results/puntualidad-360.png', fullPage: true });
  }, 90_000);

  it('un crédito con tasa puntual propia dice cuál es y por qué, en pantalla y en el PDF', async () => {
    const r = await e.entrarComo('gestor');
    await r.abrir(`/creditos/${conTasaPropia.id}?fecha=2025-05-10`);
    const pagina = new PaginaCredito(r.page);
    await pagina.esperar(conTasaPropia.numero);
    await pagina.esperarEstadoAl('10/05/2025');
    const puntualidad = r.page.getByRole('region', { name: 'Tasa por puntualidad' });
    await puntualidad.getByText('Paga puntual: 0%', { exact: true }).waitFor();
    await puntualidad.getByText('Tasa puntual propia: 0% — prueba', { exact: true }).waitFor();
    const periodos = puntualidad.getByRole('list', { name: 'Tasa de cada periodo' });
    expect(await periodos.getByRole('listitem').allTextContents()).toContain(
      'Amortización 4: 6% ordinaria — la amortización 3 se debía al 01/04/2025',
    );
    const texto = textoDePdf(readFileSync(await (await pagina.descargarPdf()).path()));
    expect(texto).toContain('Paga puntual: 0%');
    expect(texto).toContain('Tasa puntual propia: 0% — prueba');
    expect(texto).toContain(
      'Amortización 4: 6% ordinaria — la amortización 3 se debía al 01/04/2025',
    );
  }, 60_000);
});
