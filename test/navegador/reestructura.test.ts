import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { casoPublicado, guardarCaso } from '../soporte/fabricas.ts';
import { crearEscenario, type Escenario, hayChromium } from '../soporte/navegador.ts';
import { PaginaCredito } from './paginas/cartera.ts';
import type { PaginaRecupera } from './paginas/recupera.ts';

// Runs only where Debian's Chromium is installed; .ci/run installs it, so CI always runs it.
describe.runIf(hayChromium)('recorrido en el navegador: reestructura', () => {
  let e: Escenario;
  let credito: { id: number; numero: string };
  let personaId: number;

  beforeAll(async () => {
    e = await crearEscenario();
    // Case 01's credit fell due in 2024: today it is far overdue and qualifies for a reestructura.
    credito = await guardarCaso(e.base.db, casoPublicado('01-pago-parcial-con-atraso.json'), {
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

  /** The API with this browser's session, as the pages call it. */
  async function api(r: PaginaRecupera, ruta: string, datos: unknown, llave?: string) {
    const peticion = r.page.context().request;
    const sesion = (await (await peticion.get(`${e.url}/api/sesion`)).json()) as { csrf: string };
    const respuesta = await peticion.post(`${e.url}${ruta}`, {
      data: datos,
      headers: { 'x-csrf-token': sesion.csrf, ...(llave ? { 'idempotency-key': llave } : {}) },
    });
    return { estado: respuesta.status(), cuerpo: await respuesta.json() };
  }

  it('firmada una reestructura, el crédito anterior liga al nuevo y el nuevo muestra su origen y su tasa pactada', async () => {
    const coordinador = await e.entrarComo('coordinador');
    const simulacion = await api(coordinador, '/api/simulaciones', { creditoId: credito.id });
    expect(simulacion.estado).toBe(200);
    const oferta = (
      simulacion.cuerpo.ofertas as Array<{ tipo: string; califica: boolean; versionId: number }>
    ).find((o) => o.tipo === 'reestructura' && o.califica);
    expect(oferta).toBeDefined();
    // The coordinador's limit covers a reestructura: it is born authorized.
    const propuesta = await api(coordinador, '/api/convenios', {
      creditoId: credito.id,
      origen: 'alternativa',
      versionId: oferta?.versionId,
      condiciones: 'El saldo se documenta en un pagaré nuevo.',
      firmantes: [personaId],
    });
    expect(propuesta.cuerpo.convenio?.estado).toBe('autorizado');
    const firma = await api(
      coordinador,
      `/api/convenios/${propuesta.cuerpo.convenio.id}/firma`,
      {},
      'recorrido-reestructura-1',
    );
    expect(firma.estado).toBe(200);
    const nuevo = `${credito.numero}-R`;

    const pagina = new PaginaCredito(coordinador.page);
    await coordinador.abrir(`/creditos/${credito.id}`);
    await pagina.esperar(credito.numero);
    const ligaAlNuevo = coordinador.page.getByRole('link', { name: nuevo }).first();
    await ligaAlNuevo.waitFor();
    expect(await coordinador.page.getByText('Reestructurado en').count()).toBeGreaterThan(0);
    // Settled by the new credit, not paid off: no carta finiquito to offer, once the statement
    // (which says liquidado) is on screen.
    await coordinador.page.getByText('Liquidado', { exact: true }).first().waitFor();
    expect(
      await coordinador.page.getByRole('button', { name: 'Emitir carta finiquito' }).count(),
    ).toBe(0);
    expect(
      await coordinador.page.getByRole('button', { name: 'Simular alternativas' }).count(),
    ).toBe(0);
    // The closing payment says no money came in.
    await coordinador.page.getByRole('tab', { name: /Pagos aplicados/ }).click();
    await coordinador.page.getByText('Cierre por reestructura (sin dinero)').first().waitFor();
    await coordinador.page.screenshot({
      path: 'test-results/reestructura-anterior.png',
      fullPage: true,
    });

    await ligaAlNuevo.click();
    await pagina.esperar(nuevo);
    await coordinador.page.getByText('pactada en la reestructura').first().waitFor();
    expect(await coordinador.page.getByText('Reestructura de').count()).toBeGreaterThan(0);
    await coordinador.page.getByRole('link', { name: credito.numero }).first().waitFor();
    await coordinador.page.screenshot({
      path: 'test-results/reestructura-nuevo.png',
      fullPage: true,
    });
  });
});
