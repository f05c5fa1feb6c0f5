import type { Locator, Page } from 'playwright-core';

/** The day's cash report, as accounting and the coordinador read it. */
export class PaginaCaja {
  constructor(readonly page: Page) {}

  async abrirDesdeLaNavegacion(ddmmaaaa: string): Promise<void> {
    await this.page
      .getByRole('navigation', { name: 'Navegación principal' })
      .getByRole('link', { name: 'Corte de caja' })
      .click();
    await this.page
      .getByRole('heading', { name: `Corte de caja del ${ddmmaaaa}`, level: 1 })
      .waitFor();
    await this.page.locator('section[aria-label="Totales del día"][aria-busy="false"]').waitFor();
  }

  /** A payment's row of «Pagos del día», by its folio. */
  fila(folio: number): Locator {
    return this.page
      .getByRole('row')
      .filter({ has: this.page.getByRole('link', { name: `Descargar recibo del pago ${folio}` }) });
  }

  /** A figure of the day's totals, as displayed (`$0.00`, `2`). */
  async cifra(nombre: string): Promise<string> {
    const valor = this.page.locator('dl.cifras-caja > div').filter({
      has: this.page.locator('dt').getByText(nombre, { exact: true }),
    });
    return ((await valor.locator('dd').textContent()) ?? '').trim();
  }
}
