import type { Locator, Page } from 'playwright-core';

/** The Asignación page, in the words of an office's coordinador. */
export class PaginaAsignacion {
  constructor(readonly page: Page) {}

  async abrirDesdeLaNavegacion(): Promise<void> {
    await this.page
      .getByRole('navigation', { name: 'Navegación principal' })
      .getByRole('link', { name: 'Asignación' })
      .click();
    await this.page.getByRole('heading', { name: 'Asignación de cartera', level: 1 }).waitFor();
  }

  /** Waits until the list says how many accounts match (`200 cuentas coinciden`). */
  async esperarCoincidencias(texto: string): Promise<void> {
    await this.page.getByRole('heading', { name: texto, level: 2 }).waitFor();
  }

  async cambiarCasilla(nombre: string, marcada: boolean): Promise<void> {
    await this.page
      .getByRole('search', { name: 'Filtrar cuentas' })
      .getByRole('checkbox', { name: nombre })
      .setChecked(marcada);
  }

  async filtrarPorGestor(nombre: string): Promise<void> {
    const filtros = this.page.getByRole('search', { name: 'Filtrar cuentas' });
    await elegirOpcion(this.page, filtros.getByLabel('Gestor'), nombre);
  }

  async buscar(): Promise<void> {
    await this.page
      .getByRole('search', { name: 'Filtrar cuentas' })
      .getByRole('button', { name: 'Buscar' })
      .click();
  }

  /** The rows of the accounts list (without its header). */
  filas(): Locator {
    return this.page.locator('.ant-table-tbody').first().getByRole('row');
  }

  async elegirGestoresParaRepartir(nombres: readonly string[]): Promise<void> {
    const grupo = this.page.getByRole('group', { name: 'Gestores que las reciben' });
    for (const n of nombres) {
      await grupo.getByRole('checkbox', { name: new RegExp(`^${n} \\(hoy`) }).check();
    }
  }

  async elegirRegla(regla: 'Mismo número de cuentas' | 'Mismo saldo exigible'): Promise<void> {
    await this.page
      .getByRole('group', { name: 'Regla de reparto' })
      .getByRole('radio', { name: regla })
      .check();
  }

  async vistaPrevia(): Promise<Locator> {
    await this.page.getByRole('button', { name: 'Vista previa' }).click();
    const vista = this.page.getByRole('region', { name: 'Vista previa del reparto' });
    await vista.waitFor();
    return vista;
  }

  /** The preview's rows: `[gestor, cuentas, saldo]`, the total last. */
  async reparto(): Promise<string[][]> {
    const vista = this.page.getByRole('region', { name: 'Vista previa del reparto' });
    const filas = vista.getByRole('row');
    const n = await filas.count();
    const r: string[][] = [];
    // Row 0 is the header.
    for (let i = 1; i < n; i++) {
      r.push((await filas.nth(i).getByRole('cell').allTextContents()).map((t) => t.trim()));
    }
    return r;
  }

  async aplicar(): Promise<void> {
    await this.page.getByRole('button', { name: 'Aplicar', exact: true }).click();
  }
}

/**
 * Picks `texto` in an antd select: opens it, clicks the option in its own dropdown (the one its
 * combobox controls, not another still closing) and waits until it has closed.
 *
 * A select whose options are still loading re-renders its list when they arrive; a click whose
 * press and release land on different renders of the option selects nothing and leaves the list
 * open. So the click is repeated (a few times at most) until the combobox says it closed.
 */
export async function elegirOpcion(page: Page, campo: Locator, texto: string): Promise<void> {
  await campo.click();
  const lista = await campo.getAttribute('aria-controls');
  if (lista === null) throw new Error('el campo no es un combobox de antd');
  const desplegable = page
    .locator('.ant-select-dropdown')
    .filter({ has: page.locator(`[id="${lista}"]`) });
  // Closed, the combobox drops aria-controls; its id is the list's without «_list».
  const cerrado = page.locator(`[id="${lista.replace(/_list$/, '')}"][aria-expanded="false"]`);
  const opcion = desplegable.locator('.ant-select-item-option').filter({ hasText: texto });
  await opcion.click();
  for (let reintento = 0; reintento < 3; reintento++) {
    try {
      await cerrado.waitFor({ state: 'attached', timeout: 3_000 });
      break;
    } catch {
      // Still open with the option on screen: the click was lost, not slow.
      if (await opcion.isVisible()) await opcion.click();
    }
  }
  await cerrado.waitFor({ state: 'attached' });
  await desplegable.waitFor({ state: 'hidden' });
}
