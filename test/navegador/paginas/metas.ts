import type { Locator, Page } from 'playwright-core';

/** The Metas page, in the words of a coordinador who sets his gestores' goals. */
export class PaginaMetas {
  constructor(readonly page: Page) {}

  async abrirDesdeLaNavegacion(): Promise<void> {
    await this.page
      .getByRole('navigation', { name: 'Navegación principal' })
      .getByRole('link', { name: 'Metas', exact: true })
      .click();
    await this.page.getByRole('heading', { name: /^Metas de \w+ de \d{4}$/, level: 1 }).waitFor();
  }

  fila(nombre: string): Locator {
    return this.page.getByRole('row').filter({ hasText: nombre });
  }

  /** Opens the goals dialog of `nombre` with the keyboard: focus on «Editar», Enter. */
  async editar(nombre: string): Promise<Locator> {
    const boton = this.page.getByRole('button', { name: `Editar las metas de ${nombre}` });
    await boton.focus();
    await this.page.keyboard.press('Enter');
    const dialogo = this.page.getByRole('dialog', { name: new RegExp(`^Metas de ${nombre} para`) });
    await dialogo.waitFor();
    return dialogo;
  }

  /** Types one item's goal and weight, moving with Tab as a keyboard user would. */
  async escribirItem(dialogo: Locator, item: string, meta: string, peso: string): Promise<void> {
    const grupo = dialogo.getByRole('group', { name: item });
    await grupo.getByLabel(/^Meta/).fill(meta);
    await this.page.keyboard.press('Tab');
    await this.page.keyboard.type(peso);
    await this.page.keyboard.press('Tab');
  }

  async historial(nombre: string): Promise<Locator> {
    await this.page.getByRole('button', { name: `Historial de las metas de ${nombre}` }).click();
    const dialogo = this.page.getByRole('dialog', {
      name: new RegExp(`^Historial de metas de ${nombre}`),
    });
    await dialogo.waitFor();
    return dialogo;
  }
}
