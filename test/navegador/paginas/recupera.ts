import type { Page } from 'playwright-core';

/** What a person does on Recupera's screens, in their words: the tests read like the journey. */
export class PaginaRecupera {
  constructor(
    readonly page: Page,
    readonly url: string,
  ) {}

  async abrir(ruta = '/'): Promise<void> {
    await this.page.goto(`${this.url}${ruta}`);
  }

  async entrar(usuario: string, contrasena: string): Promise<void> {
    await this.page.getByLabel('Usuario').fill(usuario);
    await this.page.getByLabel('Contraseña').fill(contrasena);
    await this.page.getByRole('button', { name: 'Entrar' }).click();
  }

  /** Resolves once the login form shows; fails the test by timeout otherwise. */
  async botonEntrar(): Promise<void> {
    await this.page.getByRole('button', { name: 'Entrar' }).waitFor();
  }

  async alerta(): Promise<string> {
    const alerta = this.page.getByRole('alert').first();
    await alerta.waitFor();
    return (await alerta.textContent()) ?? '';
  }

  async esperarInicio(nombre: string): Promise<void> {
    await this.page.getByRole('heading', { name: 'Inicio' }).waitFor();
    await this.page.getByText(`Hola, ${nombre}`).waitFor();
  }

  async cerrarSesion(): Promise<void> {
    await this.page.getByRole('button', { name: /menú de usuario/ }).click();
    await this.page.getByText('Cerrar sesión').click();
    await this.botonEntrar();
  }
}
