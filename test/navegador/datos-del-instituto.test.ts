import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { infraccionesDeAccesibilidad } from '../soporte/accesibilidad.ts';
import { casoPublicado, guardarCaso } from '../soporte/fabricas.ts';
import { crearEscenario, type Escenario, hayChromium } from '../soporte/navegador.ts';
import { textoDePdf } from '../soporte/pdf.ts';
import { PaginaDatosDelInstituto } from './paginas/instituto.ts';

// Runs only where Debian's Chromium is installed; .ci/run installs it, so CI always runs it.
describe.runIf(hayChromium)('recorrido en el navegador: datos del instituto', () => {
  let e: Escenario;
  let credito: { id: number; numero: string };

  beforeAll(async () => {
    e = await crearEscenario();
    credito = await guardarCaso(e.base.db, casoPublicado('01-pago-parcial-con-atraso.json'), {
      oficina: 'HMO',
    });
  });
  afterAll(async () => {
    await e?.cerrar();
  });

  it('el administrador agrega una cuenta y una leyenda; la ficha de pago las imprime', async () => {
    const r = await e.entrarComo('admin');
    const pagina = new PaginaDatosDelInstituto(r.page);
    await pagina.abrirDesdeLaNavegacion();
    // The demo's data are version 1, saved by the demo administrador at the first start.
    expect(await pagina.versionVigente()).toMatch(
      /^Versión 1, guardada por Ana Lucía Robles Félix el \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}\.$/,
    );
    expect(await infraccionesDeAccesibilidad(r.page, '#datos-del-instituto')).toEqual([]);

    await pagina.agregarCuenta();
    await pagina.llenar('Cuenta 3', 'Banco', 'Banco Tres de Prueba');
    await pagina.llenar('Cuenta 3', 'Titular', 'Instituto de Becas y Crédito Educativo');
    await pagina.llenar('Cuenta 3', 'Número de cuenta', '5566778899');
    // A typo in the control digit is caught on the field before anything is sent.
    await pagina.llenar('Cuenta 3', 'CLABE', '032180000118359718');
    await pagina.llenar(
      'Cuenta 3',
      'Cómo se anota la referencia en este banco',
      'Anota la referencia en «Concepto».',
    );
    await pagina.guardar();
    await pagina
      .grupo('Cuenta 3')
      .getByText(/La CLABE no es válida/)
      .waitFor();
    // The first account's CLABE passes the check digit; the server refuses it as repeated, on
    // the field it names (`cuentas[2].clabe`).
    await pagina.llenar('Cuenta 3', 'CLABE', '072760001234567893');
    await pagina.guardar();
    await pagina.grupo('Cuenta 3').getByText('esta CLABE ya está en otra cuenta').waitFor();
    expect(await pagina.versionVigente()).toMatch(/^Versión 1,/);

    await pagina.llenar('Cuenta 3', 'CLABE', '032180000118359719');
    await pagina.llenar(
      'Ficha de pago',
      'Leyenda de ficha de pago',
      'Leyenda capturada en el navegador.',
    );
    await pagina.llenar(
      'Convenio',
      'Firma convenio: nombre completo',
      'Lic. Carmen Aguilar Ortega',
    );
    await pagina.llenar('Convenio', 'Cargo', 'Directora de Cobranza');
    await pagina.guardar();
    await r.page.getByText('Datos del instituto guardados (versión 2).').waitFor();
    await r.page.getByText(/^Versión 2, guardada por Ana Lucía Robles Félix/).waitFor();
    await r.page.screenshot({ path: 'test-results/datos-del-instituto.png', fullPage: true });

    const ficha = await r.page.request.get(`${e.url}/api/creditos/${credito.id}/ficha-de-pago.pdf`);
    expect(ficha.status()).toBe(200);
    const texto = textoDePdf(await ficha.body());
    expect(texto).toContain('Banco Tres de Prueba');
    expect(texto).toContain('032180000118359719');
    expect(texto).toContain('Anota la referencia en «Concepto».');
    expect(texto).toContain('Leyenda capturada en el navegador.');
    expect(texto.toLowerCase()).not.toContain('por confirmar');
    const guardados = await r.page.request.get(`${e.url}/api/instituto`);
    expect((await guardados.json()).datos.firmantes.convenio).toEqual({
      nombre: 'Lic. Carmen Aguilar Ortega',
      cargo: 'Directora de Cobranza',
    });

    // On a phone: the form fits 360 px, nothing scrolls sideways.
    await r.page.setViewportSize({ width: 360, height: 780 });
    await r.page.reload();
    await r.page.getByRole('heading', { name: 'Datos del instituto', level: 1 }).waitFor();
    await pagina.grupo('Cuenta 3').waitFor();
    expect(
      await r.page.evaluate<number>('document.documentElement.scrollWidth'),
    ).toBeLessThanOrEqual(360);
    await r.page.screenshot({ path: 'test-results/datos-del-instituto-360.png', fullPage: true });
  }, 90_000);

  it('un coordinador no tiene la página en su menú', async () => {
    const r = await e.entrarComo('coordinador');
    const enlaces = r.page
      .getByRole('navigation', { name: 'Navegación principal' })
      .getByRole('link', { name: 'Datos del instituto' });
    expect(await enlaces.count()).toBe(0);
  });
});
