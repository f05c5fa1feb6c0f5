import { mkdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Fecha } from '../../src/domain/fecha.ts';
import { calcularAntiguedad } from '../../src/modules/cartera/calcular-antiguedad.ts';
import { rutaCaso } from '../soporte/casos.ts';
import { type CasoEntrada, guardarCaso } from '../soporte/fabricas.ts';
import { crearEscenario, type Escenario, hayChromium } from '../soporte/navegador.ts';
import { textoDePdf } from '../soporte/pdf.ts';
import { PaginaCartera, PaginaCredito } from './paginas/cartera.ts';

const CASO = rutaCaso('01-pago-parcial-con-atraso.json');

/** `2024-06-30` → `30/06/2024`, as people read dates. */
const ddmmaaaa = (iso: string) => iso.split('-').reverse().join('/');

/** `"4862.42"` → `$4,862.42`, as people read money (es-MX). */
const pesos = (monto: string) => {
  const [enteros = '', decimales = ''] = monto.split('.');
  return `$${enteros.replace(/\B(?=(\d{3})+$)/g, ',')}.${decimales.padEnd(2, '0')}`;
};

// Runs only where Debian's Chromium is installed; .ci/run installs it, so CI always runs it.
describe.runIf(hayChromium)('recorrido en el navegador: cartera y estado de cuenta', () => {
  let e: Escenario;
  let credito: { id: number; numero: string };
  let hoy: Fecha;

  beforeAll(async () => {
    e = await crearEscenario();
    const { caso } = JSON.parse(readFileSync(CASO, 'utf8')) as { caso: CasoEntrada };
    credito = await guardarCaso(e.base.db, caso, { oficina: 'HMO' });
    hoy = e.reloj.hoy();
    // Last night's aging, so the list and Inicio show figures as they do in the morning.
    await e.base.db
      .transaction()
      .execute((trx) => calcularAntiguedad(trx, hoy, { reloj: e.reloj, ip: null, actor: null }));
  });
  afterAll(async () => {
    await e?.cerrar();
  });

  const entrarComo = (usuario: string) => e.entrarComo(usuario);

  it('el gestor abre el crédito desde Cartera, ve el estado de hoy, cambia la fecha de corte y descarga el PDF', async () => {
    const r = await entrarComo('gestor');
    mkdirSync('test-results', { recursive: true });

    // Inicio: the server's business date and last night's aging summary.
    await r.page.getByText(ddmmaaaa(hoy)).first().waitFor();
    await r.page
      .getByRole('heading', { name: `Antigüedad de saldos al ${ddmmaaaa(hoy)}` })
      .waitFor();
    await r.page.screenshot({ path: 'test-results/inicio-antiguedad.png' });

    const cartera = new PaginaCartera(r.page);
    await cartera.abrirDesdeLaNavegacion();
    await cartera.buscarNumero(credito.numero.slice(0, 10));
    const fila = cartera.fila(credito.numero);
    await fila.waitFor();
    expect(await fila.textContent()).toContain('José Ángel Núñez Ibáñez');
    expect(await fila.textContent()).toContain('Vencido');
    expect(
      await r.page.evaluate<number>('document.documentElement.scrollWidth'),
    ).toBeLessThanOrEqual(1366);
    await r.page.screenshot({ path: 'test-results/cartera.png' });
    await cartera.abrirCredito(credito.numero);

    const pagina = new PaginaCredito(r.page);
    await pagina.esperar(credito.numero);
    await r.page.getByText('José Ángel Núñez Ibáñez').first().waitFor();
    await r.page.getByText('12 %', { exact: true }).waitFor();
    await r.page.getByText('18 %', { exact: true }).waitFor();

    // Today's statement, by default, with the figures the API gives for today.
    await pagina.esperarEstadoAl(ddmmaaaa(hoy));
    const deHoy = await r.page.request.get(
      `${e.url}/api/creditos/${credito.id}/estado-de-cuenta?fecha=${hoy}`,
    );
    expect(deHoy.ok()).toBe(true);
    const estadoDeHoy = (await deHoy.json()) as { saldo_para_liquidar: string };
    expect(await pagina.cifra('Saldo para liquidar')).toBe(pesos(estadoDeHoy.saldo_para_liquidar));
    expect(await pagina.anchoDePagina()).toBeLessThanOrEqual(1366);

    // The statement at 30/06/2024: the figures of the published case, as the API computes them.
    await pagina.cambiarFechaDeCorte('30/06/2024');
    await pagina.esperarEstadoAl('30/06/2024');
    expect(r.page.url()).toContain('fecha=2024-06-30');
    const alCorte = await r.page.request.get(
      `${e.url}/api/creditos/${credito.id}/estado-de-cuenta?fecha=2024-06-30`,
    );
    const estadoAlCorte = (await alCorte.json()) as {
      saldo_para_liquidar: string;
      saldo_exigible: string;
    };
    expect(estadoAlCorte.saldo_para_liquidar).toBe('4862.42');
    expect(await pagina.cifra('Saldo para liquidar')).toBe(
      pesos(estadoAlCorte.saldo_para_liquidar),
    );
    expect(await pagina.cifra('Saldo para liquidar')).toBe('$4,862.42');
    expect(await pagina.cifra('Saldo exigible')).toBe(pesos(estadoAlCorte.saldo_exigible));
    expect(await pagina.cifra('Días de atraso')).toBe('121');
    expect(await pagina.cifra('Situación')).toBe('Vencido');
    const amortizaciones = r.page.getByRole('tabpanel');
    expect(await amortizaciones.getByText('Vencida').count()).toBe(4);
    expect(await amortizaciones.getByText('Por vencer').count()).toBe(1);
    expect(await pagina.anchoDePagina()).toBeLessThanOrEqual(1366);
    await r.page.screenshot({ path: 'test-results/credito-30-06-2024.png' });
    await r.page.screenshot({
      path: 'test-results/credito-30-06-2024-completa.png',
      fullPage: true,
    });

    const descarga = await pagina.descargarPdf();
    expect(descarga.suggestedFilename()).toBe(`estado-de-cuenta-${credito.numero}-2024-06-30.pdf`);
    const ruta = await descarga.path();
    const texto = textoDePdf(readFileSync(ruta));
    expect(texto).toContain('Instituto de Becas y Crédito Educativo del Estado de Sonora');
    expect(texto).toContain('José Ángel Núñez Ibáñez');
    expect(texto).toContain('30/06/2024');
  }, 60_000);

  it('un gestor de otra oficina que abre la dirección del crédito ve el aviso en español', async () => {
    const r = await entrarComo('gestor.nogales');
    await r.abrir(`/creditos/${credito.id}`);
    await r.page.getByRole('heading', { name: 'Este crédito no está en tu cartera.' }).waitFor();
    expect(await r.page.getByText('José Ángel Núñez Ibáñez').count()).toBe(0);
    await r.page.screenshot({ path: 'test-results/credito-prohibido.png' });
  });
});
