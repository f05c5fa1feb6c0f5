import type { Locator, Page } from 'playwright-core';
import { elegirOpcion } from './asignacion.ts';

/** The Recados page, in the words of whoever answers the phone and whoever gets the message. */
export class PaginaRecados {
  constructor(readonly page: Page) {}

  async abrirDesdeLaNavegacion(): Promise<void> {
    await this.page
      .getByRole('navigation', { name: 'Navegación principal' })
      .getByRole('link', { name: /^Recados/ })
      .click();
    await this.page.getByRole('heading', { name: 'Recados', level: 1 }).waitFor();
  }

  /** The live count beside «Recados» in the navigation, as a screen reader hears it. */
  insignia(): Locator {
    return this.page.getByRole('navigation', { name: 'Navegación principal' }).getByRole('status');
  }

  /** Finds the debtor with the search and picks the one whose option shows `nombre`. */
  async buscarDeudor(busqueda: string, nombre: string): Promise<void> {
    const campo = this.page.getByLabel('Deudor que llama (opcional)');
    await campo.click();
    await campo.fill(busqueda);
    const abierto = this.page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
    await abierto.locator('.ant-select-item-option').filter({ hasText: nombre }).click();
    await abierto.waitFor({ state: 'hidden' });
  }

  async elegirCredito(numero: string): Promise<void> {
    await elegirOpcion(this.page, this.page.getByLabel('Crédito', { exact: true }), numero);
  }

  /** Types «Volver a llamar» as `dd/mm/aaaa hh:mm`. */
  async volverALlamar(texto: string): Promise<void> {
    const campo = this.page.getByLabel('Volver a llamar (opcional)');
    await campo.click();
    await campo.fill(texto);
    await campo.press('Enter');
    await this.page
      .locator('.ant-picker-dropdown:not(.ant-picker-dropdown-hidden)')
      .waitFor({ state: 'hidden' });
  }

  /** A recado of the list, by the caller's name. */
  recado(llamante: string): Locator {
    return this.page.locator('li.recado').filter({ hasText: llamante });
  }
}
