import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  elegirRespaldos,
  type PoliticaDeRetencion,
} from '../../src/plataforma/respaldos/retencion.ts';

const r = (fecha: string, hora = '023000', ext = 'tar.gz') => `recupera-${fecha}-${hora}.${ext}`;

/** Every day from `desde` to `hasta` (inclusive), one backup at 02:30. */
function diarios(desde: string, hasta: string): string[] {
  const nombres: string[] = [];
  for (let t = Date.parse(`${desde}T00:00:00Z`); t <= Date.parse(`${hasta}T00:00:00Z`); t += 864e5)
    nombres.push(r(new Date(t).toISOString().slice(0, 10)));
  return nombres;
}

describe('retención de respaldos: ejemplos', () => {
  it.each<{ caso: string; nombres: string[]; politica: PoliticaDeRetencion; conservar: string[] }>([
    {
      caso: 'sin respaldos no hay nada que hacer',
      nombres: [],
      politica: { diarios: 7, semanales: 4, mensuales: 12 },
      conservar: [],
    },
    {
      caso: 'los 7 días más recientes',
      nombres: diarios('2026-01-01', '2026-01-10'),
      politica: { diarios: 7, semanales: 0, mensuales: 0 },
      conservar: diarios('2026-01-04', '2026-01-10').reverse(),
    },
    {
      // 2026-01-05 is a Monday: the week before ends on Sunday 2026-01-04.
      caso: 'días, y el último de cada semana ISO y de cada mes',
      nombres: diarios('2026-01-01', '2026-01-10'),
      politica: { diarios: 3, semanales: 2, mensuales: 1 },
      conservar: [r('2026-01-10'), r('2026-01-09'), r('2026-01-08'), r('2026-01-04')],
    },
    {
      caso: 'varios en un día: cuenta el más reciente de ese día',
      nombres: [
        r('2026-03-02', '010000'),
        r('2026-03-02', '220000'),
        r('2026-03-02'),
        r('2026-03-01'),
      ],
      politica: { diarios: 2, semanales: 0, mensuales: 0 },
      conservar: [r('2026-03-02', '220000'), r('2026-03-01')],
    },
    {
      caso: 'el último de cada mes',
      nombres: diarios('2025-11-25', '2026-01-05'),
      politica: { diarios: 1, semanales: 0, mensuales: 3 },
      conservar: [r('2026-01-05'), r('2025-12-31'), r('2025-11-30')],
    },
    {
      // 2026-12-31 (Thursday) and 2027-01-03 (Sunday) are both in ISO week 2026-W53.
      caso: 'la semana ISO cruza el año',
      nombres: [r('2026-12-28'), r('2026-12-31'), r('2027-01-03'), r('2027-01-04')],
      politica: { diarios: 1, semanales: 2, mensuales: 0 },
      conservar: [r('2027-01-04'), r('2027-01-03')],
    },
    {
      caso: 'un mes sin respaldos no gasta uno de los mensuales',
      nombres: [r('2026-05-20'), r('2026-02-10'), r('2026-01-10'), r('2025-12-10')],
      politica: { diarios: 1, semanales: 0, mensuales: 3 },
      conservar: [r('2026-05-20'), r('2026-02-10'), r('2026-01-10')],
    },
    {
      caso: 'respaldos de pg_dump (.dump) cuentan igual',
      nombres: [r('2026-04-01', '023000', 'dump'), r('2026-04-02', '023000', 'dump')],
      politica: { diarios: 1, semanales: 0, mensuales: 0 },
      conservar: [r('2026-04-02', '023000', 'dump')],
    },
  ])('$caso', ({ nombres, politica, conservar }) => {
    const e = elegirRespaldos(nombres, politica);
    expect(e.conservar).toEqual(conservar);
    expect([...e.conservar, ...e.borrar].sort()).toEqual([...nombres].sort());
  });

  it('lo que no es un respaldo nunca se borra', () => {
    const ajenos = [
      'notas.txt',
      'recupera-2026-13-01-023000.tar.gz',
      'recupera-2026-01-01-253000.tar.gz',
      'recupera-2026-01-01-023000.tar.gz.parcial',
      '.preparando-abc123',
      'recupera-2026-01-01.tar.gz',
    ];
    const e = elegirRespaldos([...ajenos, ...diarios('2026-01-01', '2026-01-20')], {
      diarios: 1,
      semanales: 0,
      mensuales: 0,
    });
    expect(e.conservar).toEqual([r('2026-01-20')]);
    for (const a of ajenos) expect([...e.conservar, ...e.borrar]).not.toContain(a);
  });
});

/** The rule said again the plain way, with Date (UTC) for the ISO week: the model to match. */
function modelo(nombres: string[], p: PoliticaDeRetencion): Set<string> {
  const orden = [...nombres].sort().reverse();
  const periodos: Array<[number, (f: string) => string]> = [
    [p.diarios, (f) => f],
    [
      p.semanales,
      (f) => {
        const d = new Date(`${f}T00:00:00Z`);
        return new Date(d.getTime() - ((d.getUTCDay() + 6) % 7) * 864e5).toISOString();
      },
    ],
    [p.mensuales, (f) => f.slice(0, 7)],
  ];
  const conservar = new Set<string>();
  for (const [n, periodo] of periodos) {
    const masReciente = new Map<string, string>();
    for (const nombre of orden) {
      const clave = periodo(nombre.slice(9, 19));
      if (!masReciente.has(clave)) masReciente.set(clave, nombre);
    }
    for (const nombre of [...masReciente.values()].slice(0, n)) conservar.add(nombre);
  }
  return conservar;
}

const arbNombres = fc.uniqueArray(
  fc
    .record({
      dia: fc.integer({ min: 0, max: 3 * 366 }),
      segundo: fc.integer({ min: 0, max: 86_399 }),
    })
    .map(({ dia, segundo }) => {
      const fecha = new Date(Date.UTC(2025, 0, 1) + dia * 864e5).toISOString().slice(0, 10);
      const hora = new Date(segundo * 1000).toISOString().slice(11, 19).replaceAll(':', '');
      return r(fecha, hora);
    }),
  { maxLength: 120 },
);
const arbPolitica = fc.record({
  diarios: fc.integer({ min: 1, max: 10 }),
  semanales: fc.integer({ min: 0, max: 6 }),
  mensuales: fc.integer({ min: 0, max: 14 }),
});

describe('retención de respaldos: propiedades', () => {
  it('nunca borra el más reciente; conserva a lo más diarios + semanales + mensuales', () => {
    fc.assert(
      fc.property(arbNombres, arbPolitica, (nombres, p) => {
        const e = elegirRespaldos(nombres, p);
        const masReciente = [...nombres].sort().at(-1);
        if (masReciente !== undefined) expect(e.conservar[0]).toBe(masReciente);
        expect(e.conservar.length).toBeLessThanOrEqual(p.diarios + p.semanales + p.mensuales);
        expect(e.conservar.length + e.borrar.length).toBe(nombres.length);
      }),
    );
  });

  it('conserva exactamente el más reciente de cada día, semana ISO y mes, los más recientes', () => {
    fc.assert(
      fc.property(arbNombres, arbPolitica, (nombres, p) => {
        expect(new Set(elegirRespaldos(nombres, p).conservar)).toEqual(modelo(nombres, p));
      }),
    );
  });

  it('podar otra vez lo conservado no borra nada más', () => {
    fc.assert(
      fc.property(arbNombres, arbPolitica, (nombres, p) => {
        const una = elegirRespaldos(nombres, p);
        expect(elegirRespaldos(una.conservar, p).borrar).toEqual([]);
      }),
    );
  });
});
