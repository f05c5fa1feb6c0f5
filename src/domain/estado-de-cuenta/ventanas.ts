import type { PeriodoSinMoratorio } from './caso.ts';

/** Moratorium-free windows as day numbers `[desde, hasta)`, sorted and merged. */
export interface Ventanas {
  readonly desde: readonly number[];
  readonly hasta: readonly number[];
}

/** Overlapping or touching windows are merged: a day is exempt once (calculo.md). */
export function ventanasSinMoratorio(periodos: readonly PeriodoSinMoratorio[]): Ventanas {
  const ordenados = [...periodos].sort((a, b) => a.desde.dia - b.desde.dia);
  const desde: number[] = [];
  const hasta: number[] = [];
  for (const periodo of ordenados) {
    const ultimo = hasta.length - 1;
    const finUltimo = hasta[ultimo];
    if (finUltimo !== undefined && periodo.desde.dia <= finUltimo) {
      hasta[ultimo] = Math.max(finUltimo, periodo.hasta.dia);
    } else {
      desde.push(periodo.desde.dia);
      hasta.push(periodo.hasta.dia);
    }
  }
  return { desde, hasta };
}

/** Days of `[inicio, fin)` outside every window: the days that bear moratorium (R4). */
export function diasConMoratorio(inicio: number, fin: number, ventanas: Ventanas): number {
  let dias = fin - inicio;
  for (let i = 0; i < ventanas.desde.length; i++) {
    const a = Math.max(inicio, ventanas.desde[i] ?? fin);
    const b = Math.min(fin, ventanas.hasta[i] ?? inicio);
    if (b > a) dias -= b - a;
  }
  return dias;
}
