import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Centavos } from '../../src/domain/dinero.ts';
import {
  type CuentaARepartir,
  type ReglaDistribucion,
  repartir,
  textoDelPlan,
  totalesPorGestor,
} from '../../src/domain/gestion/distribucion.ts';

const CORRIDAS = { numRuns: Number(process.env.PROPIEDADES_CORRIDAS ?? 300) };

const cuenta = (creditoId: number, saldo: number): CuentaARepartir => ({
  creditoId,
  saldo: saldo as Centavos,
});

/** Distinct credits with balances up to $10 million (0 included: no aging snapshot). */
const arbCuentas = fc
  .uniqueArray(fc.integer({ min: 1, max: 1_000_000 }), { maxLength: 300 })
  .chain((ids) =>
    fc
      .array(fc.integer({ min: 0, max: 1_000_000_000 }), {
        minLength: ids.length,
        maxLength: ids.length,
      })
      .map((saldos) => ids.map((id, i) => cuenta(id, saldos[i] ?? 0))),
  );
const arbGestores = fc.uniqueArray(fc.integer({ min: 1, max: 500 }), {
  minLength: 1,
  maxLength: 12,
});
const arbRegla = fc.constantFrom<ReglaDistribucion>('cuentas', 'saldo');

describe('repartir', () => {
  it('cada cuenta se reparte exactamente una vez, a uno de los gestores elegidos', () => {
    fc.assert(
      fc.property(arbCuentas, arbGestores, arbRegla, (cuentas, gestores, regla) => {
        const plan = repartir(cuentas, gestores, regla);
        expect(plan.map((c) => c.creditoId).sort((a, b) => a - b)).toEqual(
          cuentas.map((c) => c.creditoId).sort((a, b) => a - b),
        );
        for (const c of plan) expect(gestores).toContain(c.gestorId);
        const saldoDe = new Map(cuentas.map((c) => [c.creditoId, c.saldo]));
        for (const c of plan) expect(c.saldo).toBe(saldoDe.get(c.creditoId));
      }),
      CORRIDAS,
    );
  });

  it('«cuentas»: el número de cuentas por gestor difiere a lo más en una', () => {
    fc.assert(
      fc.property(arbCuentas, arbGestores, (cuentas, gestores) => {
        const n = totalesPorGestor(repartir(cuentas, gestores, 'cuentas'), gestores).map(
          (t) => t.cuentas,
        );
        expect(Math.max(...n) - Math.min(...n)).toBeLessThanOrEqual(1);
      }),
      CORRIDAS,
    );
  });

  it('«saldo»: el saldo por gestor difiere a lo más en el mayor saldo individual', () => {
    fc.assert(
      fc.property(arbCuentas, arbGestores, (cuentas, gestores) => {
        const s = totalesPorGestor(repartir(cuentas, gestores, 'saldo'), gestores).map(
          (t) => t.saldo,
        );
        const mayor = Math.max(0, ...cuentas.map((c) => c.saldo));
        expect(Math.max(...s) - Math.min(...s)).toBeLessThanOrEqual(mayor);
      }),
      CORRIDAS,
    );
  });

  it('no depende del orden en que llegan las cuentas (la firma de la vista previa vale al aplicar)', () => {
    fc.assert(
      fc.property(arbCuentas, arbGestores, arbRegla, (cuentas, gestores, regla) => {
        const alReves = [...cuentas].reverse();
        expect(textoDelPlan(repartir(alReves, gestores, regla))).toBe(
          textoDelPlan(repartir(cuentas, gestores, regla)),
        );
      }),
      CORRIDAS,
    );
  });

  it('«cuentas» reparte por turno del mayor saldo al menor; «saldo» da la mayor al que menos lleva', () => {
    const cuentas = [cuenta(1, 100), cuenta(2, 900), cuenta(3, 500), cuenta(4, 300), cuenta(5, 0)];
    expect(repartir(cuentas, [7, 8], 'cuentas').map((c) => [c.creditoId, c.gestorId])).toEqual([
      [2, 7],
      [3, 8],
      [4, 7],
      [1, 8],
      [5, 7],
    ]);
    // 900 → 7; 500 → 8 (0 < 900); 300 → 8 (500 < 900); 100 → 8 (800 < 900); 0 → 7 (tie at 900: the first).
    const porSaldo = repartir(cuentas, [7, 8], 'saldo');
    expect(porSaldo.map((c) => [c.creditoId, c.gestorId])).toEqual([
      [2, 7],
      [3, 8],
      [4, 8],
      [1, 8],
      [5, 7],
    ]);
    expect(totalesPorGestor(porSaldo, [7, 8, 9])).toEqual([
      { gestorId: 7, cuentas: 2, saldo: 900 },
      { gestorId: 8, cuentas: 3, saldo: 900 },
      { gestorId: 9, cuentas: 0, saldo: 0 },
    ]);
  });

  it('sin gestores no hay reparto', () => {
    expect(() => repartir([cuenta(1, 1)], [], 'cuentas')).toThrow(RangeError);
  });

  it('el texto del plan es canónico: por crédito, una línea por cuenta', () => {
    const plan = repartir([cuenta(20, 5), cuenta(3, 10)], [1, 2], 'cuentas');
    expect(textoDelPlan(plan)).toBe('3:1:10\n20:2:5');
  });
});
