import type { Download, Locator, Page } from 'playwright-core';

/** The header's search box, as a gestor at the counter uses it: type, arrows, Enter. */
export class BuscadorGlobal {
  constructor(readonly page: Page) {}

  get caja(): Locator {
    return this.page.getByRole('combobox', { name: 'Buscar acreditado o aval' });
  }

  async escribir(texto: string): Promise<void> {
    await this.caja.click();
    await this.caja.pressSequentially(texto, { delay: 40 });
  }

  /** A result of the open list, by the person's name. */
  resultado(nombre: string): Locator {
    return this.page.getByRole('listbox').getByRole('option').filter({ hasText: nombre });
  }

  /** Types the whole text at once and presses Enter at once, before any result can arrive. */
  async escribirYEnter(texto: string): Promise<void> {
    await this.caja.click();
    await this.caja.fill(texto);
    await this.caja.press('Enter');
  }

  /** The list's options that are people (not «Ver más»). */
  personas(): Locator {
    return this.page
      .getByRole('listbox', { name: 'Resultados de la búsqueda' })
      .getByRole('option')
      .filter({ hasNotText: /^(Ver más resultados|Cargando más resultados…)$/ });
  }

  verMas(): Locator {
    return this.page.getByRole('option', { name: 'Ver más resultados' });
  }

  /** The line under the box when nobody is listed or someone elsewhere also matches. */
  aviso(texto: string | RegExp): Locator {
    return this.page.locator('.buscador-desplegable .buscador-aviso').filter({ hasText: texto });
  }

  /** Moves down the list with ↓ until `nombre` is the chosen row, then opens it with Enter. */
  async abrirConTeclado(nombre: string): Promise<void> {
    const opcion = this.resultado(nombre);
    await opcion.waitFor();
    for (let i = 0; i < 20; i++) {
      await this.caja.press('ArrowDown');
      if ((await opcion.getAttribute('aria-selected')) === 'true') {
        await this.caja.press('Enter');
        return;
      }
    }
    throw new Error(`«${nombre}» no se pudo elegir con el teclado`);
  }
}

/** The debtor's ficha: who they are, how to reach them, their credits and payments. */
export class PaginaFicha {
  constructor(readonly page: Page) {}

  async esperar(nombre: string): Promise<void> {
    await this.page.getByRole('heading', { name: nombre, level: 1 }).waitFor();
  }

  filaDeCredito(numero: string): Locator {
    return this.page
      .getByRole('row')
      .filter({ has: this.page.getByRole('link', { name: numero, exact: true }) });
  }

  async abrirCredito(numero: string): Promise<void> {
    await this.page.getByRole('link', { name: numero, exact: true }).click();
  }
}

/** The «Registrar pago» panel of a credit's page. */
export class RegistroDePago {
  constructor(readonly page: Page) {}

  get panel(): Locator {
    return this.page.locator('#panel-pago');
  }

  async llenar(datos: { monto: string; canal: string; referencia: string }): Promise<void> {
    await this.panel.getByLabel('Monto').fill(datos.monto);
    await this.panel.getByLabel(datos.canal).check();
    await this.panel
      .getByLabel('Referencia bancaria o número de recibo de caja')
      .fill(datos.referencia);
  }

  async vistaPrevia(): Promise<string> {
    await this.panel.getByRole('button', { name: 'Vista previa' }).click();
    const seccion = this.panel.getByRole('region', { name: /^Si paga / });
    await seccion.waitFor();
    return (await seccion.textContent()) ?? '';
  }

  /** Two clicks in a row, as an impatient hand does: the payment must post once. */
  async registrarConDobleClic(): Promise<void> {
    await this.panel.getByRole('button', { name: 'Registrar pago' }).dblclick();
  }

  async registrar(): Promise<void> {
    await this.panel.getByRole('button', { name: 'Registrar pago' }).click();
  }

  /** Closes the last result, so the next one is told apart. */
  async cerrarResultado(): Promise<void> {
    await this.panel.getByRole('button', { name: 'Cerrar el aviso del pago registrado' }).click();
  }

  /** The warning with which the server stopped the last attempt, by its title. */
  aviso(titulo: string): Locator {
    return this.panel.getByRole('alert').filter({ hasText: titulo });
  }

  /** Waits for the result and returns its folio. */
  async esperarRegistrado(): Promise<number> {
    const aviso = this.panel.getByText(/^Pago registrado con folio \d+$/);
    await aviso.waitFor();
    const texto = (await aviso.textContent()) ?? '';
    return Number(/(\d+)$/.exec(texto)?.[1]);
  }

  async descargarRecibo(): Promise<Download> {
    const [descarga] = await Promise.all([
      this.page.waitForEvent('download'),
      this.panel.getByRole('link', { name: 'Descargar recibo' }).click(),
    ]);
    return descarga;
  }

  async errorDelCampo(etiqueta: string): Promise<string> {
    const id = await this.panel.getByLabel(etiqueta).getAttribute('id');
    const explicacion = this.panel.locator(`#${id}_help`);
    await explicacion.waitFor();
    return (await explicacion.textContent()) ?? '';
  }
}
