import { mkdirSync, readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sumarDias } from '../../src/domain/fecha.ts';
import { infraccionesDeAccesibilidad } from '../soporte/accesibilidad.ts';
import { rutaCaso } from '../soporte/casos.ts';
import { type CasoEntrada, guardarCaso } from '../soporte/fabricas.ts';
import { crearEscenario, type Escenario, hayChromium } from '../soporte/navegador.ts';
import { PaginaCaja } from './paginas/caja.ts';

const CASO = rutaCaso('01-pago-parcial-con-atraso.json');
const ddmmaaaa = (f: string) => f.split('-').reverse().join('/');

// Runs only where Debian's Chromium is installed; .ci/run installs it, so CI always runs it.
describe.runIf(hayChromium)('recorrido en el navegador: corte de caja', () => {
  let e: Escenario;
  let credito: { id: number; numero: string };
  let hoy: string;
  let n = 0;

  beforeAll(async () => {
    e = await crearEscenario();
    const { caso } = JSON.parse(readFileSync(CASO, 'utf8')) as { caso: CasoEntrada };
    credito = await guardarCaso(e.base.db, caso, {
      oficina: 'HMO',
      nombres: 'Rosa Elena',
      primerApellido: 'Quijada',
    });
    hoy = e.reloj.hoy();
    mkdirSync('test-results', { recursive: true });
  });
  afterAll(async () => {
    await e?.cerrar();
  });

  /** A POST to the API with this window's session, as the page would make it. */
  async function publicar(page: Page, ruta: string, datos: unknown) {
    const peticion = page.context().request;
    const sesion = (await (await peticion.get(`${e.url}/api/sesion`)).json()) as { csrf: string };
    const r = await peticion.post(`${e.url}${ruta}`, {
      data: datos,
      headers: { 'x-csrf-token': sesion.csrf, 'Idempotency-Key': `corte-nav-${Date.now()}-${n++}` },
    });
    expect(r.status(), await r.text()).toBe(201);
    return r.json();
  }

  /** What the counter would have registered. */
  async function pagar(page: Page, monto: string, canal: string): Promise<number> {
    const r = await publicar(page, `/api/creditos/${credito.id}/pagos`, {
      monto,
      canal,
      referencia: `CAJA-${n}`,
    });
    return (r as { movimiento: { id: number } }).movimiento.id;
  }

  it('contabilidad ve que las columnas cuadran, cierra el corte y lo tardío aparece en el siguiente como «posterior al cierre»', async () => {
    const gestor = await e.entrarComo('gestor');
    await pagar(gestor.page, '1500.00', 'banco');
    await pagar(gestor.page, '250.50', 'caja');
    const duplicado = await pagar(gestor.page, '999.00', 'banco');
    const conta = await e.entrarComo('contabilidad');
    await publicar(conta.page, `/api/movimientos/${duplicado}/cancelacion`, {
      motivo: 'Depósito capturado dos veces',
    });

    const caja = new PaginaCaja(conta.page);
    await caja.abrirDesdeLaNavegacion(ddmmaaaa(hoy));
    expect(await caja.aviso().textContent()).toContain('Corte abierto');
    expect(await caja.cifra('Pagos recibidos')).toBe('$2,749.50');
    expect(await caja.cifra('Cancelaciones')).toBe('-$999.00');
    expect(await caja.cifra('Total del día')).toBe('$1,750.50');
    expect(await caja.fila(duplicado).textContent()).toContain('Cancelado');
    expect(await caja.cancelacionDe(duplicado).textContent()).toContain('-$999.00');
    const montos = await caja.montosDeLasLineas();
    expect(montos).toHaveLength(4);
    expect(montos.reduce((a, m) => a + m, 0)).toBe(175_050);
    expect(await conta.page.getByText('Rosa Elena Quijada').count()).toBeGreaterThan(0);
    expect(await infraccionesDeAccesibilidad(conta.page, 'main')).toEqual([]);

    // The XLSX the button downloads: its Importe column adds up to the same total.
    const href = await conta.page
      .getByRole('link', { name: 'Descargar XLSX' })
      .getAttribute('href');
    const xlsx = await conta.page.request.get(`${e.url}${href ?? ''}`);
    const libro = new ExcelJS.Workbook();
    await libro.xlsx.load((await xlsx.body()) as unknown as ArrayBuffer);
    const importes: number[] = [];
    libro.getWorksheet('Pagos')?.eachRow((fila, i) => {
      if (i > 1) importes.push(Math.round(Number(fila.getCell(9).value) * 100));
    });
    expect(importes.reduce((a, m) => a + m, 0)).toBe(175_050);

    await conta.page.screenshot({ path: 'test-results/corte-de-caja-abierto.png', fullPage: true });
    await caja.cerrarCorte();
    const aviso = (await caja.aviso().textContent()) ?? '';
    expect(aviso).toMatch(/Corte cerrado por .+ el \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/);
    await conta.page
      .getByRole('button', { name: 'Cerrar corte' })
      .first()
      .waitFor({ state: 'detached', timeout: 5_000 });
    await conta.page.screenshot({ path: 'test-results/corte-de-caja-cerrado.png', fullPage: true });

    // A payment registered after the closing, dated today: today's corte does not change…
    const tardio = await pagar(gestor.page, '75.25', 'caja');
    await conta.page.reload();
    await conta.page.locator('section[aria-label="Totales del día"][aria-busy="false"]').waitFor();
    expect(await caja.cifra('Total del día')).toBe('$1,750.50');
    expect(await caja.fila(tardio).count()).toBe(0);

    // …it is in the next open corte, marked, with its own date.
    const manana = sumarDias(hoy as Parameters<typeof sumarDias>[0], 1);
    await conta.abrir(`/caja?fecha=${manana}`);
    await conta.page
      .getByRole('heading', { name: `Corte de caja del ${ddmmaaaa(manana)}`, level: 1 })
      .waitFor();
    const fila = caja.fila(tardio);
    await fila.waitFor();
    expect(await fila.textContent()).toContain('Posterior al cierre');
    expect(await fila.textContent()).toContain(ddmmaaaa(hoy));
    expect(await caja.cifra('Total del día')).toBe('$75.25');
    expect(await caja.aviso().textContent()).toContain('marcado «Posterior al cierre»');

    // A phone's width: the notice and the button that matters stay on screen.
    await conta.page.setViewportSize({ width: 360, height: 740 });
    const caja360 = await caja.aviso().boundingBox();
    expect((caja360?.x ?? 0) + (caja360?.width ?? Number.POSITIVE_INFINITY)).toBeLessThanOrEqual(
      360,
    );
    await conta.page.screenshot({ path: 'test-results/corte-de-caja-360.png', fullPage: true });
  }, 120_000);

  it('la coordinación ve el corte cerrado pero no puede cerrarlo', async () => {
    const r = await e.entrarComo('coordinador');
    const caja = new PaginaCaja(r.page);
    await caja.abrirDesdeLaNavegacion(ddmmaaaa(hoy));
    expect(await caja.aviso().textContent()).toContain('Corte cerrado por');
    expect(await r.page.getByRole('button', { name: 'Cerrar corte' }).count()).toBe(0);
  }, 60_000);
});
