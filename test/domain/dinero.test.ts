import { describe, expect, it } from 'vitest';
import {
  type Centavos,
  centavos,
  centavosDesdeEntero,
  centavosDesdeTexto,
  formatearCentavos,
  formatearPesos,
} from '../../src/domain/dinero.ts';

describe('centavosDesdeTexto', () => {
  it.each([
    ['1062', 106200],
    ['1062.5', 106250],
    ['1062.50', 106250],
    ['0', 0],
    ['0.01', 1],
    ['0.10', 10],
    ['007.05', 705],
    // The largest amount whose centavos are still a safe integer (2^53 − 1).
    ['90071992547409.91', Number.MAX_SAFE_INTEGER],
  ])('%s → %i centavos', (texto, esperado) => {
    expect(centavosDesdeTexto(texto)).toBe(esperado);
  });

  it.each([
    '-100',
    '1.234',
    '1,000.00',
    '',
    ' 1',
    '1 ',
    '1e3',
    '+1',
    '.5',
    '1.',
    'NaN',
    'Infinity',
    '0x10',
    '90071992547409.92',
    '1000000000000000000000',
  ])('%j is not an amount', (texto) => {
    expect(centavosDesdeTexto(texto)).toBeNull();
  });
});

describe('centavos in the safe range', () => {
  it.each([0, 1, -1, Number.MAX_SAFE_INTEGER])('%d is accepted', (n) => {
    expect(centavosDesdeEntero(n)).toBe(n);
  });

  it.each([0.5, 2 ** 53, Number.NaN, Number.POSITIVE_INFINITY])('%d is refused', (n) => {
    expect(centavosDesdeEntero(n)).toBeNull();
    expect(() => centavos(n)).toThrow(RangeError);
  });
});

describe('formatting', () => {
  it.each([
    [0, '0.00', '$0.00'],
    [5, '0.05', '$0.05'],
    [50, '0.50', '$0.50'],
    [123456, '1234.56', '$1,234.56'],
    [100000000, '1000000.00', '$1,000,000.00'],
    [99999, '999.99', '$999.99'],
    [-123456, '-1234.56', '-$1,234.56'],
    [-5, '-0.05', '-$0.05'],
    [Number.MAX_SAFE_INTEGER, '90071992547409.91', '$90,071,992,547,409.91'],
  ])('%d centavos → %s, %s', (c, motor, pantalla) => {
    expect(formatearCentavos(c as Centavos)).toBe(motor);
    expect(formatearPesos(c as Centavos)).toBe(pantalla);
  });

  it('reads back what it writes', () => {
    for (const c of [0, 1, 99, 100, 101, 106250, 9999999999]) {
      expect(centavosDesdeTexto(formatearCentavos(c as Centavos))).toBe(c);
    }
  });
});
