import type { Locator, Page, Route } from 'playwright-core';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
// The screen's polls of a queued import (GET /api/importaciones/trabajos/:id).
const TRABAJO = '**/api/importaciones/trabajos/*';

/** «Importar cartera», as the administrator loads the institute's workbook. */
export class PaginaImportacion {
  constructor(readonly page: Page) {}

  enlaceEnNavegacion(): Locator {
    return this.page
      .getByRole('navigation', { name: 'Navegación principal' })
      .getByRole('link', { name: 'Importar cartera' });
  }

  async abrirDesdeLaNavegacion(): Promise<void> {
    await this.enlaceEnNavegacion().click();
    await this.page.getByRole('heading', { name: 'Importar cartera', level: 1 }).waitFor();
  }

  botonImportar(): Locator {
    return this.page.getByRole('button', { name: /^Importa(r|ndo…)$/ });
  }

  async elegir(nombre: string, contenido: Buffer): Promise<void> {
    await this.page
      .getByLabel('Libro de la cartera (XLSX)')
      .setInputFiles({ name: nombre, mimeType: XLSX, buffer: contenido });
  }

  /**
   * Chooses the workbook and imports it; returns the result's summary as displayed.
   * `mientrasCorre` runs while the first look at the import's job is held at the network, to
   * look at the page then. The upload itself is never intercepted: Chromium's request
   * interception hands a binary body over as text, and a workbook that went through it came
   * out unreadable in one CI run ("no es un libro de Excel legible").
   */
  async importar(
    nombre: string,
    contenido: Buffer,
    mientrasCorre?: () => Promise<void>,
  ): Promise<string> {
    await this.elegir(nombre, contenido);
    let liberar: () => void = () => {};
    const retenida = new Promise<void>((r) => {
      liberar = r;
    });
    let continuo: () => void = () => {};
    const continuada = new Promise<void>((r) => {
      continuo = r;
    });
    const retener = async (ruta: Route) => {
      await retenida;
      await ruta.continue();
      continuo();
    };
    if (mientrasCorre) await this.page.route(TRABAJO, retener, { times: 1 });
    const respuesta = this.page.waitForResponse(
      (r) => new URL(r.url()).pathname === '/api/importaciones' && r.request().method() === 'POST',
    );
    await this.botonImportar().click();
    if (mientrasCorre) {
      try {
        await mientrasCorre();
      } finally {
        liberar();
        await continuada;
        await this.page.unroute(TRABAJO, retener);
      }
    }
    await respuesta;
    await this.page.getByRole('status').filter({ hasText: 'Importando' }).waitFor({
      state: 'detached',
    });
    const resultado = this.resultado();
    await resultado.waitFor();
    return (await resultado.getByRole('alert').first().textContent()) ?? '';
  }

  resultado(): Locator {
    return this.page.getByRole('region', { name: 'Resultado de la importación' });
  }

  /** A row of the errors (or warnings) table, by its sheet, row and column as displayed. */
  filaDeObservacion(hoja: string, fila: string, columna: string): Locator {
    const celda = (texto: string) => this.page.getByRole('cell', { name: texto, exact: true });
    return this.resultado()
      .getByRole('row')
      .filter({ has: celda(hoja) })
      .filter({ has: celda(fila) })
      .filter({ has: celda(columna) });
  }
}
