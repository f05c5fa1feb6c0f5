import { ITEMS_META, type ItemMeta, NOMBRE_ITEM_META } from '../../api/indicadores.ts';
import type { ItemsDeMeta } from '../../api/metas.ts';
import { pesosDe } from '../../formato.ts';

/** A goal's figure: pesos for recovery, a count otherwise. */
export function textoMeta(item: ItemMeta, meta: string): string {
  return item === 'recuperacion' ? pesosDe(meta) : Number(meta).toLocaleString('es-MX');
}

/** pg's "40.00" → "40". */
export function textoPeso(peso: string): string {
  return peso.includes('.') ? peso.replace(/\.?0+$/, '') : peso;
}

/** One item in a table cell: the goal and, below, its weight; «—» when not set. */
export function CeldaItem({ items, item }: { items: ItemsDeMeta; item: ItemMeta }) {
  const x = items[item];
  if (x === undefined) {
    return (
      <>
        <span aria-hidden="true">—</span>
        <span className="solo-lectores">Sin meta</span>
      </>
    );
  }
  return (
    <span className="celda-meta">
      <span className="cifra">{textoMeta(item, x.meta)}</span>
      <span className="texto-secundario">Peso {textoPeso(x.peso)}</span>
    </span>
  );
}

export const COLUMNAS_ITEMS = ITEMS_META.map((i) => ({ item: i, titulo: NOMBRE_ITEM_META[i] }));
