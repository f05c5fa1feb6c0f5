import { porcentaje } from './porcentaje.ts';

/** The four things a month's goal may ask for (issue 11). */
export type ItemMeta = 'recuperacion' | 'contactosEfectivos' | 'convenios' | 'turnosAtendidos';
export const ITEMS_META: readonly ItemMeta[] = [
  'recuperacion',
  'contactosEfectivos',
  'convenios',
  'turnosAtendidos',
];

/** One item of a goal: the target (centavos for recuperacion, a count otherwise) and weight. */
export interface ObjetivoItem {
  meta: bigint;
  /** Decimal text, up to two decimals ("40", "12.5"). */
  peso: string;
}

export interface CumplimientoItem {
  meta: bigint;
  logrado: bigint;
  peso: string;
  /** logrado ÷ meta × 100, one decimal; null when the goal is 0. Not capped. */
  cumplimiento: string | null;
}

export interface Cumplimiento {
  items: Partial<Record<ItemMeta, CumplimientoItem>>;
  /**
   * Σ peso·min(logrado ÷ meta, 1) ÷ Σ peso × 100 over the items with a goal above 0 and a
   * weight above 0, one decimal rounded half up; null when there is no such item. Each item
   * counts at most 100 %: overshooting one item must not hide a missed one.
   */
  indice: string | null;
}

/** Weight as hundredths (integer); the text is pg's numeric(6,2) or what the edge validated. */
export function pesoEnCentesimas(peso: string): bigint {
  const m = /^(\d+)(?:\.(\d{1,2}))?$/.exec(peso);
  if (!m) throw new RangeError(`peso inválido: ${peso}`);
  return BigInt(m[1] ?? '0') * 100n + BigInt((m[2] ?? '').padEnd(2, '0'));
}

/** 0 ≤ logrado ≤ meta (BigInt has no Math.min). */
function acotar(logrado: bigint, meta: bigint): bigint {
  if (logrado < 0n) return 0n;
  if (logrado > meta) return meta;
  return logrado;
}

export function calcularCumplimiento(
  objetivos: Partial<Record<ItemMeta, ObjetivoItem>>,
  logrado: Record<ItemMeta, bigint>,
): Cumplimiento {
  const items: Cumplimiento['items'] = {};
  // Σ peso·min(l, m)/m as one fraction: numerador/denominador, with denominador = Π m.
  let num = 0n;
  let den = 1n;
  let pesos = 0n;
  for (const item of ITEMS_META) {
    const o = objetivos[item];
    if (!o) continue;
    const l = logrado[item];
    items[item] = {
      meta: o.meta,
      logrado: l,
      peso: o.peso,
      cumplimiento: porcentaje(l, o.meta),
    };
    const p = pesoEnCentesimas(o.peso);
    if (o.meta <= 0n || p === 0n) continue;
    const alcanzado = acotar(l, o.meta);
    // num/den + p·alcanzado/meta
    num = num * o.meta + p * alcanzado * den;
    den *= o.meta;
    pesos += p;
  }
  const indice = pesos === 0n ? null : porcentaje(num, den * pesos);
  return { items, indice };
}
