import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { numeroDeDia } from '../../src/domain/fecha.ts';
import { minutosHabilesEntre } from '../../src/domain/gestion/horas-habiles.ts';
import { horaLocal } from '../../src/domain/gestion/ventana-de-contacto.ts';
import { ZONAS_ELEGIBLES } from '../../src/domain/gestion/zona-horaria.ts';

const en = (iso: string): Date => new Date(iso);

// Hermosillo is UTC−7 all year: 08:00 local = 15:00 UTC, 16:00 local = 23:00 UTC.
// 2026-03-09 is a Monday.
describe('minutosHabilesEntre (Hermosillo by default)', () => {
  it.each([
    ['inside one morning', '2026-03-09T15:00Z', '2026-03-09T16:30Z', 90],
    ['a whole working day', '2026-03-09T00:00Z', '2026-03-10T00:00Z', 480],
    ['07:00 to 09:00 local counts from 08:00', '2026-03-09T14:00Z', '2026-03-09T16:00Z', 60],
    ['15:30 to 17:00 local counts to 16:00', '2026-03-09T22:30Z', '2026-03-10T00:00Z', 30],
    ['after closing to before opening', '2026-03-09T23:00Z', '2026-03-10T15:00Z', 0],
    ['Friday 15:00 to Monday 09:00 local', '2026-03-13T22:00Z', '2026-03-16T16:00Z', 120],
    ['a whole weekend', '2026-03-14T00:00Z', '2026-03-16T07:00Z', 0],
    ['Monday to Monday: five days', '2026-03-09T15:00Z', '2026-03-16T15:00Z', 2400],
    ['hasta before desde', '2026-03-09T17:00Z', '2026-03-09T16:00Z', 0],
    ['the same instant', '2026-03-09T17:00Z', '2026-03-09T17:00Z', 0],
    ['seconds count as a fraction', '2026-03-09T15:00:00Z', '2026-03-09T15:00:30Z', 0.5],
  ])('%s', (_caso, desde, hasta, minutos) => {
    expect(minutosHabilesEntre(en(desde), en(hasta))).toBe(minutos);
  });

  it('counts in the zone it is given: Tijuana opens an hour later (UTC) in winter', () => {
    // 15:00–16:00 UTC is 08:00–09:00 in Hermosillo but 07:00–08:00 in Tijuana (PST).
    expect(
      minutosHabilesEntre(en('2026-01-15T15:00Z'), en('2026-01-15T16:00Z'), 'America/Tijuana'),
    ).toBe(0);
    expect(minutosHabilesEntre(en('2026-01-15T15:00Z'), en('2026-01-15T16:00Z'))).toBe(60);
    // After the US switch Tijuana is UTC−7 like Hermosillo.
    expect(
      minutosHabilesEntre(en('2026-03-09T15:00Z'), en('2026-03-09T16:00Z'), 'America/Tijuana'),
    ).toBe(60);
  });

  it('a day of work across the DST switch is still 480 minutes', () => {
    // Week of 2 to 9 November 2026 in Tijuana: five working days.
    expect(
      minutosHabilesEntre(en('2026-11-01T00:00Z'), en('2026-11-08T12:00Z'), 'America/Tijuana'),
    ).toBe(2400);
    expect(
      minutosHabilesEntre(en('2026-03-07T00:00Z'), en('2026-03-14T12:00Z'), 'America/Tijuana'),
    ).toBe(2400);
  });

  it('eight business hours from a Friday afternoon end on Monday afternoon', () => {
    // Friday 13 March 14:00 local → 2 h Friday + 6 h Monday = Monday 14:00 local (21:00 UTC).
    expect(minutosHabilesEntre(en('2026-03-13T21:00Z'), en('2026-03-16T21:00Z'))).toBe(480);
    expect(minutosHabilesEntre(en('2026-03-13T21:00Z'), en('2026-03-16T20:59Z'))).toBe(479);
  });

  it.each(ZONAS_ELEGIBLES.map((z) => z.zona))(
    '%s: a year counted at once equals the sum of its half-days (DST days included)',
    (zona) => {
      // Counting at once assumes a weekday in the middle is 480 minutes; pieces of 12 hours
      // read every office opening and closing from the zone's clock instead.
      const inicio = Date.UTC(2026, 0, 1);
      const fin = Date.UTC(2027, 0, 1);
      let suma = 0;
      for (let t = inicio; t < fin; t += 12 * 3_600_000) {
        suma += minutosHabilesEntre(new Date(t), new Date(t + 12 * 3_600_000), zona);
      }
      expect(suma).toBe(minutosHabilesEntre(new Date(inicio), new Date(fin), zona));
      expect(suma).toBe(261 * 480); // 2026 has 261 weekdays
    },
  );

  it('a día inhábil of the calendar counts as a weekend day', () => {
    // Monday 16 March 2026 (Benito Juárez's day): Friday 14:00 + 8 business hours is Tuesday.
    const inhabiles = new Set(['2026-03-16']);
    const viernes = en('2026-03-13T21:00Z');
    expect(minutosHabilesEntre(viernes, en('2026-03-16T21:00Z'), undefined, inhabiles)).toBe(120);
    expect(minutosHabilesEntre(viernes, en('2026-03-17T21:00Z'), undefined, inhabiles)).toBe(480);
    // A holiday inside a longer span, and one at either end.
    const semana = minutosHabilesEntre(en('2026-03-12T15:00Z'), en('2026-03-19T15:00Z'));
    expect(
      minutosHabilesEntre(en('2026-03-12T15:00Z'), en('2026-03-19T15:00Z'), undefined, inhabiles),
    ).toBe(semana - 480);
    expect(
      minutosHabilesEntre(en('2026-03-16T15:00Z'), en('2026-03-16T20:00Z'), undefined, inhabiles),
    ).toBe(0);
  });

  it('takes one step per day, not per minute: ten years are quick', () => {
    const m = minutosHabilesEntre(en('2020-01-01T00:00Z'), en('2030-01-01T00:00Z'));
    // 2020-01-01 to 2029-12-31: 2609 weekdays.
    expect(m).toBe(2609 * 480);
  });
});

