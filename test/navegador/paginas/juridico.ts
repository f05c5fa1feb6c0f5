import type { Download, Locator, Page } from 'playwright-core';
import { elegirOpcion } from './asignacion.ts';

/** The Jurídico page, in the words of the coordinador who turns accounts over to a law firm. */
export class PaginaJuridico {
  constructor(readonly page: Page) {}

  async abrirDesdeLaNavegacion(): Promise<void> {
    await this.page
      .getByRole('navigation', { name: 'Navegación principal' })
      .getByRole('link', { name: 'Jurídico' })
      .click();
    await this.page.getByRole('heading', { name: 'Jurídico', level: 1 }).waitFor();
  }

  async seccion(
    nombre: 'Turnar cuentas' | 'Cuentas turnadas' | 'Reporte por despacho' | 'Despachos',
  ): Promise<void> {
    const grupo = this.page.getByRole('radiogroup', { name: 'Sección de Jurídico' });
    // The radio itself is hidden under its button: a person clicks the button.
    await grupo.locator('label').filter({ hasText: nombre }).click();
    await grupo.getByRole('radio', { name: nombre, checked: true }).waitFor({ state: 'attached' });
  }

  criterios(): Locator {
    return this.page.getByRole('search', { name: 'Criterios para turnar' });
  }

  /** Searches the accounts that prescribe within `dias`, with no other criterion. */
  async buscarPorPrescripcion(dias: number): Promise<void> {
    const criterios = this.criterios();
    await criterios.getByLabel('Prescribe en (días)').fill(String(dias));
    await criterios.getByRole('button', { name: 'Buscar cuentas' }).click();
  }

  /** The rows of the section's table (without its header). */
  filas(): Locator {
    return this.page.locator('main .ant-table-tbody tr.ant-table-row');
  }

  async elegirTodas(): Promise<void> {
    await this.page.getByRole('button', { name: 'Elegir todas' }).click();
  }

  /** Opens «Turnar elegidas», picks the firm, writes the reason and confirms. */
  async turnar(despacho: string, motivo: string): Promise<void> {
    await this.page.getByRole('button', { name: /^Turnar elegidas/ }).click();
    const dialogo = this.page.getByRole('dialog', { name: /^Turnar \d+ cuentas? a un despacho$/ });
    await dialogo.waitFor();
    await elegirOpcion(this.page, dialogo.getByLabel('Despacho'), despacho);
    await dialogo.getByLabel('Motivo').fill(motivo);
    await dialogo.getByRole('button', { name: 'Turnar', exact: true }).click();
    await dialogo.waitFor({ state: 'hidden' });
  }

  /** Adds a lawyer in the firm's dialog (a multiple select stays open: a click outside closes it). */
  async elegirAbogado(dialogo: Locator, nombre: string): Promise<void> {
    const campo = dialogo.getByLabel('Abogados del despacho');
    await campo.click();
    const lista = await campo.getAttribute('aria-controls');
    const desplegable = this.page
      .locator('.ant-select-dropdown')
      .filter({ has: this.page.locator(`[id="${lista}"]`) });
    await desplegable.locator('.ant-select-item-option').filter({ hasText: nombre }).click();
    await dialogo.locator('.ant-select-selection-item').filter({ hasText: nombre }).waitFor();
    await dialogo.locator('.ant-modal-title').click();
    await desplegable.waitFor({ state: 'hidden' });
  }

  /** «Devolver» on an account of «Cuentas turnadas», with its reason. */
  async devolver(numero: string, motivo: string): Promise<void> {
    await this.page.getByRole('button', { name: `Devolver el crédito ${numero}` }).click();
    const dialogo = this.page.getByRole('dialog', { name: `Devolver el crédito ${numero}` });
    await dialogo.getByLabel('Motivo de la devolución').fill(motivo);
    await dialogo.getByRole('button', { name: 'Devolver', exact: true }).click();
    await dialogo.waitFor({ state: 'hidden' });
  }
}

/** The external lawyer's screens: his firm's accounts on Inicio and the credit's actuaciones. */
export class PaginaAbogado {
  constructor(readonly page: Page) {}

  /** The list on his start page, once loaded: `Cuentas turnadas a tu despacho (3)`. */
  async esperarCuentas(n: number): Promise<Locator> {
    await this.page
      .getByRole('heading', { name: `Cuentas turnadas a tu despacho (${n})`, level: 2 })
      .waitFor();
    const lista = this.page.getByRole('region', { name: /^Cuentas turnadas a tu despacho/ });
    await lista.locator('.ant-spin-spinning').waitFor({ state: 'detached' });
    return lista;
  }

  /** The credit numbers listed on his start page. */
  async numeros(): Promise<string[]> {
    const lista = this.page.getByRole('region', { name: /^Cuentas turnadas a tu despacho/ });
    return (await lista.locator('.enlace-credito').allTextContents()).map((t) => t.trim());
  }

  actuaciones(): Locator {
    return this.page.getByRole('region', { name: 'Actuaciones' });
  }

  async descargarPaquete(): Promise<Download> {
    const [descarga] = await Promise.all([
      this.page.waitForEvent('download'),
      this.page.getByRole('link', { name: 'Descargar paquete de evidencia' }).click(),
    ]);
    return descarga;
  }

  /**
   * «Adjuntar documento» on one actuación (`Demanda presentada del 10/03/2026`): the file and a
   * description; returns the dialog, which closes once stored.
   */
  async adjuntarDocumento(
    actuacion: string,
    archivo: { name: string; mimeType: string; buffer: Buffer },
    descripcion: string,
  ): Promise<Locator> {
    await this.actuaciones()
      .getByRole('button', { name: `Adjuntar documento a ${actuacion}` })
      .click();
    const dialogo = this.page.getByRole('dialog', { name: `Adjuntar documento a ${actuacion}` });
    await dialogo.waitFor();
    await dialogo.getByLabel(/^Documento/).setInputFiles(archivo);
    await dialogo.getByLabel('Descripción (opcional)').fill(descripcion);
    await dialogo.getByRole('button', { name: 'Adjuntar documento' }).click();
    return dialogo;
  }

  /** The documents listed under one actuación. */
  documentos(actuacion: string): Locator {
    return this.actuaciones().getByRole('list', { name: `Documentos de ${actuacion}` });
  }

  async registrarDemanda(numero: string, juzgado: string, expediente: string): Promise<void> {
    await this.page.getByRole('button', { name: 'Registrar actuación' }).click();
    const dialogo = this.page.getByRole('dialog', {
      name: `Registrar actuación del crédito ${numero}`,
    });
    await dialogo.waitFor();
    await elegirOpcion(this.page, dialogo.getByLabel('Estado'), 'Demanda presentada');
    await dialogo.getByLabel('Juzgado', { exact: true }).fill(juzgado);
    await dialogo.getByLabel('Expediente judicial', { exact: true }).fill(expediente);
    await dialogo.getByLabel('Nota (opcional)').fill('Demanda en la vía ejecutiva mercantil.');
    await dialogo.getByRole('button', { name: 'Registrar actuación' }).click();
    await dialogo.waitFor({ state: 'hidden' });
  }
}
