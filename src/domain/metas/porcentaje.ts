/**
 * parte ÷ total × 100 with one decimal, rounded half up, as text; null when total is 0 (a share
 * of nothing is not 0 %). Exact: BigInt arithmetic, so money in centavos never meets a float.
 */
export function porcentaje(parte: bigint | number, total: bigint | number): string | null {
  const p = BigInt(parte);
  const t = BigInt(total);
  if (t === 0n) return null;
  const ap = p < 0n ? -p : p;
  const at = t < 0n ? -t : t;
  const decimas = (2000n * ap + at) / (2n * at);
  // A negative share too small to show is "0.0", not "-0.0".
  const negativo = p < 0n !== t < 0n && decimas !== 0n;
  return `${negativo ? '-' : ''}${decimas / 10n}.${decimas % 10n}`;
}
