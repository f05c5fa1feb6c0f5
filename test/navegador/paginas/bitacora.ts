import type { Locator, Page } from 'playwright-core';
import { elegirOpcion } from './asignacion.ts';

/** The bitácora, as the administrador reads it. */
export class PaginaBitacora {
  constructor(readonly page: Page) {}

  async abrirDesdeLaNavegacion(): Promise<void> {
    await this.page
      .getByRole('navigation', { name: 'Navegación principal' })
      .getByRole('link', { name: 'Bitácora' })
      .click();
    await this.page.getByRole('heading', { name: 'Bitácora', level: 1 }).waitFor();
  }

  private filtros(): Locator {
    return this.page.getByRole('search', { name: 'Filtrar la bitácora' });
  }

  /** Picks a user by login (the option reads «Nombre (login)») and searches. */
  async filtrarPorUsuario(usuario: string): Promise<void> {
    await elegirOpcion(this.page, this.filtros().getByLabel('Usuario'), `(${usuario})`);
    await this.filtros().getByRole('button', { name: 'Buscar' }).click();
  }

  async verPestana(nombre: 'Movimientos' | 'Denegaciones'): Promise<void> {
    await this.page.getByRole('tab', { name: nombre }).click();
  }

  /** The rows of the table in the open tab (without its header), once its search has arrived. */
  async filas(region: 'Movimientos de la bitácora' | 'Solicitudes denegadas'): Promise<Locator> {
    await this.page
      .locator(`div[aria-busy="false"]:has(> section[aria-label="${region}"])`)
      .waitFor();
    return this.page
      .getByRole('region', { name: region })
      .locator('.ant-table-tbody')
      .getByRole('row');
  }

  enlaceCsv(): Locator {
    return this.page.getByRole('link', { name: 'Descargar CSV' });
  }
}
