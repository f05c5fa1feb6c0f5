import type { Locator, Page } from 'playwright-core';

/** The charts of the dashboard, by their card's title. */
export const GRAFICAS = [
  'Metas contra lo logrado',
  'Recuperación por día',
  'Recuperación por antigüedad',
  'Recuperación por canal',
  'Cartera por antigüedad',
] as const;

/** The Tablero page: the month's figures, charts and their tables. */
export class PaginaTablero {
  constructor(readonly page: Page) {}

  async abrirDesdeLaNavegacion(): Promise<void> {
    await this.page
      .getByRole('navigation', { name: 'Navegación principal' })
      .getByRole('link', { name: 'Tablero', exact: true })
      .click();
    await this.esperar();
  }

  async esperar(): Promise<void> {
    await this.page.getByRole('heading', { name: /^Tablero de \w+ de \d{4}$/, level: 1 }).waitFor();
    await this.page.locator('.cifras-tablero').waitFor();
  }

  /** The card of a chart, by its title (an h2). */
  tarjeta(titulo: string): Locator {
    return this.page
      .locator('.ant-card')
      .filter({ has: this.page.getByRole('heading', { name: titulo, exact: true, level: 2 }) });
  }

  /** The chart's image (a recharts svg named for screen readers). */
  imagen(titulo: string): Locator {
    return this.tarjeta(titulo).locator('svg[role="img"]');
  }

  /** How many marks the chart drew: line paths with a shape, bars with a height. */
  async marcas(titulo: string): Promise<number> {
    return this.imagen(titulo).evaluate((svg) => {
      const lineas = [...svg.querySelectorAll('.recharts-line-curve')].filter(
        (p) => (p.getAttribute('d') ?? '').length > 10,
      );
      const barras = [...svg.querySelectorAll('.recharts-bar-rectangle path')].filter(
        (p) => (p.getAttribute('d') ?? '').length > 0,
      );
      return lineas.length + barras.length;
    });
  }

  /** Shows the chart's table and returns its rows as text (header first). */
  async verTabla(titulo: string, boton = 'Ver como tabla'): Promise<string[][]> {
    const tarjeta = this.tarjeta(titulo);
    await tarjeta.getByRole('button', { name: boton }).click();
    const tabla = tarjeta.getByRole('table').last();
    await tabla.waitFor();
    const filas = tabla.getByRole('row');
    const n = await filas.count();
    const r: string[][] = [];
    for (let i = 0; i < n; i++) {
      r.push((await filas.nth(i).locator('th, td').allTextContents()).map((t) => t.trim()));
    }
    return r;
  }
}
