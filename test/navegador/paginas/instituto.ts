import type { Locator, Page } from 'playwright-core';

/** Configuración › Datos del instituto, as the administrador uses it. */
export class PaginaDatosDelInstituto {
  constructor(readonly page: Page) {}

  async abrirDesdeLaNavegacion(): Promise<void> {
    await this.page
      .getByRole('navigation', { name: 'Navegación principal' })
      .getByRole('link', { name: 'Datos del instituto', exact: true })
      .click();
    await this.page.getByRole('heading', { name: 'Datos del instituto', level: 1 }).waitFor();
  }

  /** A framed group of fields: «Cuenta 2», «Convenio». */
  grupo(nombre: string): Locator {
    return this.page.getByRole('group', { name: nombre, exact: true });
  }

  async llenar(grupo: string, campo: string, valor: string): Promise<void> {
    const entrada = this.grupo(grupo).getByLabel(campo, { exact: true });
    await entrada.fill(valor);
  }

  async agregarCuenta(): Promise<void> {
    await this.page.getByRole('button', { name: 'Agregar cuenta' }).click();
  }

  async guardar(): Promise<void> {
    await this.page.getByRole('button', { name: 'Guardar datos del instituto' }).click();
  }

  /** «Versión 2, guardada por … el dd/mm/aaaa hh:mm.» */
  async versionVigente(): Promise<string> {
    return (await this.page.getByTestId('version-vigente').textContent()) ?? '';
  }
}
