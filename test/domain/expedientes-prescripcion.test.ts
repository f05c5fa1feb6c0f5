import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  calcularPrescripcion,
  type HechosDePrescripcion,
  inicios,
  sumarAnios,
} from '../../src/domain/expedientes/prescripcion.ts';
import {
  diasEntre,
  type Fecha,
  fechaDesdeNumeroDeDia,
  fechaDesdeTexto,
  numeroDeDia,
} from '../../src/domain/fecha.ts';

const f = (texto: string): Fecha => {
  const fecha = fechaDesdeTexto(texto);
  if (fecha === null) throw new Error(`fecha de prueba inválida: ${texto}`);
  return fecha;
};

const hechos = (h: Partial<HechosDePrescripcion> = {}): HechosDePrescripcion => ({
  vencimiento: f('2023-08-15'),
  reconocimientos: [],
  demandas: [],
  pagos: [],
  pagoInterrumpe: false,
  hoy: f('2026-03-10'),
  ...h,
});

describe('sumarAnios', () => {
  it.each([
    ['2023-08-15', '2026-08-15'],
    ['2024-02-29', '2027-02-28'], // the same day does not exist: the month's last day
    ['2025-02-28', '2028-02-28'], // a leap year ahead changes nothing
    ['2021-02-28', '2024-02-28'],
    ['2023-12-31', '2026-12-31'],
    ['2023-01-31', '2026-01-31'],
  ])('%s + 3 años = %s', (desde, esperado) => {
    expect(sumarAnios(f(desde), 3)).toBe(esperado);
  });

  it('29/02 plus four years is 29/02 again', () => {
    expect(sumarAnios(f('2024-02-29'), 4)).toBe('2028-02-29');
  });
});

