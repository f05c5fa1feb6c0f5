import { type Centavos, centavos } from '../dinero.ts';

/**
 * `total` in `n` parts that add up to it exactly: equal parts, the last one taking the
 * centavos left over (the way the institute splits a schedule's capital). With `n` ≤ `total`
 * no part is zero; none is ever negative.
 */
export function repartirEnPartes(total: Centavos, n: number): Centavos[] {
  if (!Number.isSafeInteger(n) || n < 1) throw new RangeError(`número de partes inválido: ${n}`);
  if (total < 0) throw new RangeError(`no se reparte un monto negativo: ${total}`);
  const parte = Math.floor(total / n);
  return Array.from({ length: n }, (_, k) =>
    centavos(k === n - 1 ? total - parte * (n - 1) : parte),
  );
}
