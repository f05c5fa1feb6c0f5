import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  estadoDeLinea,
  type LineaDeCorte,
  nombreDeCanal,
  totalizarCorte,
} from '../../src/domain/caja/corte.ts';
import { type Centavos, centavos } from '../../src/domain/dinero.ts';
import type { Fecha } from '../../src/domain/fecha.ts';

const DIA = '2026-12-02' as Fecha;

function linea(
  folio: number,
  monto: number,
  datos: Partial<Omit<LineaDeCorte, 'centavos'>> = {},
): LineaDeCorte {
  return {
    folio,
    tipo: monto < 0 ? 'cancelacion' : 'pago',
    fecha: DIA,
    canal: 'banco',
    oficina: 'Hermosillo',
    registradoPor: 'Sofía Valenzuela Peña',
    posterior: false,
    ...datos,
    centavos: centavos(monto),
  };
}

const suma = (xs: readonly { centavos: Centavos }[]) => xs.reduce((a, x) => a + x.centavos, 0);

describe('totalizarCorte', () => {
  it.each([
    {
      caso: 'sin líneas',
      lineas: [],
      total: 0,
      pagos: 0,
      cancelaciones: 0,
      porCanal: [],
    },
    {
      // The user's corte: the cancelled payment listed among the rows is now cancelled by its
      // own negative line, so the column adds up to the stated total.
      caso: 'un pago y su cancelación el mismo día',
      lineas: [
        linea(1, 1_166_981),
        linea(2, 1_000, { canal: 'caja' }),
        linea(3, -1_000, { canal: 'caja' }),
      ],
      total: 1_166_981,
      pagos: 1_167_981,
      cancelaciones: -1_000,
      porCanal: [
        { clave: 'caja', nombre: 'Caja del instituto', movimientos: 2, centavos: 0 },
        { clave: 'banco', nombre: 'Depósito bancario', movimientos: 1, centavos: 1_166_981 },
      ],
    },
    {
      caso: 'una cancelación de un pago de otro día: el total del día queda negativo',
      lineas: [linea(7, -50_000, { canal: 'nomina' })],
      total: -50_000,
      pagos: 0,
      cancelaciones: -50_000,
      porCanal: [
        { clave: 'nomina', nombre: 'Descuento por nómina', movimientos: 1, centavos: -50_000 },
      ],
    },
    {
      caso: 'un movimiento posterior al cierre cuenta en el corte que lo recibe',
      lineas: [
        linea(4, 10_050),
        linea(5, 20_000, { fecha: '2026-12-01' as Fecha, posterior: true }),
      ],
      total: 30_050,
      pagos: 30_050,
      cancelaciones: 0,
      porCanal: [{ clave: 'banco', nombre: 'Depósito bancario', movimientos: 2, centavos: 30_050 }],
    },
  ])('$caso', ({ lineas, total, pagos, cancelaciones, porCanal }) => {
    const t = totalizarCorte(lineas);
    expect(t.total.centavos).toBe(total);
    expect(t.total.movimientos).toBe(lineas.length);
    expect(t.pagos.centavos).toBe(pagos);
    expect(t.cancelaciones.centavos).toBe(cancelaciones);
    expect(t.porCanal).toEqual(porCanal);
  });

  it('las etiquetas son las de la pantalla', () => {
    expect(nombreDeCanal('banco')).toBe('Depósito bancario');
    expect(nombreDeCanal('caja')).toBe('Caja del instituto');
    expect(nombreDeCanal('otro')).toBe('otro');
    expect(estadoDeLinea('pago', false)).toBe('Aplicado');
    expect(estadoDeLinea('pago', true)).toBe('Cancelado');
    expect(estadoDeLinea('cancelacion', false)).toBe('Cancelación');
  });

  it('un total fuera del rango seguro se rechaza en vez de perder centavos', () => {
    const grande = Number.MAX_SAFE_INTEGER - 1;
    expect(() => totalizarCorte([linea(1, grande), linea(2, grande)])).toThrow(RangeError);
  });
});

// Any set of payments, some of them cancelled the same day: the lines, grouped any way, add up
// to the totals, and every cancelled payment nets to zero with its reversal.
const pago = fc.record({
  monto: fc.integer({ min: 1, max: 100_000_000 }),
  canal: fc.constantFrom('banco', 'caja', 'nomina', 'importacion'),
  oficina: fc.constantFrom('Hermosillo', 'Obregón', 'Nogales'),
  registro: fc.constantFrom('Sofía', 'Ramón', 'Conciliación bancaria'),
  cancelado: fc.boolean(),
  posterior: fc.boolean(),
});

describe('propiedad: las líneas suman los totales', () => {
  it('por canal, por oficina, por quien registró y en total', () => {
    fc.assert(
      fc.property(fc.array(pago, { maxLength: 60 }), (pagos) => {
        const lineas: LineaDeCorte[] = [];
        let folio = 1;
        for (const p of pagos) {
          const datos = { canal: p.canal, oficina: p.oficina, registradoPor: p.registro };
          lineas.push(linea(folio++, p.monto, { ...datos, posterior: p.posterior }));
          if (p.cancelado) lineas.push(linea(folio++, -p.monto, datos));
        }
        const t = totalizarCorte(lineas);
        expect(t.total.centavos).toBe(suma(lineas));
        expect(t.pagos.centavos + t.cancelaciones.centavos).toBe(t.total.centavos);
        expect(t.pagos.movimientos + t.cancelaciones.movimientos).toBe(lineas.length);
        const vigentes = pagos.filter((p) => !p.cancelado).reduce((a, p) => a + p.monto, 0);
        expect(t.total.centavos).toBe(vigentes);
        for (const grupos of [t.porCanal, t.porOficina, t.porGestor]) {
          expect(suma(grupos)).toBe(t.total.centavos);
          expect(grupos.reduce((a, g) => a + g.movimientos, 0)).toBe(lineas.length);
        }
        for (const g of t.porCanal) {
          expect(g.centavos).toBe(suma(lineas.filter((l) => l.canal === g.clave)));
        }
      }),
      { numRuns: 300 },
    );
  });
});