describe('calcularPrescripcion', () => {
  it.each<
    [string, Partial<HechosDePrescripcion>, { fecha: string; desde: string; motivo: string }]
  >([
    [
      'without acts: due date + 3 years',
      {},
      {
        fecha: '2026-08-15',
        desde: '2023-08-15',
        motivo: '3 años desde el vencimiento del pagaré (15/08/2023)',
      },
    ],
    [
      'a signed convenio restarts it',
      { reconocimientos: [{ fecha: f('2025-02-03'), convenioId: 12 }] },
      {
        fecha: '2028-02-03',
        desde: '2025-02-03',
        motivo: '3 años desde el reconocimiento de adeudo del convenio 12 (03/02/2025)',
      },
    ],
    [
      'a lawsuit filed restarts it',
      { demandas: [f('2025-11-20')] },
      {
        fecha: '2028-11-20',
        desde: '2025-11-20',
        motivo: '3 años desde la demanda presentada (20/11/2025)',
      },
    ],
    [
      'a payment does not restart it by default',
      { pagos: [f('2025-06-01')] },
      {
        fecha: '2026-08-15',
        desde: '2023-08-15',
        motivo: '3 años desde el vencimiento del pagaré (15/08/2023)',
      },
    ],
    [
      'a payment restarts it when the parameter says so',
      { pagos: [f('2025-06-01'), f('2024-01-10')], pagoInterrumpe: true },
      {
        fecha: '2028-06-01',
        desde: '2025-06-01',
        motivo: '3 años desde el pago documentado del 01/06/2025',
      },
    ],
    [
      'the latest act wins, whatever its kind',
      {
        reconocimientos: [
          { fecha: f('2024-05-05'), convenioId: 3 },
          { fecha: f('2025-09-09'), convenioId: 7 },
        ],
        demandas: [f('2025-01-01')],
        pagos: [f('2026-01-15')],
        pagoInterrumpe: false,
      },
      {
        fecha: '2028-09-09',
        desde: '2025-09-09',
        motivo: '3 años desde el reconocimiento de adeudo del convenio 7 (09/09/2025)',
      },
    ],
    [
      'acts before the due date do not restart it (nothing was running)',
      {
        reconocimientos: [{ fecha: f('2023-01-01'), convenioId: 1 }],
        demandas: [f('2023-08-14')],
        pagos: [f('2022-12-01')],
        pagoInterrumpe: true,
      },
      {
        fecha: '2026-08-15',
        desde: '2023-08-15',
        motivo: '3 años desde el vencimiento del pagaré (15/08/2023)',
      },
    ],
    [
      'an act on the due date itself changes nothing',
      { demandas: [f('2023-08-15')] },
      {
        fecha: '2026-08-15',
        desde: '2023-08-15',
        motivo: '3 años desde el vencimiento del pagaré (15/08/2023)',
      },
    ],
    [
      'an act dated after today has not happened yet',
      { reconocimientos: [{ fecha: f('2026-04-01'), convenioId: 5 }] },
      {
        fecha: '2026-08-15',
        desde: '2023-08-15',
        motivo: '3 años desde el vencimiento del pagaré (15/08/2023)',
      },
    ],
    [
      'an act today counts',
      { demandas: [f('2026-03-10')] },
      {
        fecha: '2029-03-10',
        desde: '2026-03-10',
        motivo: '3 años desde la demanda presentada (10/03/2026)',
      },
    ],
    [
      'on the same day, the lawsuit names the reason',
      {
        reconocimientos: [{ fecha: f('2025-02-03'), convenioId: 12 }],
        demandas: [f('2025-02-03')],
      },
      {
        fecha: '2028-02-03',
        desde: '2025-02-03',
        motivo: '3 años desde la demanda presentada (03/02/2025)',
      },
    ],
    [
      'a pagaré due on 29/02 prescribes on 28/02',
      { vencimiento: f('2024-02-29'), hoy: f('2026-03-10') },
      {
        fecha: '2027-02-28',
        desde: '2024-02-29',
        motivo: '3 años desde el vencimiento del pagaré (29/02/2024)',
      },
    ],
    [
      'a convenio signed on 29/02 restarts it until 28/02',
      {
        vencimiento: f('2023-01-15'),
        reconocimientos: [{ fecha: f('2024-02-29'), convenioId: 9 }],
      },
      {
        fecha: '2027-02-28',
        desde: '2024-02-29',
        motivo: '3 años desde el reconocimiento de adeudo del convenio 9 (29/02/2024)',
      },
    ],
  ])('%s', (_nombre, h, esperado) => {
    expect(calcularPrescripcion(hechos(h))).toMatchObject(esperado);
  });

  it('counts the days left with the injected today: 0 on the last day, prescribed the next', () => {
    const base = hechos({ vencimiento: f('2023-03-10') });
    expect(calcularPrescripcion({ ...base, hoy: f('2026-03-09') })).toMatchObject({
      diasRestantes: 1,
      prescrito: false,
    });
    expect(calcularPrescripcion({ ...base, hoy: f('2026-03-10') })).toMatchObject({
      diasRestantes: 0,
      prescrito: false,
    });
    expect(calcularPrescripcion({ ...base, hoy: f('2026-03-11') })).toMatchObject({
      diasRestantes: -1,
      prescrito: true,
    });
  });

  it('a prescribed pagaré is marked, not hidden, and a later convenio restarts it', () => {
    const vencido = hechos({ vencimiento: f('2020-05-01') });
    expect(calcularPrescripcion(vencido)).toMatchObject({
      fecha: '2023-05-01',
      prescrito: true,
      diasRestantes: diasEntre(f('2026-03-10'), f('2023-05-01')),
    });
    expect(
      calcularPrescripcion({
        ...vencido,
        reconocimientos: [{ fecha: f('2025-10-01'), convenioId: 4 }],
      }),
    ).toMatchObject({ fecha: '2028-10-01', prescrito: false });
  });
});

