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
export async function infraccionesDeAccesibilidad(
  page: Page,
  dentro: string | null = null,
): Promise<Infraccion[]> {
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
