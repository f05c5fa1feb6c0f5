import type { Locator, Page } from 'playwright-core';
import { infraccionesDeAccesibilidad } from '../../soporte/accesibilidad.ts';

export const ESCRITORIO = { width: 1280, height: 800 };
export const TELEFONO = { width: 390, height: 844 };
export const TELEFONO_CHICO = { width: 360, height: 780 };

/** What is still loading: a spinner, a skeleton, «Cargando…», a region marked busy. */
const OCUPADA = '.pagina-cargando, .ant-spin-spinning, .ant-skeleton-active, [aria-busy="true"]';

/** The little of the DOM used here (this project's types have no DOM). */
interface Documento {
  document: { querySelector(selector: string): unknown };
}

/**
 * Waits until a page has its title (an h1) and nothing left loading: no «Cargando…», no antd
 * spinner or skeleton, no region marked busy. Axe must judge the page a person reads, not the
 * spinner before it.
 */
export async function esperarPaginaLista(page: Page): Promise<void> {
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  // A function, not a string: a string predicate is eval'd, which the app's CSP forbids.
  await page.waitForFunction(
    (selector) => (globalThis as unknown as Documento).document.querySelector(selector) === null,
    OCUPADA,
    { timeout: 15_000 },
  );
}

/** The h1 of the page, as read. */
export async function tituloDePagina(page: Page): Promise<string> {
  return ((await page.getByRole('heading', { level: 1 }).first().textContent()) ?? '').trim();
}

/**
 * How many CSS pixels the page is wider than the window (0 when it fits): anything above 0
 * means the whole page scrolls sideways, which a person on a phone should never need.
 */
export async function sobranteHorizontal(page: Page): Promise<number> {
  return page.evaluate<number>(
    'Math.max(0, document.documentElement.scrollWidth - window.innerWidth)',
  );
}

/**
 * The overflow once the layout has settled after a resize: charts and tables measure their box
 * and lay out again a frame or more later (a CI run under load caught the tablero's chart 5 px
 * wide at 360 px, gone a moment after). Polled for up to 3 s; what is still over then is real.
 */
export async function sobranteTrasAcomodarse(page: Page): Promise<number> {
  const hasta = Date.now() + 3000;
  for (;;) {
    const sobra = await sobranteHorizontal(page);
    if (sobra === 0 || Date.now() > hasta) return sobra;
    await page.waitForTimeout(100);
  }
}

/** The elements that stick out past the right edge of the window, to say what to fix. */
export async function queSobresale(page: Page): Promise<string[]> {
  return page.evaluate<string[]>(`(() => {
    const ancho = window.innerWidth;
    const fuera = [];
    for (const el of document.body.querySelectorAll('*')) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.right <= ancho + 1) continue;
      // Only the outermost: its children stick out because it does.
      if (el.parentElement && el.parentElement.getBoundingClientRect().right > ancho + 1) continue;
      // Nor what a box of its own scrolls or clips: it does not widen the page.
      let dentro = false;
      for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
        if (getComputedStyle(a).overflowX !== 'visible') { dentro = true; break; }
      }
      if (dentro) continue;
      let ruta = el.tagName.toLowerCase() + (el.className && typeof el.className === 'string'
        ? '.' + el.className.trim().split(/\\s+/).slice(0, 2).join('.') : '');
      fuera.push(ruta + ' (' + Math.round(r.right) + ' px)');
      if (fuera.length >= 5) break;
    }
    return fuera;
  })()`);
}

/** The serious and critical axe violations, one line each: what a person cannot get past. */
export async function infraccionesGraves(page: Page): Promise<string[]> {
  const todas = await infraccionesDeAccesibilidad(page);
  return todas
    .filter((i) => i.impacto === 'serious' || i.impacto === 'critical')
    .map((i) => `${i.impacto} ${i.regla}: ${i.donde.slice(0, 3).join(' | ')}`);
}

/** The header's menu button of a phone, and the drawer with the sections it opens. */
export class MenuMovil {
  constructor(readonly page: Page) {}

  get boton(): Locator {
    return this.page.getByRole('button', { name: 'Menú', exact: true });
  }

  get navegacion(): Locator {
    return this.page.getByRole('navigation', { name: 'Navegación principal' });
  }

  async abrir(): Promise<void> {
    await this.boton.click();
    await this.navegacion.waitFor();
  }

  async ir(seccion: string): Promise<void> {
    await this.abrir();
    await this.navegacion.getByRole('link', { name: seccion, exact: true }).click();
    await this.navegacion.waitFor({ state: 'hidden' });
  }
}

/**
 * The suite's antd select helper (it repeats a click that a list re-rendered while loading
 * swallowed): this file had a simpler copy, and the 390 px journey hung on such a click in CI.
 */
export { elegirOpcion } from './asignacion.ts';
