import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type Centavos,
  centavosDesdeEntero,
  centavosDesdeTexto,
  formatearCentavos,
} from '../../src/domain/dinero.ts';
import {
  civilDesdeDia,
  diaDesdeCivil,
  fechaDesdeNumeroDeDia,
  numeroDeDiaDeTexto,
} from '../../src/domain/fecha.ts';

// The engine's readers and writer are hand-written for speed; these hold them to the plain
// definitions they replaced (a regular expression, a round trip through the calendar).

function centavosDeReferencia(texto: string): Centavos | null {
  const partes = /^(\d+)(?:\.(\d{1,2}))?$/.exec(texto);
  if (!partes) return null;
  return centavosDesdeEntero(Number(partes[1]) * 100 + Number((partes[2] ?? '').padEnd(2, '0')));
}

function diaDeReferencia(texto: string): number | null {
  const p = /^(\d{4})-(\d{2})-(\d{2})$/.exec(texto);
  if (!p) return null;
  const [anio, mes, dia] = [Number(p[1]), Number(p[2]), Number(p[3])];
  if (mes < 1 || mes > 12 || dia < 1) return null;
  const n = diaDesdeCivil(anio, mes, dia);
  const vuelta = civilDesdeDia(n);
  return vuelta.mes === mes && vuelta.dia === dia ? n : null;
}

const caracteres = fc.constantFrom(...'0123456789.-+e ,$'.split(''));
const textoRaro = fc.array(caracteres, { maxLength: 22 }).map((cs) => cs.join(''));

describe('centavosDesdeTexto', () => {
  it('lee lo mismo que la expresión regular que reemplazó, en textos cualesquiera', () => {
    fc.assert(
      fc.property(fc.oneof(textoRaro, fc.string()), (t) => {
        expect(centavosDesdeTexto(t)).toBe(centavosDeReferencia(t));
      }),
      { numRuns: 5_000 },
    );
  });

  it('casos de borde', () => {
    for (const t of [
      '0',
      '00.5',
      '1062.',
      '.50',
      '1.234',
      '9007199254740991',
      '90071992547409.91',
    ]) {
      expect(centavosDesdeTexto(t)).toBe(centavosDeReferencia(t));
    }
    expect(centavosDesdeTexto('90071992547409.91')).toBe(Number.MAX_SAFE_INTEGER);
    expect(centavosDesdeTexto('90071992547409.92')).toBeNull();
  });
});

describe('formatearCentavos', () => {
  it('escribe pesos con dos decimales y se lee de vuelta', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), (n) => {
        const c = n as Centavos;
        const t = formatearCentavos(c);
        expect(t).toMatch(/^\d+\.\d{2}$/);
        expect(centavosDesdeTexto(t)).toBe(c);
        expect(formatearCentavos(-n as Centavos)).toBe(n === 0 ? '0.00' : `-${t}`);
      }),
      { numRuns: 2_000 },
    );
  });
});

describe('numeroDeDiaDeTexto', () => {
  it('da el mismo día que la expresión regular y el calendario, en textos cualesquiera', () => {
    const casiFecha = fc
      .tuple(
        fc.integer({ min: 0, max: 9999 }),
        fc.integer({ min: 0, max: 13 }),
        fc.integer({ min: 0, max: 32 }),
      )
      .map(
        ([a, m, d]) =>
          `${String(a).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`,
      );
    fc.assert(
      fc.property(fc.oneof(casiFecha, fc.string({ maxLength: 12 })), (t) => {
        expect(numeroDeDiaDeTexto(t)).toBe(diaDeReferencia(t));
      }),
      { numRuns: 5_000 },
    );
  });

  it('ida y vuelta por todos los días de 1900 a 2200', () => {
    for (let n = diaDesdeCivil(1900, 1, 1); n <= diaDesdeCivil(2200, 12, 31); n++) {
      if (numeroDeDiaDeTexto(fechaDesdeNumeroDeDia(n)) !== n) throw new Error(`día ${n}`);
    }
  });
});
