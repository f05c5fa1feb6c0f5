import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  enmascararCorreo,
  enmascararCurp,
  enmascararRfc,
  enmascararTelefono,
} from '../../src/domain/enmascarar.ts';

// Any text, including astral characters, lone surrogates and the masks' own characters.
const texto = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: fc.constantFrom('A', 'Z', '0', '9', '…', '•', '@', ' ', '-'), maxLength: 30 }),
);
const sinMascara = (t: string) => !t.includes('…') && !t.includes('•');
const puntos = (n: number) => '•'.repeat(n);

describe('CURP y RFC', () => {
  it.each([
    ['HESJ470815HSRRRN04', 'HESJ47…N04'],
    ['  BOXW310820HNERXN09 ', 'BOXW31…N09'],
    // The RFC holds the CURP's first ten: its birth month and day are hidden as well.
    ['HESJ470815R04', 'HESJ47…R04'],
    ['ABCDEFGH', 'ABCD…H'],
    ['ABCD', 'A…'],
    ['ABC', '…'],
    ['', ''],
    ['HESJ47…R04', 'HESJ47…R04'],
    ['ABC…DEF…', '…'],
  ])('%j → %j', (valor, esperado) => {
    expect(enmascararCurp(valor)).toBe(esperado);
  });

  it('el RFC se enmascara igual que la CURP', () => {
    expect(enmascararRfc('HESJ470815R04')).toBe('HESJ47…R04');
  });

  it('propiedad: muestra a lo más los 6 primeros y los 3 últimos, y oculta al menos una cuarta parte', () => {
    fc.assert(
      fc.property(texto, (valor) => {
        const v = valor.trim();
        const m = enmascararCurp(valor);
        if (v === '') {
          expect(m).toBe('');
          return;
        }
        const partes = /^([^…]{0,6})…([^…]{0,3})$/u.exec(m);
        expect(partes).not.toBeNull();
        const [, adelante = '', atras = ''] = partes ?? [];
        if (m === v) return; // Already masked: it passes as it was.
        if (v.includes('…')) {
          expect(m).toBe('…');
          return;
        }
        const c = Array.from(v);
        const visibles = Array.from(adelante).length + Array.from(atras).length;
        expect(v.startsWith(adelante)).toBe(true);
        expect(v.endsWith(atras)).toBe(true);
        const ocultos = Math.min(c.length, Math.max(3, Math.ceil(c.length / 4)));
        expect(c.length - visibles).toBeGreaterThanOrEqual(ocultos);
      }),
      { numRuns: 2000 },
    );
  });

  it('propiedad: enmascarar dos veces es enmascarar una', () => {
    fc.assert(
      fc.property(texto, (valor) => {
        const una = enmascararCurp(valor);
        expect(enmascararCurp(una)).toBe(una);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('teléfonos', () => {
  it.each([
    ['6622142847', '•••• 2847'],
    ['(662) 214-2847', '•••• 2847'],
    ['+52 662 214 2847', '•••• 2847'],
    ['1234567', '•••• 567'],
    ['12', '•••• 2'],
    ['1', '••••'],
    ['mismo del trabajo', '••••'],
    ['', '••••'],
    ['•••• 2847', '•••• 2847'],
    ['•••• 12345', '••••'],
  ])('%j → %j', (valor, esperado) => {
    expect(enmascararTelefono(valor)).toBe(esperado);
  });

  it('propiedad: a lo más los 4 últimos dígitos y nunca más de la mitad; idempotente', () => {
    fc.assert(
      fc.property(texto, (valor) => {
        const m = enmascararTelefono(valor);
        expect(enmascararTelefono(m)).toBe(m);
        const partes = /^••••(?: (\d{1,4}))?$/u.exec(m);
        expect(partes).not.toBeNull();
        const visibles = partes?.[1] ?? '';
        if (m === valor.trim() || !sinMascara(valor)) return;
        const digitos = valor.replace(/\D/g, '');
        expect(digitos.endsWith(visibles)).toBe(true);
        expect(visibles.length * 2).toBeLessThanOrEqual(digitos.length);
      }),
      { numRuns: 2000 },
    );
  });

  it('propiedad: de un número de 10 dígitos escrito como sea, siempre sus 4 últimos', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{10}$/), (n) => {
        const escrito = `(${n.slice(0, 3)}) ${n.slice(3, 6)}-${n.slice(6)}`;
        expect(enmascararTelefono(n)).toBe(`${puntos(4)} ${n.slice(-4)}`);
        expect(enmascararTelefono(escrito)).toBe(`${puntos(4)} ${n.slice(-4)}`);
      }),
    );
  });
});

describe('correos', () => {
  it.each([
    ['sofia.valenzuela@dominio.com', 's•••@dominio.com'],
    ['x@dominio.com', '•••@dominio.com'],
    ['sin-arroba', '•••'],
    ['@@dominio.com', '•••@dominio.com'],
    ['@a@dominio.com', '•••@dominio.com'],
    ['s•••@dominio.com', 's•••@dominio.com'],
    ['s••@dominio.com', '•••'],
  ])('%j → %j', (valor, esperado) => {
    expect(enmascararCorreo(valor)).toBe(esperado);
  });

  it('propiedad: a lo más la primera letra y el dominio; idempotente', () => {
    fc.assert(
      fc.property(texto, (valor) => {
        const m = enmascararCorreo(valor);
        expect(enmascararCorreo(m)).toBe(m);
        const partes = /^([^@•]?)•••(?:@([^@•]*))?$/u.exec(m);
        expect(partes).not.toBeNull();
        const v = valor.trim();
        if (m === v || !sinMascara(v)) return;
        const arroba = v.lastIndexOf('@');
        const [, primera = '', dominio] = partes ?? [];
        if (arroba < 0) {
          expect(m).toBe('•••');
          return;
        }
        expect(dominio).toBe(v.slice(arroba + 1));
        expect(primera === '' || v.startsWith(primera)).toBe(true);
        // Of the part before the domain, at most one character, and never all of it.
        if (primera !== '') expect(Array.from(v.slice(0, arroba)).length).toBeGreaterThan(1);
      }),
      { numRuns: 2000 },
    );
  });

  it('propiedad: de un correo común, la primera letra y el dominio', () => {
    fc.assert(
      fc.property(fc.emailAddress(), (correo) => {
        const arroba = correo.lastIndexOf('@');
        const local = correo.slice(0, arroba);
        const esperado =
          local.length >= 2
            ? `${local[0]}•••@${correo.slice(arroba + 1)}`
            : `•••@${correo.slice(arroba + 1)}`;
        expect(enmascararCorreo(correo)).toBe(esperado);
      }),
    );
  });
});
