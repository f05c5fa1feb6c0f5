import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { completarCurp, digitoVerificadorCurp, validarCurp } from '../../src/domain/curp.ts';
import { caracterVerificadorRfc, validarRfc } from '../../src/domain/rfc.ts';

describe('CURP', () => {
  it.each([
    // Examples published with python-stdnum and other validators' test suites.
    ['BOXW310820HNERXN09', true],
    ['MAAR790213HMNRLF03', true],
    ['HEGG560427MVZRRL04', true],
    ['TUAZ040213MCLRLFA7', true],
    ['boxw310820hnerxn09', true],
    ['BOXW310820HNERXN08', false],
    ['BOXW311320HNERXN09', false],
    ['BOXW310820HXXRXN09', false],
    ['BOXW310820HNERXN0', false],
  ])('%s → %s', (curp, valida) => {
    expect(validarCurp(curp).valida).toBe(valida);
  });

  it('explica en español por qué no es válida', () => {
    expect(validarCurp('BOXW310820HNERXN08')).toEqual({
      valida: false,
      motivo: 'el dígito verificador no corresponde: con los primeros 17 caracteres debe ser 9',
    });
    expect(validarCurp('BOXW310230HNERXN09')).toMatchObject({
      motivo: 'la fecha de nacimiento que contiene no existe',
    });
  });

  it('cambiar cualquier carácter de los primeros 17 por otro válido casi siempre rompe el dígito', () => {
    const base = 'PEÑA800101MSRRXN0';
    expect(validarCurp(completarCurp(base)).valida).toBe(true);
    expect(digitoVerificadorCurp(base)).toBe(Number(completarCurp(base).slice(-1)));
  });

  it('propiedad: toda CURP completada con su dígito es válida', () => {
    const letra = fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'.split(''));
    const vocal = fc.constantFrom('A', 'E', 'I', 'O', 'U');
    const consonante = fc.constantFrom(...'BCDFGHJKLMNPQRSTVWXYZ'.split(''));
    const fecha = fc.date({
      min: new Date('1950-01-01T00:00:00Z'),
      max: new Date('1999-12-31T00:00:00Z'),
      noInvalidDate: true,
    });
    fc.assert(
      fc.property(
        letra,
        vocal,
        letra,
        letra,
        fecha,
        fc.constantFrom('H', 'M'),
        consonante,
        consonante,
        consonante,
        (a, v, b, c, f, s, x, y, z) => {
          const iso = f.toISOString();
          const primeros = `${a}${v}${b}${c}${iso.slice(2, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}${s}SR${x}${y}${z}0`;
          expect(validarCurp(completarCurp(primeros)).valida).toBe(true);
        },
      ),
    );
  });
});

describe('RFC', () => {
  it.each([
    ['GODE561231GR8', true, false],
    // The generic RFC for the public is legal although its check character does not verify.
    ['XAXX010101000', true, true],
    ['GODE561231GR9', true, true],
    ['GODE561331GR8', false, false],
    ['GODE56123', false, false],
  ])('%s → válido %s, con advertencia %s', (rfc, valido, advertencia) => {
    const r = validarRfc(rfc);
    expect(r.valido).toBe(valido);
    expect(r.valido && r.advertencia !== undefined).toBe(advertencia);
  });

  it('el carácter verificador de una persona moral cuenta el espacio inicial', () => {
    expect(caracterVerificadorRfc('ABC010101AB')).toMatch(/^[0-9A]$/);
  });
});
