import { describe, expect, it } from 'vitest';
import {
  diasEntre,
  type Fecha,
  fechaDesdeNumeroDeDia,
  fechaDesdeTexto,
  formatearFecha,
  formatearInstante,
  numeroDeDia,
  sumarDias,
} from '../../src/domain/fecha.ts';

const f = (texto: string): Fecha => {
  const fecha = fechaDesdeTexto(texto);
  if (fecha === null) throw new Error(`fecha de prueba inválida: ${texto}`);
  return fecha;
};

describe('fechaDesdeTexto', () => {
  it.each([
    '2024-02-29', // leap year
    '2000-02-29', // divisible by 400: leap
    '2023-12-31',
    '1970-01-01',
    '0001-01-01',
    '9999-12-31',
  ])('%s is a date', (texto) => {
    expect(fechaDesdeTexto(texto)).toBe(texto);
  });

  it.each([
    '2023-02-29', // not a leap year
    '1900-02-29', // divisible by 100, not by 400: not leap
    '2024-02-30',
    '2024-04-31',
    '2024-13-01',
    '2024-00-10',
    '2024-01-00',
    '2024-1-01',
    '24-01-01',
    '2024/01/01',
    ' 2024-01-01',
    '2024-01-01T00:00:00Z',
    '',
  ])('%j is not a date', (texto) => {
    expect(fechaDesdeTexto(texto)).toBeNull();
  });
});

describe('day arithmetic', () => {
  it.each([
    ['2024-01-01', '2024-02-01', 31],
    ['2024-02-01', '2024-03-01', 29], // leap February
    ['2023-02-01', '2023-03-01', 28],
    ['2024-01-01', '2025-01-01', 366],
    ['2023-01-01', '2024-01-01', 365],
    ['2024-03-20', '2024-03-01', -19],
    ['2024-05-15', '2024-05-15', 0],
  ])('from %s to %s: %i days', (a, b, dias) => {
    expect(diasEntre(f(a), f(b))).toBe(dias);
    expect(sumarDias(f(a), dias)).toBe(b);
  });

  it('counts days from 1970-01-01 and back', () => {
    expect(numeroDeDia(f('1970-01-01'))).toBe(0);
    expect(numeroDeDia(f('1969-12-31'))).toBe(-1);
    expect(numeroDeDia(f('2000-03-01'))).toBe(11017);
    for (const texto of ['2024-02-29', '1900-03-01', '2100-12-31', '0001-01-01']) {
      expect(fechaDesdeNumeroDeDia(numeroDeDia(f(texto)))).toBe(texto);
    }
  });

  it('formats for people as dd/mm/aaaa', () => {
    expect(formatearFecha(f('2024-02-29'))).toBe('29/02/2024');
  });
});

describe('formatearInstante', () => {
  it.each([
    // Hermosillo: UTC−7 all year.
    ['2026-03-10T16:00:00Z', 'America/Hermosillo', '10/03/2026 09:00'],
    ['2026-12-04T06:59:00Z', 'America/Hermosillo', '03/12/2026 23:59'],
    ['2027-01-01T07:00:00Z', 'America/Hermosillo', '01/01/2027 00:00'],
    // Tijuana keeps the US's summer time: UTC−7 in July, UTC−8 in January.
    ['2026-07-01T19:30:00Z', 'America/Tijuana', '01/07/2026 12:30'],
    ['2026-01-15T19:30:00Z', 'America/Tijuana', '15/01/2026 11:30'],
  ])('%s en %s es %s (año con cuatro cifras, 24 horas)', (iso, zona, esperado) => {
    expect(formatearInstante(new Date(iso), zona)).toBe(esperado);
  });
});
