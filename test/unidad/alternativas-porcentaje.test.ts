import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  aplicarPorcentaje,
  fechasMensuales,
  formatearPorcentaje,
  leerPorcentaje,
  type Porcentaje,
  porcentajeDesdeTexto,
  repartirEnPartes,
  sumarMeses,
} from '../../src/domain/alternativas/index.ts';
import type { Centavos } from '../../src/domain/dinero.ts';
import type { Fecha } from '../../src/domain/fecha.ts';

const pct = (t: string): Porcentaje => {
  const p = porcentajeDesdeTexto(t);
  if (p === null) throw new Error(`porcentaje inválido: ${t}`);
  return p;
};

describe('porcentajes exactos', () => {
  it.each([
    ['0.50', 11_795, 5_898], // 58.975 → 58.98: half-up
    ['0.5', 1, 1], // 0.5 centavo → 1
    ['0.5', 3, 2],
    ['0.25', 2, 1], // 0.5 → 1
    ['0.25', 1, 0], // 0.25 → 0
    ['0.155', 100, 16], // 15.5 → 16; 0.155 is not 0.155 in a double
    ['0.155', 10_000_000_000, 1_550_000_000],
    ['1', 987_654_321, 987_654_321],
    ['0', 987_654_321, 0],
    ['0.33333333', 300_000_000, 99_999_999],
  ])('%s de %i centavos son %i', (p, monto, esperado) => {
    expect(aplicarPorcentaje(monto as Centavos, pct(p))).toBe(esperado);
  });

  it('coincide con la cuenta a mano en decimal: monto × dígitos / 10^k, mitad hacia arriba', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000_000 }),
        fc.integer({ min: 0, max: 8 }),
        fc.integer({ min: 0, max: 100_000_000 }),
        (monto, decimales, n) => {
          const escala = 10 ** decimales;
          const digitos = n % (escala + 1);
          const texto =
            decimales === 0 ? String(digitos) : `0.${String(digitos).padStart(decimales, '0')}`;
          const p = porcentajeDesdeTexto(digitos === escala ? '1' : texto);
          if (p === null) return false;
          const producto = BigInt(monto) * BigInt(digitos);
          const divisor = BigInt(escala);
          const esperado = (producto * 2n + divisor) / (2n * divisor);
          return BigInt(aplicarPorcentaje(monto as Centavos, p)) === esperado;
        },
      ),
    );
  });

  it('rechaza lo que no es una proporción entre 0 y 1', () => {
    for (const t of ['1.01', '-0.1', '50%', '0.123456789', '', '.5', '1e-2']) {
      expect(porcentajeDesdeTexto(t), t).toBeNull();
    }
  });

  it.each([
    ['0.5', '0.50', '50 %'],
    ['0.50000000', '0.50', '50 %'],
    ['1', '1.00', '100 %'],
    ['0', '0.00', '0 %'],
    ['0.125', '0.125', '12.5 %'],
    ['0.155', '0.155', '15.5 %'],
    ['0.00000001', '0.00000001', '0.000001 %'],
  ])('%s se escribe %s y se lee %s', (texto, canonico, lectura) => {
    expect(formatearPorcentaje(pct(texto))).toBe(canonico);
    expect(leerPorcentaje(pct(texto))).toBe(lectura);
  });
});

describe('calendario mensual', () => {
  it.each([
    ['2024-01-31', 1, '2024-02-29'],
    ['2023-01-31', 1, '2023-02-28'],
    ['2024-01-31', 2, '2024-03-31'],
    ['2024-06-30', 6, '2024-12-30'],
    ['2024-11-15', 3, '2025-02-15'],
    ['2024-03-31', -1, '2024-02-29'],
    ['2024-12-31', 12, '2025-12-31'],
  ])('%s más %i meses es %s', (fecha, meses, esperada) => {
    expect(sumarMeses(fecha as Fecha, meses)).toBe(esperada);
  });

  it('un plan que empieza el 31 cae cada mes en el último día, sin recorrerse al 28', () => {
    expect(fechasMensuales('2024-01-31' as Fecha, 4)).toEqual([
      '2024-01-31',
      '2024-02-29',
      '2024-03-31',
      '2024-04-30',
    ]);
  });
});

describe('repartir un monto en partes', () => {
  it('las partes suman exactamente el total, ninguna es negativa, la última cierra', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 45 }),
        fc.integer({ min: 1, max: 240 }),
        (total, n) => {
          const partes = repartirEnPartes(total as Centavos, n);
          expect(partes).toHaveLength(n);
          expect(partes.reduce((a, b) => a + b, 0)).toBe(total);
          expect(partes.every((p) => Number.isSafeInteger(p) && p >= 0)).toBe(true);
          const iguales = partes.slice(0, -1);
          expect(new Set(iguales).size).toBeLessThanOrEqual(1);
          const ultima = partes.at(-1) ?? 0;
          // The last one takes what is left over: at least the others, by less than n centavos.
          expect(ultima - (iguales[0] ?? ultima)).toBeGreaterThanOrEqual(0);
          expect(ultima - (iguales[0] ?? ultima)).toBeLessThan(n);
          if (n <= total) expect(partes.every((p) => p > 0)).toBe(true);
        },
      ),
    );
  });
});
