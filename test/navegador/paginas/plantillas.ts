import type { Locator, Page } from 'playwright-core';
import { textoDePdf } from '../../soporte/pdf.ts';

/** Configuración › Plantillas de documentos, as the administrador uses it. */
export class PaginaPlantillas {
  constructor(readonly page: Page) {}

  async abrirDesdeLaNavegacion(): Promise<void> {
    await this.page
      .getByRole('navigation', { name: 'Navegación principal' })
      .getByRole('link', { name: 'Plantillas de documentos', exact: true })
      .click();
    await this.page.getByRole('heading', { name: 'Plantillas de documentos', level: 1 }).waitFor();
    await this.page.getByTestId('plantilla-vigente').waitFor();
  }

  seccion(titulo: string): Locator {
    return this.page.getByLabel(titulo, { exact: true });
  }

  /** The field's error under it (antd renders it in the item's explain area). */
  errorDe(titulo: string): Locator {
    return this.page
      .locator('.ant-form-item')
      .filter({ has: this.seccion(titulo) })
      .locator('.ant-form-item-explain-error');
  }

  async insertarVariable(nombre: string): Promise<void> {
    await this.page
      .getByRole('button', { name: new RegExp(`^Insertar \\{\\{${nombre}\\}\\}`) })
      .click();
  }

  async guardar(): Promise<void> {
    await this.page.getByRole('button', { name: 'Guardar versión nueva' }).click();
  }

  version(n: number): Locator {
    return this.page.getByTestId(`version-${n}`);
  }

  /**
   * The preview's PDF text. The page opens it in a new tab from a blob URL; the test keeps
   * the blob the URL was made of and the URL `window.open` receives (the CSP lets no page
   * fetch a blob: URL back).
   */
  async vistaPrevia(credito: string): Promise<string> {
    // Scripts as text: the tests' TypeScript has no DOM types.
    await this.page.evaluate(`
      window.__abiertas = [];
      window.__blobs = new Map();
      const crear = URL.createObjectURL.bind(URL);
      URL.createObjectURL = (b) => { const u = crear(b); window.__blobs.set(u, b); return u; };
      window.open = (url) => { window.__abiertas.push(String(url)); return window; };
    `);
    await this.page.getByLabel('Número de crédito para la vista previa').fill(credito);
    await this.page.getByRole('button', { name: 'Vista previa' }).click();
    // Polled: waitForFunction compiles its text with eval, which the app's CSP forbids.
    for (let i = 0; i < 100; i++) {
      if ((await this.page.evaluate<number>('window.__abiertas.length')) > 0) break;
      await this.page.waitForTimeout(100);
    }
    const bytes = await this.page.evaluate<number[]>(
      'window.__blobs.get(window.__abiertas[0]).arrayBuffer().then((b) => Array.from(new Uint8Array(b)))',
    );
    return textoDePdf(Buffer.from(bytes));
  }
}
