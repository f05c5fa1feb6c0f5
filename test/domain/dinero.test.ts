import { describe, expect, it } from 'vitest';
import {
  type Centavos,
  centavos,
  centavosDeSalida,
  centavosDesdeEntero,
  centavosDesdeTexto,
  formatearCentavos,
  formatearPesos,
  sumarTodos,
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

describe('centavosDeSalida', () => {
  it.each([
    ['0.00', 0],
    ['0.05', 5],
    ['1234.56', 123456],
    ['-1234.56', -123456],
    ['-0.05', -5],
    ['90071992547409.91', Number.MAX_SAFE_INTEGER],
    ['-90071992547409.91', -Number.MAX_SAFE_INTEGER],
  ])('%s → %i centavos', (texto, esperado) => {
    expect(centavosDeSalida(texto)).toBe(esperado);
  });

  // Every one of these would have printed $0.00 through `centavosDesdeTexto(t) ?? 0`.
  it.each([
    '',
    '—',
    '1062',
    '1062.5',
    '1062.500',
    '007.05',
    '-0.00',
    '+1.00',
    '1,000.00',
    ' 1.00',
    '1.00 ',
    '1e3',
    'NaN',
    '90071992547409.92',
    '1000000000000000000000.00',
  ])('%j throws a RangeError naming it', (texto) => {
    expect(() => centavosDeSalida(texto)).toThrow(RangeError);
    expect(() => centavosDeSalida(texto)).toThrow(JSON.stringify(texto));
  });

  it('reads back exactly what formatearCentavos writes', () => {
    for (const c of [0, 1, -1, 99, -100, 101, 106250, -9999999999, Number.MAX_SAFE_INTEGER]) {
      expect(centavosDeSalida(formatearCentavos(c as Centavos))).toBe(c);
    }
  });
});

describe('sumarTodos', () => {
  it('adds the amounts; nothing totals zero', () => {
    expect(sumarTodos([])).toBe(0);
    expect(sumarTodos([centavos(150), centavos(-50), centavos(1)])).toBe(101);
    expect(sumarTodos(new Set([centavos(7)]))).toBe(7);
  });

  it('throws rather than lose centavos past the safe range', () => {
    const mitad = centavos(2 ** 52);
    expect(sumarTodos([mitad, centavos(2 ** 52 - 1)])).toBe(Number.MAX_SAFE_INTEGER);
    expect(() => sumarTodos([mitad, mitad])).toThrow(RangeError);
    // A partial sum past the range is refused even when a later term would bring it back.
    expect(() => sumarTodos([mitad, mitad, centavos(-mitad)])).toThrow(RangeError);
  });
});
