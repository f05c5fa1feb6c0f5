import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  etiquetaDeExpediente,
  etiquetaDePagare,
  leerEtiqueta,
} from '../../src/domain/expedientes/etiquetas.ts';

describe('etiquetas de piezas', () => {
  it('the expediente and the pagaré carry their prefix', () => {
    expect(etiquetaDeExpediente('CE-2021-000123')).toBe('EXP-CE-2021-000123');
    expect(etiquetaDePagare('PG-2021-0000042')).toBe('PAG-PG-2021-0000042');
  });

  it.each([
    ['EXP-CE-2021-000123', { tipo: 'expediente', numeroCredito: 'CE-2021-000123' }],
    ['  exp-ce-2021-000123\r\n', { tipo: 'expediente', numeroCredito: 'CE-2021-000123' }],
    ['PAG-PG-2021-0000042', { tipo: 'pagare', pagareNumero: 'PG-2021-0000042' }],
    ['Pag-pg-2021-0000042 ', { tipo: 'pagare', pagareNumero: 'PG-2021-0000042' }],
  ])('reads %j', (texto, esperado) => {
    expect(leerEtiqueta(texto)).toEqual(esperado);
  });

  it.each(['', '   ', 'EXP-', 'PAG-  ', 'CE-2021-000123', 'XEXP-CE-1', 'EXPCE-1'])(
    'refuses %j',
    (texto) => {
      expect(leerEtiqueta(texto)).toBeNull();
    },
  );

  it('reads back what it prints, for any upper-case number', () => {
    const numero = fc.stringMatching(/^[A-Z0-9][A-Z0-9._/-]{0,40}$/).filter((t) => t.trim() === t);
    fc.assert(
      fc.property(numero, (n) => {
        expect(leerEtiqueta(etiquetaDeExpediente(n))).toEqual({
          tipo: 'expediente',
          numeroCredito: n,
        });
        expect(leerEtiqueta(etiquetaDePagare(n))).toEqual({ tipo: 'pagare', pagareNumero: n });
      }),
    );
  });
});
