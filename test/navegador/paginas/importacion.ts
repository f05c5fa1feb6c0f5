import type { Locator, Page, Route } from 'playwright-core';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const TIPOS: Record<string, string> = { xlsx: XLSX, csv: 'text/csv', zip: 'application/zip' };

/** A file to choose, by name: its type follows its extension. */
export interface ArchivoElegido {
  nombre: string;
  contenido: Buffer;
}
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

  campoArchivo(): Locator {
    return this.page.getByLabel('Libro de la cartera (XLSX, CSV o ZIP)');
  }

  async elegir(nombre: string, contenido: Buffer): Promise<void> {
    await this.elegirVarios([{ nombre, contenido }]);
  }

  /** Several files at once, as a person selects a folder's CSV files in the file dialog. */
  async elegirVarios(archivos: readonly ArchivoElegido[]): Promise<void> {
    await this.campoArchivo().setInputFiles(
      archivos.map((a) => ({
        name: a.nombre,
        mimeType:
          TIPOS[a.nombre.split('.').pop()?.toLowerCase() ?? ''] ?? 'application/octet-stream',
        buffer: a.contenido,
      })),
    );
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
    return this.importarVarios([{ nombre, contenido }], mientrasCorre);
  }

  /** Chooses these files together (a folder's CSV files) and imports them, as `importar`. */
  async importarVarios(
    archivos: readonly ArchivoElegido[],
    mientrasCorre?: () => Promise<void>,
  ): Promise<string> {
    await this.elegirVarios(archivos);
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
