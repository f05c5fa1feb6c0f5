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
    // antd moves the focus into the dialog when its opening animation ends: typing before
    // that (a loaded CI machine) had the later Tab presses start from the dialog itself, and
    // the reason went into another field. Wait until the dialog holds the focus, at rest.
    // (An expression, polled: the app's CSP forbids the eval waitForFunction would need.)
    const enReposo = `document.getAnimations().every((a) => a.playState !== 'running' ||
        a.effect?.getComputedTiming().iterations === Infinity) &&
      document.querySelector('.ant-modal-wrap')?.contains(document.activeElement) === true`;
    for (let i = 0; i < 100 && !(await this.page.evaluate<boolean>(enReposo)); i++) {
      await this.page.waitForTimeout(50);
    }
    return dialogo;
  }

  /** Presses Tab until `campo` has the focus, a few times at most (a keyboard user's way). */
  async tabuladorHasta(campo: Locator, maximo = 4): Promise<void> {
    const enfocado = () => campo.evaluate((e) => e === e.ownerDocument.activeElement);
    for (let i = 0; i < maximo && !(await enfocado()); i++) await this.page.keyboard.press('Tab');
    if (!(await enfocado())) throw new Error('el tabulador no llegó al campo');
  }

  /** Types one item's goal and weight, moving with Tab as a keyboard user would. */
  async escribirItem(dialogo: Locator, item: string, meta: string, peso: string): Promise<void> {
    const grupo = dialogo.getByRole('group', { name: item });
    await grupo.getByLabel(/^Meta/).fill(meta);
    await this.tabuladorHasta(grupo.getByLabel(/^Peso/));
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
