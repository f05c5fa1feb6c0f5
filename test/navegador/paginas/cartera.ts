import type { Download, Locator, Page } from 'playwright-core';

/** The Cartera list, in the words of a gestor looking for a credit. */
export class PaginaCartera {
  constructor(readonly page: Page) {}

  async abrirDesdeLaNavegacion(): Promise<void> {
    await this.page
      .getByRole('navigation', { name: 'Navegación principal' })
      .getByRole('link', { name: 'Cartera', exact: true })
      .click();
    await this.page.getByRole('heading', { name: 'Cartera', level: 1 }).waitFor();
  }

  async buscarNumero(prefijo: string): Promise<void> {
    await this.page.getByLabel('Número de crédito').fill(prefijo);
    await this.page.getByRole('button', { name: 'Buscar' }).click();
    await this.page.locator('.lista-cartera[aria-busy="false"]').waitFor();
  }

  /** The credit's row, found by its número. */
  fila(numero: string): Locator {
    return this.page
      .getByRole('row')
      .filter({ has: this.page.getByRole('link', { name: numero }) });
  }

  async abrirCredito(numero: string): Promise<void> {
    await this.page.getByRole('link', { name: numero }).click();
  }
}

/** One credit's page: header, statement at a cut-off date, its tables and the PDF. */
export class PaginaCredito {
  constructor(readonly page: Page) {}

  async esperar(numero: string): Promise<void> {
    await this.page.getByRole('heading', { name: `Crédito ${numero}`, level: 1 }).waitFor();
  }

  /** Waits until the statement shown is the one at `ddmmaaaa` (`30/06/2024`). */
  async esperarEstadoAl(ddmmaaaa: string): Promise<void> {
    await this.page
      .getByRole('heading', { name: `Estado de cuenta al ${ddmmaaaa}`, level: 2 })
      .waitFor();
    await this.page.locator('section[aria-busy="false"]').waitFor();
  }

  /** Types a date into «Fecha de corte», as a person would with the keyboard. */
  async cambiarFechaDeCorte(ddmmaaaa: string): Promise<void> {
    const campo = this.page.getByLabel('Fecha de corte');
    await campo.click();
    await campo.press('ControlOrMeta+A');
    await campo.fill(ddmmaaaa);
    await campo.press('Enter');
    await this.page.locator('.ant-picker-dropdown').waitFor({ state: 'hidden' });
  }

  /** A figure of the statement summary, as displayed (`$4,862.42`, `121`). */
  async cifra(nombre: string): Promise<string> {
    const valor = this.page.locator('dl.cifras-principales > div').filter({
      has: this.page.locator('dt').getByText(nombre, { exact: true }),
    });
    return ((await valor.locator('dd').textContent()) ?? '').trim();
  }

  async descargarPdf(): Promise<Download> {
    const [descarga] = await Promise.all([
      this.page.waitForEvent('download'),
      this.page.getByRole('link', { name: 'Descargar PDF' }).click(),
    ]);
    return descarga;
  }

  async anchoDePagina(): Promise<number> {
    return this.page.evaluate<number>('document.documentElement.scrollWidth');
  }
}
