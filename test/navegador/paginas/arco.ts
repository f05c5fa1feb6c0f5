import type { Locator, Page } from 'playwright-core';
import { elegirOpcion } from './asignacion.ts';

/** The Derechos ARCO page, in the words of whoever handles the requests. */
export class PaginaArco {
  constructor(readonly page: Page) {}

  async abrirDesdeLaNavegacion(): Promise<void> {
    await this.page
      .getByRole('navigation', { name: 'Navegación principal' })
      .getByRole('link', { name: 'Derechos ARCO' })
      .click();
    await this.page.getByRole('heading', { name: 'Derechos ARCO', level: 1 }).waitFor();
  }

  dialogo(nombre: string | RegExp): Locator {
    return this.page.getByRole('dialog', { name: nombre });
  }

  /** Registers a request for the debtor found with `busqueda` (the option that shows `nombre`). */
  async registrar(derecho: string, busqueda: string, nombre: string, descripcion: string) {
    await this.page.getByRole('button', { name: 'Registrar solicitud' }).click();
    const d = this.dialogo('Registrar solicitud ARCO');
    await d.waitFor();
    await elegirOpcion(this.page, d.getByLabel('Derecho'), derecho);
    const campo = d.getByLabel('Titular en Recupera');
    await campo.click();
    await campo.fill(busqueda);
    const abierto = this.page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
    await abierto.locator('.ant-select-item-option').filter({ hasText: nombre }).click();
    await abierto.waitFor({ state: 'hidden' });
    await d.getByLabel('Medio para notificarle').fill('En ventanilla');
    await d.getByLabel('Qué solicita').fill(descripcion);
    return d;
  }

  /** The open request's card. */
  detalle(): Locator {
    return this.page.locator('.ant-card').filter({
      has: this.page.getByRole('heading', { name: /^Solicitud ARCO-/ }),
    });
  }

  /** Opens the step's dialog from the request's buttons. */
  async paso(boton: string, dialogo: RegExp): Promise<Locator> {
    await this.detalle().getByRole('button', { name: boton, exact: true }).click();
    const d = this.dialogo(dialogo);
    await d.waitFor();
    return d;
  }
}
