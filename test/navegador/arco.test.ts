import { mkdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { infraccionesDeAccesibilidad } from '../soporte/accesibilidad.ts';
import { casoPublicado, guardarCaso } from '../soporte/fabricas.ts';
import { crearEscenario, type Escenario, hayChromium } from '../soporte/navegador.ts';
import { textoDePdf } from '../soporte/pdf.ts';
import { PaginaArco } from './paginas/arco.ts';

const CASO = casoPublicado('01-pago-parcial-con-atraso.json');
const ACREDITADO = 'José Ángel Núñez Ibáñez';

// Runs only where Debian's Chromium is installed; .ci/run installs it, so CI always runs it.
describe.runIf(hayChromium)('recorrido en el navegador: derechos ARCO', () => {
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

  it('el coordinador registra una solicitud de acceso, verifica la identidad, descarga los datos, responde y la ejecuta; también en un teléfono', async () => {
    const r = await e.entrarComo('coordinador');
    const arco = new PaginaArco(r.page);
    await arco.abrirDesdeLaNavegacion();
    await r.page.getByText('No hay solicitudes ARCO que mostrar.').waitFor();

    const registro = await arco.registrar(
      'Acceso',
      'nunez',
      ACREDITADO,
      'Pide copia de todos sus datos y saber quién los consultó.',
    );
    expect(await registro.getByLabel('Nombre del titular (como lo escribió)').inputValue()).toBe(
      ACREDITADO,
    );
    expect(await infraccionesDeAccesibilidad(r.page, '.ant-modal')).toEqual([]);
    // The row is read once the request has answered, not while it is still on its way.
    const registrada = r.page.waitForResponse(
      (res) => new URL(res.url()).pathname === '/api/arco' && res.request().method() === 'POST',
    );
    await registro.getByRole('button', { name: 'Registrar' }).click();
    expect((await registrada).status()).toBe(201);
    const { id } = await e.base.db
      .selectFrom('solicitudes_arco')
      .select('id')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    const folio = `ARCO-${e.reloj.hoy().slice(0, 4)}-${String(id).padStart(4, '0')}`;
    await r.page.getByText(`Solicitud ${folio} registrada.`).waitFor();
    const detalle = arco.detalle();
    await detalle.getByText('Sin verificar').waitFor();
    await detalle
      .getByText(/Responder a más tardar el \d\d\/\d\d\/\d{4} \(quedan 20 días hábiles\)/)
      .waitFor();
    await r.page
      .getByRole('list', { name: 'Solicitudes ARCO' })
      .getByRole('button', { name: `Abrir la solicitud ${folio}` })
      .waitFor();
    expect(await infraccionesDeAccesibilidad(r.page)).toEqual([]);

    const verificar = await arco.paso('Verificar identidad', /^Verificar la identidad/);
    await verificar.getByLabel('Número o folio del documento').fill('IDMEX2938475610');
    await verificar.getByRole('button', { name: 'Verificar' }).click();
    await r.page.getByText(`${folio}: identidad verificada.`).waitFor();
    await detalle.getByText(/Credencial para votar \(INE\) IDMEX2938475610; verificó/).waitFor();

    // The titular's data, as he will receive them.
    const enlace = detalle.getByRole('link', { name: 'Descargar datos (PDF)' });
    const [descarga] = await Promise.all([r.page.waitForEvent('download'), enlace.click()]);
    const texto = textoDePdf(readFileSync(await descarga.path()));
    expect(texto).toContain('Reporte de acceso a datos personales');
    expect(texto).toContain(folio);
    expect(texto).toContain('Ibáñez');
    expect(texto).toContain(credito.numero);

    const responder = await arco.paso('Responder', /^Responder la solicitud/);
    await responder
      .getByLabel('Fundamento')
      .fill('Se acreditó la identidad; los datos obran en Recupera.');
    expect(await infraccionesDeAccesibilidad(r.page, '.ant-modal')).toEqual([]);
    await responder.getByRole('button', { name: 'Responder' }).click();
    await r.page.getByText(`${folio}: respuesta registrada.`).waitFor();
    await detalle.getByText(/Ejecutar a más tardar el/).waitFor();

    const ejecutar = await arco.paso('Ejecutar', /^Ejecutar el derecho/);
    await ejecutar.getByRole('button', { name: 'Ejecutar' }).click();
    await r.page.getByText(`${folio}: derecho ejecutado.`).waitFor();
    await detalle.getByText('Ejecutada', { exact: true }).first().waitFor();
    await detalle.getByText(/Ejecutó el derecho/).waitFor();
    await r.page.screenshot({ path: 'test-results/arco.png', fullPage: true });

    const guardada = await e.base.db
      .selectFrom('solicitudes_arco')
      .select(['estado', 'identidad_documento', 'respuesta'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(guardada).toEqual({
      estado: 'ejecutada',
      identidad_documento: 'ine',
      respuesta: 'procedente',
    });

    // On a phone (360 px): nothing scrolls sideways and it stays accessible.
    await r.page.setViewportSize({ width: 360, height: 800 });
    await detalle.getByText(/Ejecutó el derecho/).waitFor();
    expect(
      await r.page.evaluate<number>('document.documentElement.scrollWidth'),
    ).toBeLessThanOrEqual(360);
    expect(await infraccionesDeAccesibilidad(r.page)).toEqual([]);
    await r.page.screenshot({ path: 'test-results/arco-360.png', fullPage: true });
  }, 120_000);
});
