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
    return ((await valor.locator('dd').first().textContent()) ?? '').trim();
  }

  /** The line of a cancellation, by the folio of the payment it cancels. */
  cancelacionDe(folio: number): Locator {
    return this.page.getByRole('row').filter({ hasText: `Cancela el folio ${folio}` });
  }

  /** Whether the day is closed, as the notice above the figures says it. */
  aviso(): Locator {
    return this.page.getByRole('alert').filter({ hasText: /^Corte (abierto|cerrado)/ });
  }

  /** The Monto column of «Movimientos del corte», in centavos, as displayed. */
  async montosDeLasLineas(): Promise<number[]> {
    const tabla = this.page.locator('.ant-card').filter({
      has: this.page.getByRole('heading', { name: /^Movimientos del corte/ }),
    });
    const encabezados = await tabla.locator('thead th').allTextContents();
    const columna = encabezados.indexOf('Monto');
    const celdas = await tabla
      .locator('tbody tr.ant-table-row')
      .locator(`td:nth-child(${columna + 1})`)
      .allTextContents();
    return celdas.map((t) => Math.round(Number(t.replace(/[$,\s]/g, '')) * 100));
  }

  /** Contabilidad closes the day: the button, its confirmation, and the closed notice. */
  async cerrarCorte(): Promise<void> {
    await this.page.getByRole('button', { name: 'Cerrar corte' }).click();
    const dialogo = this.page.getByRole('dialog').filter({ hasText: '¿Cerrar el corte del' });
    await dialogo.waitFor();
    await dialogo.getByRole('button', { name: 'Cerrar corte' }).click();
    await this.page
      .getByRole('alert')
      .filter({ hasText: /^Corte cerrado por/ })
      .waitFor();
  }
}