describe('properties', () => {
  const arbZona = fc.constantFrom(...ZONAS_ELEGIBLES.map((z) => z.zona));
  const MIN = Date.UTC(2024, 0, 1);
  const MAX = Date.UTC(2028, 11, 31);
  // Whole minutes keep the sums exact; the arbitrary-millisecond case is checked to a tolerance.
  const arbMinuto = fc.integer({ min: MIN / 60_000, max: MAX / 60_000 }).map((m) => m * 60_000);
  const arbMs = fc.integer({ min: MIN, max: MAX });
  const tres = (arb: fc.Arbitrary<number>) =>
    fc.tuple(arb, arb, arb).map((t) => [...t].sort((x, y) => x - y) as [number, number, number]);

  it('is additive: a ≤ b ≤ c ⇒ m(a,c) = m(a,b) + m(b,c)', () => {
    fc.assert(
      fc.property(tres(arbMinuto), arbZona, ([a, b, c], zona) => {
        const m = (x: number, y: number) => minutosHabilesEntre(new Date(x), new Date(y), zona);
        expect(m(a, c)).toBe(m(a, b) + m(b, c));
      }),
    );
    fc.assert(
      fc.property(tres(arbMs), arbZona, ([a, b, c], zona) => {
        const m = (x: number, y: number) => minutosHabilesEntre(new Date(x), new Date(y), zona);
        expect(m(a, c)).toBeCloseTo(m(a, b) + m(b, c), 6);
      }),
    );
  });

  it('is never negative and at most 480 per calendar day touched', () => {
    fc.assert(
      fc.property(arbMs, arbMs, arbZona, (x, y, zona) => {
        const m = minutosHabilesEntre(new Date(x), new Date(y), zona);
        expect(m).toBeGreaterThanOrEqual(0);
        if (y <= x) expect(m).toBe(0);
        const dias =
          numeroDeDia(horaLocal(new Date(Math.max(x, y)), zona).fecha) -
          numeroDeDia(horaLocal(new Date(Math.min(x, y)), zona).fecha) +
          1;
        expect(m).toBeLessThanOrEqual(480 * dias);
      }),
    );
  });

  it('never more than the elapsed time', () => {
    fc.assert(
      fc.property(arbMs, fc.integer({ min: 0, max: 3 * 86_400_000 }), arbZona, (x, d, zona) => {
        expect(minutosHabilesEntre(new Date(x), new Date(x + d), zona)).toBeLessThanOrEqual(
          d / 60_000,
        );
      }),
    );
  });
});
