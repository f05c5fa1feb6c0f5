import type { Locator, Page } from 'playwright-core';

/** The walk-in register, in the words of the office's staff. */
export class PaginaTurnos {
  constructor(readonly page: Page) {}

  async abrirDesdeLaNavegacion(): Promise<void> {
    await this.page
      .getByRole('navigation', { name: 'Navegación principal' })
      .getByRole('link', { name: 'Turnos' })
      .click();
    await this.page.getByRole('heading', { name: 'Turnos de ventanilla', level: 1 }).waitFor();
  }

  /** Waits until the page listens to the server's notices. */
  async esperarEnVivo(): Promise<void> {
    await this.page.getByRole('status').filter({ hasText: 'En vivo' }).waitFor();
  }

  async registrarLlegada(nombre: string, motivo: string): Promise<void> {
    await this.page.getByLabel('Nombre').fill(nombre);
    await this.page.getByLabel('Motivo').click();
    await this.page.locator(`.ant-select-item-option[title="${motivo}"]`).click();
    await this.page.getByRole('button', { name: 'Registrar llegada' }).click();
  }

  /** A waiting turn of the live queue, by the person's name. */
  enEspera(nombre: string): Locator {
    return this.page
      .getByRole('list', { name: 'Turnos en espera, por orden de llegada' })
      .getByRole('listitem')
      .filter({ hasText: nombre });
  }

  /** A turn of «Mis turnos en atención», by the person's name. */
  enAtencion(nombre: string): Locator {
    return this.page
      .locator('.ant-card')
      .filter({ has: this.page.getByRole('heading', { name: /^Mis turnos en atención/ }) })
      .getByRole('listitem')
      .filter({ hasText: nombre });
  }

  async tomar(nombre: string): Promise<void> {
    await this.page
      .getByRole('button', { name: new RegExp(`^Tomar el turno .* de ${nombre}$`) })
      .click();
  }

  /** Links the turn to the person on file, found by what is typed in the dialog's search. */
  async vincularPersona(clave: string, busqueda: string, nombre: string): Promise<void> {
    await this.page.getByRole('button', { name: `Vincular persona del turno ${clave}` }).click();
    const dialogo = this.page.getByRole('dialog', { name: `Vincular persona al turno ${clave}` });
    await dialogo.getByLabel('Persona atendida').fill(busqueda);
    await this.page.locator('.ant-select-item-option').filter({ hasText: nombre }).click();
    await dialogo.getByRole('button', { name: 'Vincular' }).click();
    await dialogo.waitFor({ state: 'hidden' });
  }

  async cerrar(clave: string, resultado: string): Promise<void> {
    await this.page.getByRole('button', { name: `Cerrar el turno ${clave}` }).click();
    const dialogo = this.page.getByRole('dialog', {
      name: new RegExp(`^Cerrar el turno ${clave}`),
    });
    await dialogo.getByLabel('Resultado de la atención').fill(resultado);
    await dialogo.getByRole('button', { name: 'Cerrar turno' }).click();
    await dialogo.waitFor({ state: 'hidden' });
  }

  /** The turn's row in «Turnos del día». */
  filaDelDia(nombre: string): Locator {
    return this.page
      .locator('.ant-card')
      .filter({ has: this.page.getByRole('heading', { name: /^Turnos del día/ }) })
      .getByRole('row')
      .filter({ hasText: nombre });
  }

  /** A figure of «Indicadores del día», as displayed (`100 %`). */
  async indicador(nombre: string): Promise<string> {
    const valor = this.page.locator('dl.cifras-turnos > div').filter({
      has: this.page.locator('dt').getByText(nombre, { exact: true }),
    });
    return ((await valor.locator('dd').textContent()) ?? '').trim();
  }
}
