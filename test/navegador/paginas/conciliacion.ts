import type { Locator, Page } from 'playwright-core';

/** Bank reconciliation, as Contabilidad y Finanzas does it. */
export class PaginaConciliacion {
  constructor(readonly page: Page) {}

  async abrirDesdeLaNavegacion(): Promise<void> {
    await this.page
      .getByRole('navigation', { name: 'Navegación principal' })
      .getByRole('link', { name: 'Conciliación' })
      .click();
    await this.page.getByRole('heading', { name: 'Conciliación bancaria', level: 1 }).waitFor();
  }

  /** Chooses the bank's CSV and imports it; returns the result's summary as displayed. */
  async importar(nombre: string, csv: string): Promise<string> {
    await this.page
      .getByLabel('Estado de cuenta del banco (CSV)')
      .setInputFiles({ name: nombre, mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
    const [respuesta] = await Promise.all([
      this.page.waitForResponse(
        (r) =>
          new URL(r.url()).pathname === '/api/conciliacion/estados-bancarios' &&
          r.request().method() === 'POST',
      ),
      this.page.getByRole('button', { name: 'Importar' }).click(),
    ]);
    const { importacion } = (await respuesta.json()) as { importacion: { id: number } };
    // This import's summary, not the previous one's still on screen.
    const resultado = this.resultado().and(
      this.page.locator(`[data-importacion="${importacion.id}"]`),
    );
    await resultado.waitFor();
    return (await resultado.getByRole('alert').textContent()) ?? '';
  }

  resultado(): Locator {
    return this.page.getByRole('region', { name: 'Resultado de la importación' });
  }

  /** A deposit's row in «Depósitos por resolver», by its bank folio. */
  deposito(folio: string): Locator {
    return this.page.locator('.lista-depositos').getByRole('row').filter({ hasText: folio });
  }

  async asignar(folio: string, numeroCredito: string): Promise<void> {
    await this.page.getByRole('button', { name: `Asignar a crédito el depósito ${folio}` }).click();
    const dialogo = this.page.getByRole('dialog', {
      name: `Asignar a crédito el depósito ${folio}`,
    });
    await dialogo.getByLabel('Número de crédito').fill(numeroCredito);
    await dialogo.getByRole('button', { name: 'Asignar y registrar pago' }).click();
    await dialogo.waitFor({ state: 'hidden' });
  }
}
