import { useEffect } from 'react';

/** Where antd puts a table's rows: estilos.css lets this box scroll sideways on its own. */
const CAJAS_DE_TABLA = '.ant-table-content, .ant-table-body';

/** What a screen reader says on reaching the box: the table's own name, or its card's title. */
function nombreDeLaTabla(caja: HTMLElement): string {
  const tabla = caja.querySelector('table');
  const propio =
    tabla?.getAttribute('aria-label') ??
    tabla?.querySelector('caption')?.textContent ??
    caja.closest('.ant-card')?.querySelector('.ant-card-head-title')?.textContent ??
    caja.closest('section[aria-label]')?.getAttribute('aria-label') ??
    null;
  return propio?.trim() ? `Tabla: ${propio.trim()}` : 'Tabla';
}

/**
 * A table wider than the screen scrolls inside its box (the page never does), and that box
 * must be reachable with the keyboard (WCAG 2.1.1; axe: scrollable-region-focusable), named
 * so that a screen reader says where the focus landed. Only a box that does overflow joins
 * the tab order: on a desktop most tables fit and add no stop.
 */
function marcar(caja: HTMLElement): void {
  const desborda = caja.scrollWidth > caja.clientWidth + 1;
  const marcada = caja.dataset.desplazable === 'si';
  if (desborda && !marcada) {
    caja.dataset.desplazable = 'si';
    caja.tabIndex = 0;
    caja.setAttribute('role', 'region');
    caja.setAttribute('aria-label', nombreDeLaTabla(caja));
  } else if (!desborda && marcada) {
    delete caja.dataset.desplazable;
    caja.removeAttribute('tabindex');
    caja.removeAttribute('role');
    caja.removeAttribute('aria-label');
  }
}

/**
 * Keeps every antd table of the page (and of its dialogs) marked as above, whenever tables
 * appear, fill with rows or the window changes size. antd builds the box, so the frame does
 * this once for all pages instead of each page wrapping each table.
 */
export function useTablasDesplazables(): void {
  useEffect(() => {
    let pendiente = 0;
    const revisar = () => {
      pendiente = 0;
      for (const caja of document.querySelectorAll<HTMLElement>(CAJAS_DE_TABLA)) marcar(caja);
    };
    // Once per frame at most: antd adds nodes in bursts (rows, tooltips, animations).
    const programar = () => {
      if (pendiente === 0) pendiente = requestAnimationFrame(revisar);
    };
    const cambios = new MutationObserver(programar);
    cambios.observe(document.body, { childList: true, subtree: true });
    window.addEventListener('resize', programar);
    programar();
    return () => {
      cambios.disconnect();
      window.removeEventListener('resize', programar);
      cancelAnimationFrame(pendiente);
    };
  }, []);
}
