import type { Bucket } from '../../api/creditos.ts';
import type { BucketDeRecuperacion } from '../../api/indicadores.ts';
import { centavosDe, fecha, pesosDe } from '../../formato.ts';
import { NOMBRE_BUCKET } from '../Etiquetas.tsx';

/**
 * Formats of the dashboard. The figures are shown as the server sent them (pesosDe, the
 * percentage text); numbers are only made from them to size the charts' marks.
 */

/** `"1234.56"` → 1234.56, only to draw: what people read goes through `pesosDe`. */
export function valorDe(monto: string): number {
  return centavosDe(monto) / 100;
}

/** `"87.5"` → `87.5 %`; null (base 0) → `—`. */
export function textoPorcentaje(texto: string | null): string {
  return texto === null ? '—' : `${texto} %`;
}

export function textoEntero(n: number): string {
  return n.toLocaleString('es-MX');
}

const compacto = new Intl.NumberFormat('es-MX', {
  style: 'currency',
  currency: 'MXN',
  notation: 'compact',
  minimumFractionDigits: 0,
  maximumFractionDigits: 1,
});

/** An axis tick: `$150 k`, `$2.5 M`. */
export function pesosCompactos(n: number): string {
  return compacto.format(n);
}

export function pesosDeNumero(n: number): string {
  return pesosDe(n.toFixed(2));
}

export { fecha, pesosDe };

/** Short names for the axis, where seven buckets share 300 px; tables use the long ones. */
export const BUCKET_CORTO: Record<BucketDeRecuperacion, string> = {
  al_corriente: 'Al día',
  '1-30': '1–30',
  '31-60': '31–60',
  '61-90': '61–90',
  '91-180': '91–180',
  '181-365': '181–365',
  mas_de_365: '+365',
  sin_dato: 'Sin dato',
};

export function nombreBucket(b: BucketDeRecuperacion | 'liquidado'): string {
  if (b === 'sin_dato') return 'Sin antigüedad calculada';
  if (b === 'liquidado') return 'Liquidado';
  return NOMBRE_BUCKET[b as Bucket];
}

/**
 * Series colours: dark enough against white for a graphic (WCAG 1.4.11, ≥ 3:1), and told
 * apart by more than hue in the legend and the table.
 */
export const COLORES = [
  '#0b4f6c',
  '#c05621',
  '#2f7d4a',
  '#6b46c1',
  '#a35200',
  '#b42318',
  '#2b6cb0',
  '#4a5568',
] as const;

export function color(i: number): string {
  return COLORES[i % COLORES.length] ?? '#0b4f6c';
}