describe('calcularPrescripcion: properties', () => {
  const dia = fc
    .integer({ min: numeroDeDia(f('2010-01-01')), max: numeroDeDia(f('2035-12-31')) })
    .map(fechaDesdeNumeroDeDia);
  const entrada = fc.record({
    vencimiento: dia,
    reconocimientos: fc.array(fc.record({ fecha: dia, convenioId: fc.nat(999) }), {
      maxLength: 4,
    }),
    demandas: fc.array(dia, { maxLength: 3 }),
    pagos: fc.array(dia, { maxLength: 5 }),
    pagoInterrumpe: fc.boolean(),
    hoy: dia,
  });

  it('an interrupting act never makes it earlier than due date + 3 years', () => {
    fc.assert(
      fc.property(entrada, (h) => {
        const p = calcularPrescripcion(h);
        expect(p.fecha >= sumarAnios(h.vencimiento, 3)).toBe(true);
        expect(p.desde >= h.vencimiento).toBe(true);
      }),
    );
  });

  it('adding an act never moves the date earlier', () => {
    fc.assert(
      fc.property(entrada, dia, fc.constantFrom('reconocimiento', 'demanda', 'pago'), (h, d, t) => {
        const antes = calcularPrescripcion(h);
        const mas: HechosDePrescripcion =
          t === 'reconocimiento'
            ? { ...h, reconocimientos: [...h.reconocimientos, { fecha: d, convenioId: 1 }] }
            : t === 'demanda'
              ? { ...h, demandas: [...h.demandas, d] }
              : { ...h, pagos: [...h.pagos, d] };
        expect(calcularPrescripcion(mas).fecha >= antes.fecha).toBe(true);
      }),
    );
  });

  it('without acts it is due date + 3 years, whatever today is', () => {
    fc.assert(
      fc.property(dia, dia, (vencimiento, hoy) => {
        const p = calcularPrescripcion(hechos({ vencimiento, hoy }));
        expect(p.fecha).toBe(sumarAnios(vencimiento, 3));
        expect(p.desde).toBe(vencimiento);
        expect(p.diasRestantes).toBe(diasEntre(hoy, p.fecha));
        expect(p.prescrito).toBe(p.diasRestantes < 0);
      }),
    );
  });

  it('payments are ignored unless the parameter says so', () => {
    fc.assert(
      fc.property(entrada, (h) => {
        const sinPagos = calcularPrescripcion({ ...h, pagos: [], pagoInterrumpe: true });
        expect(calcularPrescripcion({ ...h, pagoInterrumpe: false })).toEqual(sinPagos);
      }),
    );
  });

  it('three years later lands on the same day, or on the last of that month (29/02)', () => {
    fc.assert(
      fc.property(dia, (d) => {
        const r = sumarAnios(d, 3);
        expect(Number(r.slice(0, 4))).toBe(Number(d.slice(0, 4)) + 3);
        expect(r.slice(5, 7)).toBe(d.slice(5, 7));
        if (d.slice(5) === '02-29') expect(r.slice(8)).toBe('28');
        else expect(r.slice(8)).toBe(d.slice(8));
        // About 3 × 365.25 days: 1095 or 1096, one less from a 29/02.
        expect([1094, 1095, 1096]).toContain(diasEntre(d, r));
      }),
    );
  });
});

describe('inicios', () => {
  it('the starts whose term ends in a window, 29/02 included', () => {
    expect(inicios(f('2026-03-10'), f('2026-09-06'))).toEqual({
      minimo: '2023-03-10',
      maximo: '2023-09-06',
    });
    // 28/02/2027 is the end of the terms started on 28/02 and on 29/02/2024.
    expect(inicios(f('2027-02-28'), f('2027-02-28'))).toEqual({
      minimo: '2024-02-28',
      maximo: '2024-02-29',
    });
    expect(inicios(f('2027-03-01'), f('2027-03-01'))).toEqual({
      minimo: '2024-03-01',
      maximo: '2024-03-01',
    });
  });

  it('a start is inside exactly when its term ends inside', () => {
    const dia = fc
      .integer({ min: numeroDeDia(f('2018-01-01')), max: numeroDeDia(f('2032-12-31')) })
      .map(fechaDesdeNumeroDeDia);
    fc.assert(
      fc.property(dia, fc.nat(800), fc.integer({ min: -5, max: 805 }), (desde, largo, k) => {
        const hasta = fechaDesdeNumeroDeDia(numeroDeDia(desde) + largo);
        // Around the window's edges, where 29/02 matters.
        const inicio = fechaDesdeNumeroDeDia(numeroDeDia(sumarAnios(desde, -3)) + k);
        const { minimo, maximo } = inicios(desde, hasta);
        const fin = sumarAnios(inicio, 3);
        expect(inicio >= minimo && inicio <= maximo).toBe(fin >= desde && fin <= hasta);
      }),
      { numRuns: 2000 },
    );
  });
});
