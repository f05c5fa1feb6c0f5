import type { Download, Locator, Page } from 'playwright-core';

/** In the simulator: choosing an offer and capturing it as a convenio. */
export class CapturaDeConvenio {
  constructor(readonly page: Page) {}

  /** Types the first payment date (`dd/mm/aaaa`) and simulates again. */
  async simularConPrimerPago(ddmmaaaa: string): Promise<void> {
    const campo = this.page.getByLabel('Primer pago (opcional)');
    await campo.click();
    await campo.fill(ddmmaaaa);
    await campo.press('Enter');
    await this.page.locator('.ant-picker-dropdown').waitFor({ state: 'hidden' });
    await this.page.getByRole('button', { name: 'Simular' }).click();
  }

  async elegirOferta(nombre: string): Promise<void> {
    await this.page.getByRole('radio', { name: `Elegir ${nombre}` }).check();
  }

  botonCapturar(): Locator {
    return this.page.getByRole('button', { name: 'Capturar convenio' }).first();
  }

  dialogo(): Locator {
    return this.page.getByRole('dialog');
  }

  /** Opens «Capturar convenio», writes the conditions and sends it, with the default signers. */
  async capturar(condiciones: string): Promise<void> {
    await this.botonCapturar().click();
    const d = this.dialogo();
    await d.getByRole('checkbox').first().waitFor();
    await d.getByLabel('Condiciones').fill(condiciones);
    await d.getByRole('button', { name: 'Capturar convenio' }).click();
  }
}

/** One convenio's page: its state, numbers, promises and what can be done with it. */
export class PaginaConvenio {
  constructor(readonly page: Page) {}

  async esperar(): Promise<void> {
    await this.page.getByRole('heading', { name: /^Convenio \d+:/, level: 1 }).waitFor();
  }

  /** The id in the address, `/convenios/:id`. */
  id(): number {
    const m = /\/convenios\/(\d+)/.exec(this.page.url());
    if (m === null) throw new Error(`no es la página de un convenio: ${this.page.url()}`);
    return Number(m[1]);
  }

  /** Waits until the state tag reads `etiqueta` («Propuesto», «Incumplido»…). */
  async esperarEstado(etiqueta: string): Promise<void> {
    await this.page
      .locator('.estado-convenio .ant-tag')
      .getByText(etiqueta, { exact: true })
      .waitFor();
  }

  boton(nombre: string): Locator {
    return this.page.getByRole('button', { name: nombre, exact: true });
  }

  async registrarFirma(): Promise<void> {
    await this.boton('Registrar firma').click();
    const d = this.page.getByRole('dialog');
    await d.getByLabel('Fecha de firma').waitFor();
    await d.getByRole('button', { name: 'Registrar firma' }).click();
    await d.waitFor({ state: 'hidden' });
  }

  promesas(): Locator {
    return this.page.getByRole('table', { name: /Promesas de pago/ });
  }

  /** The cells of promise `numero`'s row: número, fecha, monto, estado. */
  async promesa(numero: number): Promise<string[]> {
    const fila = this.promesas().getByRole('row').nth(numero);
    return (await fila.getByRole('cell').allTextContents()).map((t) => t.trim());
  }

  enlacePdf(): Locator {
    return this.page.getByRole('link', { name: 'Descargar convenio (PDF)' });
  }

  async descargarPdf(): Promise<Download> {
    const [descarga] = await Promise.all([
      this.page.waitForEvent('download'),
      this.enlacePdf().click(),
    ]);
    return descarga;
  }
}

/** The queue of convenios waiting for an authorization. */
export class PaginaPendientes {
  constructor(readonly page: Page) {}

  async abrirDesdeLaNavegacion(): Promise<void> {
    await this.page
      .getByRole('navigation', { name: 'Navegación principal' })
      .getByRole('link', { name: 'Convenios por autorizar' })
      .click();
    await this.page.getByRole('heading', { name: 'Convenios por autorizar', level: 1 }).waitFor();
    await this.page.getByRole('table', { name: 'Convenios por autorizar' }).waitFor();
  }

  fila(id: number): Locator {
    return this.page
      .getByRole('table', { name: 'Convenios por autorizar' })
      .getByRole('row')
      .filter({ has: this.page.getByRole('link', { name: new RegExp(`^Convenio ${id}:`) }) });
  }

  async autorizar(id: number): Promise<void> {
    await this.page.getByRole('button', { name: `Autorizar el convenio ${id}` }).click();
    await this.fila(id).waitFor({ state: 'detached' });
  }
}
