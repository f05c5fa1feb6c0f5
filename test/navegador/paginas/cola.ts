import type { Locator, Page } from 'playwright-core';

/** «Mi cartera hoy», in the words of a gestor starting the day. */
export class PaginaCola {
  constructor(readonly page: Page) {}

  async abrirDesdeLaNavegacion(): Promise<void> {
    await this.page
      .getByRole('navigation', { name: 'Navegación principal' })
      .getByRole('link', { name: 'Mi cartera hoy' })
      .click();
    await this.page.getByRole('heading', { name: 'Mi cartera hoy', level: 1 }).waitFor();
    await this.lista.locator(':scope > li').first().waitFor();
  }

  get lista(): Locator {
    return this.page.getByRole('list', { name: 'Cuentas por trabajar' });
  }

  /** The accounts' numbers, in the order the queue ranks them. */
  async numeros(): Promise<string[]> {
    await this.page.locator('.cola-lista[aria-busy="false"]').waitFor();
    return this.lista.locator(':scope > li .enlace-credito').allTextContents();
  }

  /** The motives shown on an account's row. */
  async motivos(numero: string): Promise<string[]> {
    await this.page.locator('.cola-lista[aria-busy="false"]').waitFor();
    const fila = this.lista
      .locator(':scope > li')
      .filter({ has: this.page.getByRole('link', { name: numero, exact: true }) });
    return fila.getByRole('list', { name: 'Motivos' }).getByRole('listitem').allTextContents();
  }

  /** The page's width in CSS pixels: more than the window means it scrolls sideways. */
  async anchoDePagina(): Promise<number> {
    return this.page.evaluate<number>('document.documentElement.scrollWidth');
  }

  async siguienteCuenta(): Promise<void> {
    await this.page.getByRole('button', { name: 'Siguiente cuenta' }).click();
  }
}

/** The «Registrar gestión» dialog, driven with the keyboard alone. */
export class DialogoDeGestion {
  constructor(readonly page: Page) {}

  get dialogo(): Locator {
    return this.page.getByRole('dialog', { name: 'Registrar gestión' });
  }

  /** The id of the focused element, to prove where the keyboard is. */
  async enfocado(): Promise<string> {
    return this.page.evaluate<string>("document.activeElement?.id ?? ''");
  }

  /** The focused element's accessible name, for a button without an id («Mostrar»). */
  async etiquetaEnfocada(): Promise<string> {
    return this.page.evaluate<string>(
      "document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent ?? ''",
    );
  }

  async esperarFoco(id: string): Promise<void> {
    await this.page.waitForFunction(`document.activeElement?.id === ${JSON.stringify(id)}`);
  }

  /** In an antd select with search: type to filter, Enter picks the first match. */
  async elegir(texto: string): Promise<void> {
    await this.page.keyboard.type(texto);
    await this.page
      .locator(
        '.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option-active',
      )
      .filter({ hasText: texto })
      .waitFor();
    await this.page.keyboard.press('Enter');
    // As a person would, Tab once the list has closed (it closes with an animation).
    await this.page
      .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)')
      .waitFor({ state: 'detached' });
  }

  async tab(veces = 1): Promise<void> {
    for (let i = 0; i < veces; i++) await this.page.keyboard.press('Tab');
  }

  async escribir(texto: string): Promise<void> {
    await this.page.keyboard.type(texto);
  }

  /** The error said above the form. */
  async error(): Promise<string> {
    const alerta = this.dialogo.getByRole('alert').first();
    await alerta.waitFor();
    return (await alerta.textContent()) ?? '';
  }
}
