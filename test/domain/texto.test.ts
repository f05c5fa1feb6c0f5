import { describe, expect, it } from 'vitest';
import { caracterNoAdmitido, motivoDeCaracter } from '../../src/domain/texto.ts';

describe('caracteres que un texto no admite', () => {
  it.each([
    ['NUL', 'a\u0000b', '\u0000'],
    ['escape', 'rojo \u001b[31m', '\u001b'],
    ['espacio de ancho cero', 'Ana\u200bLucía', '\u200b'],
    ['marca de izquierda a derecha', 'José\u200e', '\u200e'],
    ['anulación de derecha a izquierda', 'José \u202eoiraM', '\u202e'],
    ['aislamiento bidireccional', '\u2066x\u2069', '\u2066'],
    ['BOM', '\ufeffMaría', '\ufeff'],
    ['mitad de un par sustituto', 'a\ud800b', '\ud800'],
    ['unión de ancho cero suelta', 'Ana\u200dLucía', '\u200d'],
    ['salto de línea en una sola línea', 'María\nLópez', '\n'],
  ])('%s', (_nombre, texto, esperado) => {
    expect(caracterNoAdmitido(texto, false)).toBe(esperado);
  });

  it('admite texto común, acentos, emoji y emoji compuestos', () => {
    for (const t of [
      'José Núñez Peñúñuri',
      'e\u0301',
      '👍',
      '👨‍👩‍👧',
      '👩🏽‍💻',
      '❤️‍🔥',
      '«¿Sí?» — 50 %',
    ]) {
      expect(caracterNoAdmitido(t, false)).toBeNull();
    }
  });

  it('con renglones admite tabulador, salto de línea y retorno, y nada más', () => {
    expect(caracterNoAdmitido('uno\r\n\tdos', true)).toBeNull();
    expect(caracterNoAdmitido('uno\n\u0000', true)).toBe('\u0000');
  });

  it('el motivo nombra el punto de código', () => {
    expect(motivoDeCaracter('\u202e')).toBe(
      'contiene un carácter invisible o de control (U+202E) que no se admite',
    );
    expect(motivoDeCaracter('\t')).toBe('no admite saltos de línea ni tabuladores');
  });
});
