import type { Locator, Page } from 'playwright-core';

/** The simulator at the counter: every offer side by side, and the ones that do not qualify. */
export class PaginaSimulador {
  constructor(readonly page: Page) {}

  /** From the credit page or the ficha: the «Simular alternativas» button. */
  async abrirDesdeBoton(): Promise<void> {
    await this.page.getByRole('button', { name: 'Simular alternativas' }).click();
    await this.esperar();
  }

  async esperar(): Promise<void> {
    await this.page.getByRole('heading', { name: 'Simular alternativas', level: 1 }).waitFor();
    await this.tabla().waitFor();
  }

  tabla(): Locator {
    return this.page.getByRole('table', { name: /Lo que se le puede ofrecer/ });
  }

  /** An offer's row in the comparison, by its name. */
  oferta(nombre: string): Locator {
    return this.tabla()
      .getByRole('row')
      .filter({ has: this.page.getByText(nombre, { exact: true }) });
  }

  /** A cell of an offer's row, by column header («Pago ahora», «Total», …). */
  async celda(nombre: string, columna: string): Promise<string> {
    const encabezados = await this.tabla().locator('thead th').allTextContents();
    const indice = encabezados.findIndex((t) => t.trim() === columna);
    if (indice < 0) throw new Error(`no hay columna «${columna}»: ${encabezados.join(' | ')}`);
    const texto = await this.oferta(nombre).first().locator('td').nth(indice).textContent();
    return (texto ?? '').trim();
  }

  async verPlan(nombre: string): Promise<Locator> {
    await this.page.getByRole('button', { name: `Ver el plan de ${nombre}` }).click();
    const plan = this.page.getByRole('table', { name: `Plan de pagos de ${nombre}` });
    await plan.waitFor();
    return plan;
  }

  noCalifican(): Locator {
    return this.page.getByRole('list', { name: 'Alternativas que no califican' });
  }

  async anchoDePagina(): Promise<number> {
    return this.page.evaluate<number>('document.documentElement.scrollWidth');
  }
}

/** The administrador's catalogue: alternatives with their versions, and campaigns. */
export class PaginaCatalogo {
  constructor(readonly page: Page) {}

  async abrirDesdeLaNavegacion(): Promise<void> {
    await this.page
      .getByRole('navigation', { name: 'Navegación principal' })
      .getByRole('link', { name: 'Alternativas y campañas' })
      .click();
    await this.page.getByRole('heading', { name: 'Alternativas y campañas', level: 1 }).waitFor();
    await this.page.getByRole('table', { name: 'Alternativas' }).waitFor();
  }

  dialogo(): Locator {
    return this.page.getByRole('dialog');
  }

  /** Fills «Nueva campaña» with what the Junta Directiva approved and submits it. */
  async crearCampana(datos: {
    clave: string;
    nombre: string;
    acuerdo: string;
    descuentoMoratorio: string;
  }): Promise<void> {
    await this.page.getByRole('button', { name: 'Nueva campaña' }).click();
    const d = this.dialogo();
    await d.getByLabel('Clave', { exact: true }).fill(datos.clave);
    await d.getByLabel('Nombre', { exact: true }).fill(datos.nombre);
    await d.getByLabel('Acuerdo de la Junta Directiva').fill(datos.acuerdo);
    await d.getByLabel('Descuento sobre moratorio (%)').fill(datos.descuentoMoratorio);
    await d.getByRole('button', { name: 'Crear campaña' }).click();
  }

  /** The error shown under a field of the open dialog. */
  async errorDelCampo(etiqueta: string): Promise<string> {
    const item = this.dialogo()
      .locator('.ant-form-item')
      .filter({ has: this.page.getByLabel(etiqueta, { exact: true }) });
    const error = item.locator('.ant-form-item-explain-error');
    await error.waitFor();
    return (await error.textContent()) ?? '';
  }

  fila(tabla: 'Alternativas' | 'Campañas', nombre: string): Locator {
    return this.page
      .getByRole('table', { name: tabla })
      .getByRole('row')
      .filter({ has: this.page.getByText(nombre, { exact: true }) });
  }

  /** «Editar» an alternative: changes some fields (by label) and saves it as a new version. */
  async versionarAlternativa(nombre: string, cambios: Record<string, string>): Promise<void> {
    await this.page.getByRole('button', { name: `Editar ${nombre}` }).click();
    const d = this.dialogo();
    for (const [campo, valor] of Object.entries(cambios)) {
      await d.getByLabel(campo, { exact: true }).fill(valor);
    }
    await this.page.screenshot({ path: 'test-results/simulador-editar-alternativa.png' });
    await d.getByRole('button', { name: 'Guardar versión' }).click();
    await d.waitFor({ state: 'hidden' });
  }

  /** The «Versiones» dialog of an alternative or campaign: its table of versions. */
  async versiones(nombre: string): Promise<Locator> {
    await this.page.getByRole('button', { name: `Versiones de ${nombre}` }).click();
    const tabla = this.dialogo().getByRole('table');
    await tabla.getByRole('row').nth(1).waitFor();
    await this.page.locator('.ant-modal-wrap:not(.ant-zoom-appear)').last().waitFor();
    return tabla;
  }

  /** «Nueva alternativa» of kind regularización, limited to `oficina`; submits it. */
  async crearRegularizacion(datos: {
    clave: string;
    nombre: string;
    pagosMaximos: string;
    oficina: string;
  }): Promise<void> {
    await this.page.getByRole('button', { name: 'Nueva alternativa' }).click();
    const d = this.dialogo();
    await d.getByLabel('Clave', { exact: true }).fill(datos.clave);
    await d.getByLabel('Nombre', { exact: true }).fill(datos.nombre);
    await d.getByLabel('Pagos máximos', { exact: true }).fill(datos.pagosMaximos);
    const oficinas = d.getByLabel('Oficinas (claves)', { exact: true });
    await oficinas.fill(datos.oficina);
    await oficinas.press('Enter');
    await d.getByRole('button', { name: 'Crear alternativa' }).click();
  }
}
