import { describe, expect, it } from 'vitest';
import { RelojManual } from '../../src/plataforma/reloj-sistema.ts';

describe('fecha de negocio en America/Hermosillo (UTC−7 todo el año)', () => {
  it.each([
    ['2026-11-27T06:59:59Z', '2026-11-26'],
    ['2026-11-27T07:00:00Z', '2026-11-27'],
    ['2026-07-01T03:00:00Z', '2026-06-30'], // no daylight saving in Sonora
    ['2024-03-01T06:00:00Z', '2024-02-29'],
  ])('a las %s es %s', (instante, fecha) => {
    expect(new RelojManual(instante).hoy()).toBe(fecha);
  });

  it('avanza con el tiempo que le indican', () => {
    const r = new RelojManual('2026-12-31T23:00:00Z');
    expect(r.hoy()).toBe('2026-12-31');
    r.avanzarMinutos(8 * 60);
    expect(r.hoy()).toBe('2027-01-01');
  });
});
