import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Centavos } from '../../src/domain/dinero.ts';
import {
  Devengo,
  factorDiario,
  interesDe,
  type Tasa,
  tasaDesdeTexto,
} from '../../src/domain/tasa.ts';

const tasa = (texto: string): Tasa => {
  const t = tasaDesdeTexto(texto);
  if (t === null) throw new Error(`tasa de prueba inválida: ${texto}`);
  return t;
};

/** R2 by the book, in bigint: round half-up of C × r × d / base. */
function interesDeReferencia(capital: bigint, dias: bigint, t: Tasa, base: bigint): bigint {
  const numerador = capital * dias * t.numerador;
  const denominador = t.denominador * base;
  const cociente = numerador / denominador;
  return 2n * (numerador - cociente * denominador) >= denominador ? cociente + 1n : cociente;
}

describe('tasaDesdeTexto', () => {
  it.each([
    ['0.12', 3n, 25n],
    ['0.155', 31n, 200n],
    ['0.18', 9n, 50n],
    ['0', 0n, 1n],
    ['0.00', 0n, 1n],
    ['1', 1n, 1n],
    ['1.00000000', 1n, 1n],
    ['0.12345678', 6172839n, 50000000n],
    ['0.00000001', 1n, 100000000n],
  ])('%s = %i/%i exactly', (texto, numerador, denominador) => {
    expect(tasaDesdeTexto(texto)).toEqual({ texto, numerador, denominador });
  });

  it.each(['1.01', '2', '0.123456789', '-0.1', '.12', '0.12 ', '12%', '1e-2', '', '0,12'])(
    '%j is not a rate',
    (texto) => {
      expect(tasaDesdeTexto(texto)).toBeNull();
    },
  );
});

describe('interest, R2', () => {
  it.each([
    // calculo.md casos 01: 1,000.00 at 18% for 19 days on base 360 is 9.50.
    [100000, 19, '0.18', 360, 950],
    // 6,000.00 at 12% for 31 days: 62.00.
    [600000, 31, '0.12', 360, 6200],
    // 37,500.50 at 6% for 30 days on base 365: 184.934… → 184.93.
    [3750050, 30, '0.06', 365, 18493],
    // Exactly half a centavo rounds up; just under half rounds down.
    [1, 180, '1', 360, 1],
    [1, 179, '1', 360, 0],
    [1, 540, '1', 360, 2],
    [0, 1000, '0.5', 360, 0],
    [123456, 0, '0.5', 360, 0],
  ])('%i centavos × %i days at %s / %i = %i', (capital, dias, r, base, esperado) => {
    expect(interesDe(capital as Centavos, dias, factorDiario(tasa(r), base))).toBe(esperado);
  });

  it('is exact past the safe-integer range (bigint path)', () => {
    const t = tasa('0.12345678');
    const capital = 2 ** 50;
    const esperado = interesDeReferencia(BigInt(capital), 3000n, t, 365n);
    expect(BigInt(interesDe(capital as Centavos, 3000, factorDiario(t, 365)))).toBe(esperado);
  });

  it('matches the bigint formula for any capital, days and rate', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10 ** 12 }),
        fc.integer({ min: 0, max: 40000 }),
        fc.integer({ min: 0, max: 10 ** 8 }),
        fc.constantFrom(360, 365),
        (capital, dias, n, base) => {
          const t = tasa(n === 10 ** 8 ? '1' : `0.${String(n).padStart(8, '0')}`);
          const esperado = interesDeReferencia(BigInt(capital), BigInt(dias), t, BigInt(base));
          const obtenido = interesDe(capital as Centavos, dias, factorDiario(t, base));
          expect(BigInt(obtenido)).toBe(esperado);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('Devengo: accrual over a changing balance, rounded once', () => {
  it('sums exactly and rounds once (casos 01, amortización 3: 49.90)', () => {
    const devengo = new Devengo();
    devengo.agregar(500000 as Centavos, 19);
    devengo.agregar(455783 as Centavos, 12);
    expect(devengo.redondear(factorDiario(tasa('0.12'), 360))).toBe(4990);
  });

  it('rounds the sum, not each term', () => {
    const factor = factorDiario(tasa('1'), 360);
    const devengo = new Devengo();
    // Each term alone is 0.4 centavo (rounds to 0); together 1.2 → 1.
    for (let i = 0; i < 3; i++) devengo.agregar(144 as Centavos, 1);
    expect(devengo.redondear(factor)).toBe(1);
    devengo.reiniciar();
    expect(devengo.redondear(factor)).toBe(0);
  });

  it('stays exact when the sum leaves the safe range', () => {
    const t = tasa('0.155');
    const factor = factorDiario(t, 360);
    const devengo = new Devengo();
    let referencia = 0n;
    for (const [capital, dias] of [
      [2 ** 52, 1],
      [2 ** 52, 3],
      [12345, 7],
    ] as const) {
      devengo.agregar(capital as Centavos, dias);
      referencia += BigInt(capital) * BigInt(dias);
    }
    expect(BigInt(devengo.redondear(factor))).toBe(interesDeReferencia(referencia, 1n, t, 360n));
  });
});
