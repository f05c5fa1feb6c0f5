import { mkdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { casoPublicado, guardarCaso } from '../soporte/fabricas.ts';
import { crearEscenario, type Escenario, hayChromium } from '../soporte/navegador.ts';
import { textoDePdf } from '../soporte/pdf.ts';
import { CapturaDeConvenio, PaginaConvenio, PaginaPendientes } from './paginas/convenios.ts';
import type { PaginaRecupera } from './paginas/recupera.ts';
import { PaginaSimulador } from './paginas/simulador.ts';

const LIQUIDACION = 'Liquidación con descuento';
const DIA_MS = 86_400_000;

/** `2026-11-27` plus `dias` calendar days. */
function sumarDias(iso: string, dias: number): string {
  return new Date(Date.parse(`${iso}T12:00:00Z`) + dias * DIA_MS).toISOString().slice(0, 10);
}

/** `2026-11-27` → `27/11/2026`, as the UI shows dates. */
const ddmmaaaa = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

// Runs only where Debian's Chromium is installed; .ci/run installs it, so CI always runs it.
describe.runIf(hayChromium)('recorrido en el navegador: convenios', () => {
  let e: Escenario;
  let personaId: number;

  beforeAll(async () => {
    e = await crearEscenario();
    // Case 01's credit fell due in 2024: on today's business date it is far overdue, so the
    // liquidación con descuento qualifies, and its moratorio makes a discount.
    const credito = await guardarCaso(e.base.db, casoPublicado('01-pago-parcial-con-atraso.json'), {
      oficina: 'HMO',
    });
    ({ persona_id: personaId } = await e.base.db
      .selectFrom('participantes_credito')
      .select('persona_id')
      .where('credito_id', '=', credito.id)
      .where('rol', '=', 'acreditado')
      .executeTakeFirstOrThrow());
    mkdirSync('test-results', { recursive: true });
  });
  afterAll(async () => {
    await e?.cerrar();
  });

  const entrarComo = (usuario: string) => e.entrarComo(usuario);

  /** A POST to the API with this browser's session, as the page would make it. */
  async function publicar(r: PaginaRecupera, ruta: string, encabezados: Record<string, string>) {
    const peticion = r.page.context().request;
    const sesion = (await (await peticion.get(`${e.url}/api/sesion`)).json()) as { csrf: string };
    return peticion.post(`${e.url}${ruta}`, {
      data: {},
      headers: { 'x-csrf-token': sesion.csrf, ...encabezados },
    });
  }

  it('el gestor captura una liquidación con descuento desde el simulador, el coordinador la autoriza, el gestor la firma e imprime, y al vencer la promesa queda incumplida', async () => {
    const hoy = e.reloj.hoy();
    const primerPago = sumarDias(hoy, 10);

    // The gestor opens the debtor's ficha and simulates, with the first payment in ten days.
    const gestor = await entrarComo('gestor');
    await gestor.abrir(`/personas/${personaId}`);
    await gestor.page
      .getByRole('table', { name: /Convenios/ })
      .getByText('Sin convenios.')
      .waitFor();
    const sim = new PaginaSimulador(gestor.page);
    await sim.abrirDesdeBoton();
    const captura = new CapturaDeConvenio(gestor.page);
    // Nothing chosen yet: the button says why it is disabled.
    expect(await captura.botonCapturar().isDisabled()).toBe(true);
    await captura.simularConPrimerPago(ddmmaaaa(primerPago));
    await gestor.page.waitForURL(/primerPago=/);
    await sim.esperar();
    // The gestor's limit allows no discount: the offer needs a coordinador.
    expect(await sim.celda(LIQUIDACION, '¿Requiere autorización?')).toContain(
      'Sí, del coordinador',
    );
    expect(await sim.celda(LIQUIDACION, 'Plan')).toBe(`1 pago el ${ddmmaaaa(primerPago)}`);
    const totalOfertado = await sim.celda(LIQUIDACION, 'Total');

    await captura.elegirOferta(LIQUIDACION);
    await captura.botonCapturar().click();
    const dialogo = captura.dialogo();
    await dialogo.getByRole('checkbox', { name: 'José Ángel Núñez Ibáñez (acreditado)' }).waitFor();
    expect(
      await dialogo.getByRole('checkbox', { name: /José Ángel Núñez Ibáñez/ }).isChecked(),
    ).toBe(true);
    // Without conditions the form refuses, on the field.
    await dialogo.getByLabel('Condiciones').fill('');
    await dialogo.getByRole('button', { name: 'Capturar convenio' }).click();
    await dialogo.getByText('Escribe las condiciones del convenio.').waitFor();
    await gestor.page.screenshot({ path: 'test-results/convenios-captura.png' });
    await dialogo
      .getByLabel('Condiciones')
      .fill('El acreditado pagará el total en una sola exhibición en la fecha pactada.');
    await dialogo.getByRole('button', { name: 'Capturar convenio' }).click();

    // It lands on the convenio's page, proposed: the gestor cannot authorize it.
    const convenio = new PaginaConvenio(gestor.page);
    await gestor.page.waitForURL(/\/convenios\/\d+$/);
    await convenio.esperar();
    await convenio.esperarEstado('Propuesto');
    const id = convenio.id();
    expect(await convenio.boton('Autorizar').count()).toBe(0);
    await gestor.page.getByText(/Nadie autoriza su propia propuesta/).waitFor();
    // The breadcrumb starts at the debtor's ficha.
    const aLaFicha = gestor.page
      .getByRole('navigation', { name: 'Ruta de navegación' })
      .getByRole('link', { name: 'José Ángel Núñez Ibáñez' });
    expect(await aLaFicha.getAttribute('href')).toMatch(/^\/personas\/\d+$/);
    expect(await convenio.promesa(1)).toEqual([
      '1',
      ddmmaaaa(primerPago),
      totalOfertado,
      'Pendiente',
    ]);
    await gestor.page.screenshot({ path: 'test-results/convenios-propuesto.png', fullPage: true });

    // A second convenio for the same credit: the server's 409 shows in the dialog, in Spanish.
    await gestor.page.goBack();
    await sim.esperar();
    await captura.elegirOferta('Regularización');
    await captura.capturar('Otro convenio para el mismo crédito.');
    await captura
      .dialogo()
      .getByText(
        `El crédito ya tiene el convenio ${id} en curso: cancélalo o espera a que termine.`,
      )
      .waitFor();
    await captura.dialogo().getByRole('button', { name: 'Volver' }).click();

    // The gestor's queue lists it, read-only.
    const colaGestor = new PaginaPendientes(gestor.page);
    await colaGestor.abrirDesdeLaNavegacion();
    expect(await colaGestor.fila(id).textContent()).toContain('Es tu propuesta');
    expect(await colaGestor.fila(id).getByRole('button').count()).toBe(0);

    // The coordinador sees it in the queue and authorizes it.
    const coordinador = await entrarComo('coordinador');
    const cola = new PaginaPendientes(coordinador.page);
    await cola.abrirDesdeLaNavegacion();
    expect(await cola.fila(id).textContent()).toContain('gestor');
    await coordinador.page.screenshot({ path: 'test-results/convenios-pendientes.png' });
    await cola.autorizar(id);
    await coordinador.abrir(`/convenios/${id}`);
    const vistaCoordinador = new PaginaConvenio(coordinador.page);
    await vistaCoordinador.esperarEstado('Autorizado');
    // Signing is the counter's job (gestor or coordinador); an authorized one can be signed.
    await coordinador.page.getByText(/^coordinador, el \d{2}\/\d{2}\/\d{4}/).waitFor();

    // The gestor records the signature and downloads the convenio.
    await gestor.abrir(`/convenios/${id}`);
    await convenio.esperarEstado('Autorizado');
    await convenio.registrarFirma();
    await convenio.esperarEstado('Firmado');
    expect(await convenio.boton('Cancelar convenio').count()).toBe(0);
    const href = await convenio.enlacePdf().getAttribute('href');
    expect(href).toBe(`/api/convenios/${id}/convenio.pdf`);
    const respuesta = await gestor.page.context().request.get(`${e.url}${href ?? ''}`);
    expect(respuesta.status()).toBe(200);
    expect(respuesta.headers()['content-type']).toContain('application/pdf');
    const descarga = await convenio.descargarPdf();
    const texto = textoDePdf(readFileSync(await descarga.path()));
    expect(texto).toContain('José Ángel Núñez Ibáñez');
    await gestor.page.screenshot({ path: 'test-results/convenios-firmado.png', fullPage: true });

    // Nobody pays. Past the promise's date plus its tolerance, the review finds it missed.
    e.reloj.avanzarMinutos(16 * 24 * 60);
    expect(e.reloj.hoy()).toBe(sumarDias(hoy, 16));
    const coordinador2 = await entrarComo('coordinador');
    const revision = await publicar(coordinador2, '/api/convenios/revision', {
      'Idempotency-Key': `revision-${id}-${hoy}`,
    });
    expect(revision.status()).toBe(200);
    expect(((await revision.json()) as { incumplidos: number[] }).incumplidos).toContain(id);

    // The gestor finds it from the ficha, incumplido.
    const gestor2 = await entrarComo('gestor');
    await gestor2.abrir(`/personas/${personaId}`);
    await gestor2.page.getByRole('link', { name: `Convenio ${id}: ${LIQUIDACION}` }).click();
    const final = new PaginaConvenio(gestor2.page);
    await final.esperarEstado('Incumplido');
    expect((await final.promesa(1))[3]).toBe('Incumplida');
    await gestor2.page.screenshot({
      path: 'test-results/convenios-incumplido.png',
      fullPage: true,
    });
  }, 120_000);
});
