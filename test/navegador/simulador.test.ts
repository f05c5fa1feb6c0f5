import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { casoPublicado, guardarCaso } from '../soporte/fabricas.ts';
import { crearEscenario, type Escenario, hayChromium } from '../soporte/navegador.ts';
import { PaginaCredito } from './paginas/cartera.ts';
import type { PaginaRecupera } from './paginas/recupera.ts';
import { PaginaCatalogo, PaginaSimulador } from './paginas/simulador.ts';

interface OfertaApi {
  nombre: string;
  tipo: string;
  califica: boolean;
  montoAhora: string;
  total: string;
}

/** `"12345.6"` → `$12,345.60`, as the UI shows money. */
const pesos = (monto: string) =>
  new Intl.NumberFormat('es-MX', { style: 'currency', currency: 'MXN' }).format(Number(monto));

// Runs only where Debian's Chromium is installed; .ci/run installs it, so CI always runs it.
describe.runIf(hayChromium)('recorrido en el navegador: simulador de alternativas', () => {
  let e: Escenario;
  let credito: { id: number; numero: string };

  beforeAll(async () => {
    e = await crearEscenario();
    credito = await guardarCaso(e.base.db, casoPublicado('01-pago-parcial-con-atraso.json'), {
      oficina: 'HMO',
    });
    mkdirSync('test-results', { recursive: true });
  });
  afterAll(async () => {
    await e?.cerrar();
  });

  const entrarComo = (usuario: string) => e.entrarComo(usuario);

  /** The same request the page makes, straight to the API with the same session. */
  async function simularPorApi(r: PaginaRecupera): Promise<OfertaApi[]> {
    const peticion = r.page.context().request;
    const sesion = (await (await peticion.get(`${e.url}/api/sesion`)).json()) as { csrf: string };
    const respuesta = await peticion.post(`${e.url}/api/simulaciones`, {
      data: { creditoId: credito.id },
      headers: { 'x-csrf-token': sesion.csrf },
    });
    expect(respuesta.status()).toBe(200);
    return ((await respuesta.json()) as { ofertas: OfertaApi[] }).ofertas;
  }

  it('el gestor abre el crédito, pulsa «Simular alternativas» y ve las ofertas lado a lado, con la liquidación con descuento al importe que da la API', async () => {
    const r = await entrarComo('gestor');
    // The catalogue is the administrador's: the gestor has no link to it.
    expect(
      await r.page
        .getByRole('navigation', { name: 'Navegación principal' })
        .getByRole('link', { name: 'Alternativas y campañas' })
        .count(),
    ).toBe(0);
    await r.abrir(`/creditos/${credito.id}`);
    await new PaginaCredito(r.page).esperar(credito.numero);

    const sim = new PaginaSimulador(r.page);
    await sim.abrirDesdeBoton();
    expect(r.page.url()).toContain(`/simulador?creditoId=${credito.id}`);

    const ofertas = await simularPorApi(r);
    const liquidacion = ofertas.find((o) => o.tipo === 'liquidacion_con_descuento');
    expect(liquidacion?.califica).toBe(true);
    if (liquidacion === undefined) return;
    expect(await sim.celda(liquidacion.nombre, 'Pago ahora')).toBe(pesos(liquidacion.montoAhora));
    expect(await sim.celda(liquidacion.nombre, 'Total')).toBe(pesos(liquidacion.total));
    expect(await sim.celda(liquidacion.nombre, '¿Liquida?')).toBe('Sí');

    // Every qualifying offer is a row of the comparison; the rest are listed with their reason.
    for (const o of ofertas.filter((x) => x.califica)) {
      await sim.oferta(o.nombre).first().waitFor();
    }
    const noCalifican = ofertas.filter((o) => !o.califica);
    if (noCalifican.length > 0) {
      const lista = (await sim.noCalifican().textContent()) ?? '';
      for (const o of noCalifican) expect(lista).toContain(o.nombre);
    }
    expect(await sim.anchoDePagina()).toBeLessThanOrEqual(1366);
    await r.page.screenshot({ path: 'test-results/simulador-ofertas.png', fullPage: true });

    const plan = await sim.verPlan(liquidacion.nombre);
    expect(await plan.getByRole('row').count()).toBe(2);
    await r.page
      .getByRole('button', { name: 'Capturar convenio' })
      .and(r.page.locator('[disabled]'))
      .waitFor();
    await r.page.screenshot({ path: 'test-results/simulador-plan.png', fullPage: true });

    // A date the server refuses: its message shows under «Fecha de la simulación».
    await r.abrir(`/simulador?creditoId=${credito.id}&fecha=2020-01-01`);
    const error = r.page.locator('#sim-error');
    await error.waitFor();
    expect(await error.textContent()).toContain('no puede ser anterior a hoy');
    expect(await r.page.getByLabel('Fecha de la simulación').getAttribute('aria-invalid')).toBe(
      'true',
    );

    // From the ficha, the same button simulates all the debtor's credits.
    const { persona_id: personaId } = await e.base.db
      .selectFrom('participantes_credito')
      .select('persona_id')
      .where('credito_id', '=', credito.id)
      .where('rol', '=', 'acreditado')
      .executeTakeFirstOrThrow();
    await r.abrir(`/personas/${personaId}`);
    await r.page.getByRole('button', { name: 'Simular alternativas' }).waitFor();
    await r.page.screenshot({ path: 'test-results/simulador-ficha.png' });
    await sim.abrirDesdeBoton();
    expect(r.page.url()).toContain(`/simulador?personaId=${personaId}`);
    // The breadcrumb leads back to the ficha, by the debtor's name.
    await r.page
      .getByRole('navigation', { name: 'Ruta de navegación' })
      .getByRole('link', { name: 'José Ángel Núñez Ibáñez' })
      .waitFor();
    expect(await sim.celda(liquidacion.nombre, 'Pago ahora')).toBe(pesos(liquidacion.montoAhora));
  });

  it('el administrador crea una campaña en «Alternativas y campañas» y aparece en la simulación del gestor con su acuerdo', async () => {
    const admin = await entrarComo('admin');
    const catalogo = new PaginaCatalogo(admin.page);
    await catalogo.abrirDesdeLaNavegacion();
    // The five seeded alternatives, each with its version in force.
    await catalogo.fila('Alternativas', 'Liquidación con descuento').waitFor();
    expect(
      await catalogo.fila('Alternativas', 'Liquidación con descuento').textContent(),
    ).toContain('v1');
    expect(
      await catalogo.page.evaluate<number>('document.documentElement.scrollWidth'),
    ).toBeLessThanOrEqual(1366);
    await admin.page.screenshot({ path: 'test-results/simulador-catalogo.png', fullPage: true });

    // Editing appends version 2; version 1 stays in the history.
    await catalogo.versionarAlternativa('Regularización', {
      'Pagos máximos': '12',
      'Tolerancia de las promesas (días)': '10',
    });
    expect(await catalogo.fila('Alternativas', 'Regularización').textContent()).toContain('v2');
    const versiones = await catalogo.versiones('Regularización');
    expect(await versiones.getByRole('row').count()).toBe(3);
    const v2 = await versiones.getByRole('row').nth(1).textContent();
    expect(v2).toContain('Pagos máximos: 12');
    expect(v2).toContain('Tolerancia de las promesas: 10 días');
    const v1 = await versiones.getByRole('row').nth(2).textContent();
    expect(v1).toContain('Pagos máximos: 6');
    expect(v1).toContain('Tolerancia de las promesas: 5 días');
    await admin.page.screenshot({ path: 'test-results/simulador-versiones.png' });
    await catalogo.dialogo().getByRole('button', { name: 'Cerrar' }).first().click();
    await catalogo.dialogo().waitFor({ state: 'hidden' });

    // A new alternative limited to an office that does not exist: the error is on «Oficinas».
    await catalogo.crearRegularizacion({
      clave: 'regularizacion-12',
      nombre: 'Regularización a 12 meses',
      pagosMaximos: '12',
      oficina: 'XYZ',
    });
    expect(await catalogo.errorDelCampo('Oficinas (claves)')).toContain('no existe la oficina XYZ');
    await catalogo.dialogo().getByRole('button', { name: 'Cancelar' }).click();
    await catalogo.dialogo().waitFor({ state: 'hidden' });

    const campana = {
      clave: 'arrancar-de-cero',
      nombre: 'Oportunidad… es arrancar de cero',
      acuerdo: 'Acuerdo JD-2026-05-03 de la Junta Directiva',
      descuentoMoratorio: '100',
    };
    await catalogo.crearCampana(campana);
    await catalogo.dialogo().waitFor({ state: 'hidden' });
    const fila = catalogo.fila('Campañas', campana.nombre);
    await fila.waitFor();
    expect(await fila.textContent()).toContain(campana.acuerdo);
    expect(await fila.textContent()).toContain('Vigente');

    // The same clave again: the server's error shows on the «Clave» field.
    await catalogo.crearCampana({ ...campana, nombre: 'Otra' });
    expect(await catalogo.errorDelCampo('Clave')).toContain('Ya existe una campaña');
    await admin.page.screenshot({ path: 'test-results/simulador-campana-error.png' });
    await catalogo.dialogo().getByRole('button', { name: 'Cancelar' }).click();

    // The gestor's simulation now offers the campaign, with its agreement.
    const gestor = await entrarComo('gestor');
    await gestor.abrir(`/simulador?creditoId=${credito.id}`);
    const sim = new PaginaSimulador(gestor.page);
    await sim.esperar();
    const oferta = sim.oferta(campana.nombre).first();
    await oferta.waitFor();
    expect(await oferta.textContent()).toContain(campana.acuerdo);
    const api = (await simularPorApi(gestor)).find((o) => o.nombre === campana.nombre);
    expect(api?.califica).toBe(true);
    expect(await sim.celda(campana.nombre, 'Total')).toBe(pesos(api?.total ?? '0'));
    await gestor.page.screenshot({ path: 'test-results/simulador-campana.png', fullPage: true });
  });
});
