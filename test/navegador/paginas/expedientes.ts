import type { Download, Locator, Page } from 'playwright-core';
import { elegirOpcion } from './asignacion.ts';

/** A credit's «Expediente» tab and the Expedientes page, in the words of the office's staff. */
export class PaginaExpediente {
  constructor(
    readonly page: Page,
    readonly url: string,
  ) {}

  async abrirDelCredito(creditoId: number): Promise<void> {
    await this.page.goto(`${this.url}/creditos/${creditoId}`);
    await this.page.getByRole('tab', { name: 'Expediente', exact: true }).click();
    await this.page.getByRole('heading', { name: /^Piezas del expediente/ }).waitFor();
  }

  /** The row of a piece in the table, by its label (`EXP-…`, `PAG-…`). */
  pieza(etiqueta: string): Locator {
    return this.page
      .getByRole('region', { name: 'Tabla de piezas' })
      .getByRole('row')
      .filter({ hasText: `Etiqueta ${etiqueta}` });
  }

  async imprimirEtiquetas(): Promise<Download> {
    const [descarga] = await Promise.all([
      this.page.waitForEvent('download'),
      this.page.getByRole('button', { name: 'Imprimir etiquetas' }).click(),
    ]);
    return descarga;
  }

  dialogo(titulo: string): Locator {
    return this.page.getByRole('dialog', { name: titulo });
  }

  async elegirPieza(dialogo: Locator, etiqueta: string): Promise<void> {
    await dialogo.getByRole('checkbox', { name: new RegExp(`\\(${etiqueta}\\)`) }).check();
  }

  /** Opens «Prestar» and fills it: the piece, to whom, back by `dd/mm/aaaa`. */
  async llenarPrestamo(etiqueta: string, persona: string, devolver: string): Promise<Locator> {
    await this.page.getByRole('button', { name: 'Prestar', exact: true }).click();
    const dialogo = this.dialogo('Prestar piezas del expediente');
    await dialogo.waitFor();
    await this.elegirPieza(dialogo, etiqueta);
    await elegirOpcion(this.page, dialogo.getByLabel('Se presta a'), persona);
    const fecha = dialogo.getByLabel('Devolver a más tardar');
    await fecha.click();
    await fecha.fill(devolver);
    // Enter would also submit the dialog's form: leaving the field takes the typed date.
    await fecha.blur();
    await this.page
      .locator('.ant-picker-dropdown:not(.ant-picker-dropdown-hidden)')
      .waitFor({ state: 'hidden' });
    return dialogo;
  }

  async descargarAcuse(dialogo: Locator): Promise<Download> {
    const [descarga] = await Promise.all([
      this.page.waitForEvent('download'),
      dialogo.getByRole('link', { name: /^Descargar acuse/ }).click(),
    ]);
    return descarga;
  }

  async cerrar(dialogo: Locator): Promise<void> {
    await dialogo.getByRole('button', { name: 'Listo', exact: true }).click();
    await dialogo.waitFor({ state: 'detached' });
  }

  async recibir(etiqueta: string, estante: string): Promise<Locator> {
    await this.page.getByRole('button', { name: 'Recibir', exact: true }).click();
    const dialogo = this.dialogo('Recibir piezas en el archivo');
    await dialogo.waitFor();
    const casilla = dialogo.getByRole('checkbox', { name: new RegExp(`\\(${etiqueta}\\)`) });
    if (!(await casilla.isChecked())) await casilla.check();
    await dialogo.getByLabel('Estante (opcional)').fill(estante);
    await dialogo.getByRole('button', { name: 'Recibir', exact: true }).click();
    await dialogo.getByText(/^Recepción registrada/).waitFor();
    return dialogo;
  }

  async adjuntarEscaneo(
    archivo: { name: string; mimeType: string; buffer: Buffer },
    pagare: string | null,
    descripcion: string,
  ): Promise<Locator> {
    await this.page.getByRole('button', { name: 'Adjuntar escaneo' }).click();
    const dialogo = this.dialogo('Adjuntar escaneo');
    await dialogo.waitFor();
    await dialogo.getByLabel(/^Archivo escaneado/).setInputFiles(archivo);
    if (pagare !== null) {
      await elegirOpcion(this.page, dialogo.getByLabel('Pagaré (opcional)'), pagare);
    }
    await dialogo.getByLabel('Descripción (opcional)').fill(descripcion);
    await dialogo.getByRole('button', { name: 'Adjuntar escaneo' }).click();
    return dialogo;
  }

  escaneos(): Locator {
    return this.page.getByRole('list', { name: 'Escaneos del expediente' });
  }

  async abrirExpedientesDesdeLaNavegacion(): Promise<void> {
    await this.page
      .getByRole('navigation', { name: 'Navegación principal' })
      .getByRole('link', { name: 'Expedientes' })
      .click();
    await this.page.getByRole('heading', { name: 'Expedientes', level: 1 }).waitFor();
  }
}
