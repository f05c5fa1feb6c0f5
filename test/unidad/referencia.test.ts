import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  generarReferencia,
  LONGITUD_REFERENCIA,
  MAXIMO_CREDITO_ID,
  validarReferencia,
} from '../../src/domain/referencia.ts';

const creditoId = fc.integer({ min: 1, max: MAXIMO_CREDITO_ID });

describe('referencia de depósito con dígitos verificadores (ISO 7064 MOD 97-10)', () => {
  it.each([
    [1, '1000000161'],
    [12345, '1001234583'],
    [MAXIMO_CREDITO_ID, '1999999933'],
  ])('el crédito %i tiene la referencia %s', (id, esperada) => {
    expect(generarReferencia(id)).toBe(esperada);
    expect(validarReferencia(esperada)).toEqual({
      valida: true,
      referencia: esperada,
      creditoId: id,
    });
  });

  it('cada referencia generada es de 10 dígitos, empieza con 1 y valida de vuelta a su crédito', () => {
    fc.assert(
      fc.property(creditoId, (id) => {
        const r = generarReferencia(id);
        expect(r).toMatch(/^1\d{9}$/);
        expect(r).toHaveLength(LONGITUD_REFERENCIA);
        expect(validarReferencia(r)).toEqual({ valida: true, referencia: r, creditoId: id });
      }),
    );
  });

  it('todo cambio de un solo dígito se rechaza', () => {
    fc.assert(
      fc.property(
        creditoId,
        fc.nat({ max: LONGITUD_REFERENCIA - 1 }),
        fc.integer({ min: 1, max: 9 }),
        (id, posicion, delta) => {
          const r = generarReferencia(id);
          const nuevo = (Number(r.charAt(posicion)) + delta) % 10;
          const alterada = `${r.slice(0, posicion)}${nuevo}${r.slice(posicion + 1)}`;
          expect(validarReferencia(alterada).valida).toBe(false);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('toda transposición de dos dígitos vecinos distintos se rechaza', () => {
    fc.assert(
      fc.property(creditoId, fc.nat({ max: LONGITUD_REFERENCIA - 2 }), (id, i) => {
        const r = generarReferencia(id);
        const a = r.charAt(i);
        const b = r.charAt(i + 1);
        fc.pre(a !== b);
        const alterada = `${r.slice(0, i)}${b}${a}${r.slice(i + 2)}`;
        expect(validarReferencia(alterada).valida).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });

  it('exhaustivo en una muestra: los 90 cambios de un dígito y las 9 transposiciones', () => {
    for (const id of [1, 7, 90, 909, 12345, 4_000_000, MAXIMO_CREDITO_ID]) {
      const r = generarReferencia(id);
      for (let i = 0; i < r.length; i++) {
        for (let d = 0; d <= 9; d++) {
          if (String(d) === r.charAt(i)) continue;
          const alterada = `${r.slice(0, i)}${d}${r.slice(i + 1)}`;
          expect(validarReferencia(alterada).valida, alterada).toBe(false);
        }
        if (i + 1 < r.length && r.charAt(i) !== r.charAt(i + 1)) {
          const t = `${r.slice(0, i)}${r.charAt(i + 1)}${r.charAt(i)}${r.slice(i + 2)}`;
          expect(validarReferencia(t).valida, t).toBe(false);
        }
      }
    }
  });

  it('se lee como la escribe una persona o un banco: espacios, guiones y ceros a la izquierda', () => {
    const r = generarReferencia(12345);
    for (const escrita of [` ${r} `, '1001 2345 83', '10012-345-83', `0000000000${r}`]) {
      expect(validarReferencia(escrita)).toMatchObject({ valida: true, creditoId: 12345 });
    }
  });

  it.each([
    ['', 'está vacía'],
    ['   ', 'está vacía'],
    ['10012345A3', 'solo admite dígitos'],
    ['BBVA-778812', 'solo admite dígitos'],
    ['100123458', 'debe tener 10 dígitos y tiene 9'],
    ['10012345830', 'debe tener 10 dígitos y tiene 11'],
    ['1001234584', 'el dígito verificador no corresponde'],
    ['1000000064', 'no corresponde a ningún crédito'],
  ])('«%s» se rechaza: %s', (texto, motivo) => {
    expect(validarReferencia(texto)).toEqual({ valida: false, motivo });
  });

  it('una cadena válida que no empieza con 1 no es referencia de crédito', () => {
    // Its check digits are right (computed here as the module does), its prefix is not.
    const cuerpo = '20000001';
    let resto = 0;
    for (const d of `${cuerpo}00`) resto = (resto * 10 + Number(d)) % 97;
    const otra = `${cuerpo}${String(98 - resto).padStart(2, '0')}`;
    expect(validarReferencia(otra)).toEqual({
      valida: false,
      motivo: 'no es una referencia de crédito (empiezan con 1)',
    });
  });

  it('no genera referencia para ids fuera de rango', () => {
    for (const id of [0, -1, 1.5, MAXIMO_CREDITO_ID + 1, Number.NaN]) {
      expect(() => generarReferencia(id)).toThrow(RangeError);
    }
  });
});
