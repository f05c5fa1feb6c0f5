import axe from 'axe-core';
import type { Page } from 'playwright-core';

/** One rule axe-core found broken, with where (CSS selectors), in a line a person can read. */
export interface Infraccion {
  regla: string;
  impacto: string | null;
  ayuda: string;
  donde: string[];
}

/**
 * Runs axe-core (WCAG 2 A and AA rules) on the page as it is now, or only within the elements
 * that match `dentro` (a CSS selector), and returns what it finds broken; a screen passes when
 * the list is empty. The engine is injected into the page, so it checks what the person sees,
 * at the current viewport.
 */
/**
 * Waits for the page's finite animations (a notice fading in, a dialog opening): axe measured
 * a success message's contrast halfway through its fade-in and failed a CI run on it. Endless
 * ones (spinners) are not waited for, and nothing is waited for more than 2 s.
 */
async function animacionesTerminadas(page: Page): Promise<void> {
  // A string, evaluated in the page: this project's types have no DOM.
  await page.evaluate(`Promise.race([
    Promise.all(document.getAnimations()
      .filter((a) => a.effect?.getComputedTiming().iterations !== Infinity)
      .map((a) => a.finished.catch(() => undefined))),
    new Promise((listo) => setTimeout(listo, 2000)),
  ])`);
}

export async function infraccionesDeAccesibilidad(
  page: Page,
  dentro: string | null = null,
): Promise<Infraccion[]> {
  await animacionesTerminadas(page);
  // Evaluated, not added as a <script>: the app's CSP (script-src 'self') rightly blocks inline ones.
  await page.evaluate(axe.source);
  return page.evaluate(async (selector) => {
    // Runs in the page: the whole document, or only what `selector` matches.
    const motor = (globalThis as unknown as { axe: typeof axe }).axe;
    const opciones: axe.RunOptions = {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    };
    const r = await (selector === null
      ? motor.run(opciones)
      : motor.run({ include: [selector] }, opciones));
    return r.violations.map((v) => ({
      regla: v.id,
      impacto: v.impact ?? null,
      ayuda: v.help,
      donde: v.nodes.map((n) => n.target.join(' ')),
    }));
  }, dentro);
}
