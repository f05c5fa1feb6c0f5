import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BUCKETS } from '../../src/domain/antiguedad.ts';
import { type Fecha, sumarDias } from '../../src/domain/fecha.ts';
import {
  calcularCumplimiento,
  ITEMS_META,
  type ItemMeta,
  type ObjetivoItem,
  pesoEnCentesimas,
} from '../../src/domain/metas/indice-de-cumplimiento.ts';
import {
  type Mes,
  mesAnterior,
  mesDeFecha,
  mesDesdeTexto,
  mesSiguiente,
  primerDia,
  ultimoDia,
} from '../../src/domain/metas/mes.ts';
import { porcentaje } from '../../src/domain/metas/porcentaje.ts';
import { siguientePeor, tasasDeRodamiento } from '../../src/domain/metas/rodamiento.ts';

const nada: Record<ItemMeta, bigint> = {
  recuperacion: 0n,
  contactosEfectivos: 0n,
  convenios: 0n,
  turnosAtendidos: 0n,
};
const logrado = (l: Partial<Record<ItemMeta, bigint>>) => ({ ...nada, ...l });

describe('porcentaje: una décima, mitad hacia arriba, exacto', () => {
  it.each([
    [1, 3, '33.3'],
    [2, 3, '66.7'],
    [1, 8, '12.5'],
    [1, 16, '6.3'], // 6.25 → 6.3: la mitad sube
    [3, 16, '18.8'], // 18.75 → 18.8
    [1, 2000, '0.1'], // 0.05 → 0.1
    [1, 2001, '0.0'], // 0.04997… → 0.0
    [0, 5, '0.0'],
    [150, 100, '150.0'], // sin tope
    [100, 100, '100.0'],
    [-1, 8, '-12.5'],
    [-1, 16, '-6.3'], // la mitad se aleja del cero también en negativo
    [1, -8, '-12.5'],
    [-1, -8, '12.5'],
    [-1, 2001, '0.0'], // demasiado poco para verse: sin signo
  ])('%i de %i es %s', (parte, total, esperado) => {
    expect(porcentaje(parte, total)).toBe(esperado);
  });

  it('es null cuando la base es 0 (una parte de nada no es 0 %)', () => {
    expect(porcentaje(0, 0)).toBeNull();
    expect(porcentaje(5n, 0n)).toBeNull();
  });

  it('con centavos más allá de 2^53 no pierde exactitud', () => {
    // 2^60 + 1 de 2^61: 50.0000…% exacto, un float daría lo mismo; 1 de 3·2^60 no.
    expect(porcentaje(2n ** 60n, 3n * 2n ** 60n)).toBe('33.3');
    expect(porcentaje(2n ** 61n - 1n, 2n ** 62n)).toBe('50.0');
  });

  it('coincide con la cuenta decimal a mano: ⌊(1000·|p|/|t|) + ½⌋ décimas, con el signo de p/t', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }),
        fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }).filter((t) => t !== 0n),
        (p, t) => {
          const ap = p < 0n ? -p : p;
          const at = t < 0n ? -t : t;
          // Rounded half up: the tenths are the floor of (10·1000·ap/at + 5) / 10.
          const decimas = (10000n * ap + 5n * at) / (10n * at);
          const signo = p < 0n !== t < 0n && decimas !== 0n ? '-' : '';
          expect(porcentaje(p, t)).toBe(`${signo}${decimas / 10n}.${decimas % 10n}`);
        },
      ),
    );
  });
});

describe('calcularCumplimiento', () => {
  it('a mano: la recuperación rebasada cuenta 100 % en el índice pero su propio cumplimiento no se topa', () => {
    const r = calcularCumplimiento(
      {
        recuperacion: { meta: 100_000_00n, peso: '40' },
        contactosEfectivos: { meta: 100n, peso: '60' },
      },
      logrado({ recuperacion: 120_000_00n, contactosEfectivos: 50n }),
    );
    expect(r.items.recuperacion).toEqual({
      meta: 100_000_00n,
      logrado: 120_000_00n,
      peso: '40',
      cumplimiento: '120.0',
    });
    expect(r.items.contactosEfectivos?.cumplimiento).toBe('50.0');
    // (40·1 + 60·0.5) / 100 = 70 %; sin tope sería (40·1.2 + 60·0.5)/100 = 78 %.
    expect(r.indice).toBe('70.0');
    expect(r.items.convenios).toBeUndefined();
  });

  it('el ejemplo de docs/metas-e-indicadores.md: 77.5', () => {
    const r = calcularCumplimiento(
      {
        recuperacion: { meta: 100_000_00n, peso: '40' },
        contactosEfectivos: { meta: 100n, peso: '30' },
        convenios: { meta: 4n, peso: '30' },
      },
      logrado({ recuperacion: 120_000_00n, contactosEfectivos: 50n, convenios: 3n }),
    );
    expect(r.indice).toBe('77.5');
    expect(r.items.convenios?.cumplimiento).toBe('75.0');
  });

  it('a mano: pesos con decimales y tres rubros', () => {
    // convenios 3/4 = 0.75, turnos 90/120 = 0.75, contactos 10/40 = 0.25.
    // (12.5·0.75 + 12.5·0.75 + 25·0.25) / 50 = (9.375 + 9.375 + 6.25) / 50 = 0.5 → 50.0
    const r = calcularCumplimiento(
      {
        convenios: { meta: 4n, peso: '12.5' },
        turnosAtendidos: { meta: 120n, peso: '12.50' },
        contactosEfectivos: { meta: 40n, peso: '25' },
      },
      logrado({ convenios: 3n, turnosAtendidos: 90n, contactosEfectivos: 10n }),
    );
    expect(r.indice).toBe('50.0');
    expect(r.items.turnosAtendidos?.cumplimiento).toBe('75.0');
  });

  it('un rubro de peso 0 se informa pero no entra al índice', () => {
    const r = calcularCumplimiento(
      { convenios: { meta: 10n, peso: '0' }, turnosAtendidos: { meta: 10n, peso: '1' } },
      logrado({ convenios: 0n, turnosAtendidos: 5n }),
    );
    expect(r.items.convenios?.cumplimiento).toBe('0.0');
    expect(r.indice).toBe('50.0');
  });

  it('una meta de 0 no tiene cumplimiento (null) ni entra al índice', () => {
    const r = calcularCumplimiento(
      { convenios: { meta: 0n, peso: '50' }, turnosAtendidos: { meta: 3n, peso: '50' } },
      logrado({ convenios: 7n, turnosAtendidos: 1n }),
    );
    expect(r.items.convenios?.cumplimiento).toBeNull();
    expect(r.indice).toBe('33.3');
  });

  it('sin rubros, o sólo con pesos 0 o metas 0, el índice es null', () => {
    expect(calcularCumplimiento({}, nada)).toEqual({ items: {}, indice: null });
    expect(
      calcularCumplimiento(
        { convenios: { meta: 5n, peso: '0.00' }, recuperacion: { meta: 0n, peso: '10' } },
        logrado({ convenios: 5n }),
      ).indice,
    ).toBeNull();
  });

  it('una recuperación neta negativa cuenta 0 en el índice y se informa negativa', () => {
    const r = calcularCumplimiento(
      { recuperacion: { meta: 1000n, peso: '1' }, convenios: { meta: 2n, peso: '1' } },
      logrado({ recuperacion: -500n, convenios: 2n }),
    );
    expect(r.items.recuperacion?.cumplimiento).toBe('-50.0');
    expect(r.indice).toBe('50.0');
  });

  it('el peso se lee en centésimas exactas', () => {
    expect(pesoEnCentesimas('40')).toBe(4000n);
    expect(pesoEnCentesimas('12.5')).toBe(1250n);
    expect(pesoEnCentesimas('999.99')).toBe(99_999n);
    expect(() => pesoEnCentesimas('1.234')).toThrow(RangeError);
    expect(() => pesoEnCentesimas('-1')).toThrow(RangeError);
  });

  const objetivo = fc.record({
    meta: fc.bigInt({ min: 0n, max: 10n ** 12n }),
    peso: fc
      .integer({ min: 0, max: 99_999 })
      .map((c) => `${Math.floor(c / 100)}.${String(c % 100).padStart(2, '0')}`),
  });
  const objetivos = fc.record(
    {
      recuperacion: objetivo,
      contactosEfectivos: objetivo,
      convenios: objetivo,
      turnosAtendidos: objetivo,
    },
    { requiredKeys: [] },
  );
  const logros = fc.record({
    recuperacion: fc.bigInt({ min: -(10n ** 12n), max: 2n * 10n ** 12n }),
    contactosEfectivos: fc.bigInt({ min: 0n, max: 2n * 10n ** 12n }),
    convenios: fc.bigInt({ min: 0n, max: 2n * 10n ** 12n }),
    turnosAtendidos: fc.bigInt({ min: 0n, max: 2n * 10n ** 12n }),
  });

  it('propiedad: el índice queda entre el menor y el mayor cumplimiento topado de los rubros que cuentan', () => {
    fc.assert(
      fc.property(objetivos, logros, (o, l) => {
        const r = calcularCumplimiento(o as Partial<Record<ItemMeta, ObjetivoItem>>, l);
        const cuentan = ITEMS_META.flatMap((i) => {
          const x = o[i];
          if (!x || x.meta === 0n || pesoEnCentesimas(x.peso) === 0n) return [];
          // BigInt has no Math.min: clamp by hand to [0, meta].
          let topado = l[i];
          if (topado > x.meta) topado = x.meta;
          if (topado < 0n) topado = 0n;
          return [Number(porcentaje(topado, x.meta))];
        });
        if (cuentan.length === 0) {
          expect(r.indice).toBeNull();
          return;
        }
        const indice = Number(r.indice);
        // Rounding to tenths is monotone, so the rounded bounds still hold.
        expect(indice).toBeGreaterThanOrEqual(Math.min(...cuentan));
        expect(indice).toBeLessThanOrEqual(Math.max(...cuentan));
        expect(indice).toBeLessThanOrEqual(100);
      }),
    );
  });

  it('propiedad: multiplicar todos los pesos por lo mismo no cambia el índice', () => {
    fc.assert(
      fc.property(objetivos, logros, fc.integer({ min: 1, max: 9 }), (o, l, k) => {
        const escalados = Object.fromEntries(
          Object.entries(o).map(([i, x]) => {
            const c = pesoEnCentesimas(x.peso) * BigInt(k);
            // Keep within numeric(6,2) semantics: only the ratio matters to the formula.
            return [i, { meta: x.meta, peso: `${c / 100n}.${String(c % 100n).padStart(2, '0')}` }];
          }),
        );
        expect(calcularCumplimiento(escalados, l).indice).toBe(calcularCumplimiento(o, l).indice);
      }),
    );
  });
});

describe('tasasDeRodamiento', () => {
  it('a mano: de 31-60 ruedan 3 de 10 a 61-90, se curan 2, uno se liquida', () => {
    const tasas = tasasDeRodamiento([
      { de: '31-60', a: '61-90', cuentas: 3, saldo: 30_000n },
      { de: '31-60', a: 'al_corriente', cuentas: 2, saldo: 15_000n },
      { de: '31-60', a: '31-60', cuentas: 4, saldo: 40_000n },
      { de: '31-60', a: 'liquidado', cuentas: 1, saldo: 5_000n },
      // Saltar un bucket no es rodar al siguiente.
      { de: '1-30', a: '61-90', cuentas: 1, saldo: 1_000n },
      { de: '1-30', a: '31-60', cuentas: 1, saldo: 3_000n },
      { de: 'mas_de_365', a: 'mas_de_365', cuentas: 2, saldo: 9_000n },
    ]);
    expect(tasas.map((t) => t.de)).toEqual(BUCKETS);
    const t3160 = tasas.find((t) => t.de === '31-60');
    expect(t3160).toEqual({
      de: '31-60',
      cuentas: 10,
      saldo: 90_000n,
      rodamientoCuentas: '30.0',
      rodamientoSaldo: '33.3', // 30,000 / 90,000
      curaCuentas: '20.0',
      curaSaldo: '16.7', // 15,000 / 90,000 = 16.67
    });
    const t130 = tasas.find((t) => t.de === '1-30');
    expect(t130?.rodamientoCuentas).toBe('50.0');
    expect(t130?.rodamientoSaldo).toBe('75.0');
    expect(t130?.curaCuentas).toBe('0.0');
    // The worst bucket rolls nowhere; al corriente is never "cured".
    const peor = tasas.find((t) => t.de === 'mas_de_365');
    expect(peor?.rodamientoCuentas).toBeNull();
    expect(peor?.curaCuentas).toBe('0.0');
    const corriente = tasas.find((t) => t.de === 'al_corriente');
    expect(corriente).toMatchObject({ cuentas: 0, rodamientoCuentas: null, curaCuentas: null });
  });

  it('una cura: de 1-30 vuelve a al corriente', () => {
    const t = tasasDeRodamiento([{ de: '1-30', a: 'al_corriente', cuentas: 1, saldo: 500n }]).find(
      (x) => x.de === '1-30',
    );
    expect(t).toMatchObject({ curaCuentas: '100.0', curaSaldo: '100.0', rodamientoCuentas: '0.0' });
  });

  it('el siguiente peor bucket', () => {
    expect(siguientePeor('al_corriente')).toBe('1-30');
    expect(siguientePeor('31-60')).toBe('61-90');
    expect(siguientePeor('mas_de_365')).toBeNull();
  });
});

describe('meses', () => {
  const m = (t: string) => {
    const x = mesDesdeTexto(t);
    if (x === null) throw new Error(t);
    return x;
  };

  it('lee AAAA-MM y nada más', () => {
    expect(mesDesdeTexto('2026-03')).toBe('2026-03');
    for (const malo of ['2026-13', '2026-00', '2026-3', '2026-03-01', 'marzo', ''])
      expect(mesDesdeTexto(malo)).toBeNull();
  });

  it.each([
    ['2024-02', '2024-02-29'], // bisiesto
    ['2026-02', '2026-02-28'],
    ['2000-02', '2000-02-29'], // divisible entre 400
    ['2100-02', '2100-02-28'], // divisible entre 100, no entre 400
    ['2026-04', '2026-04-30'],
    ['2026-12', '2026-12-31'],
  ])('el último día de %s es %s', (mes, dia) => {
    expect(ultimoDia(m(mes))).toBe(dia);
    expect(primerDia(m(mes))).toBe(`${mes}-01`);
  });

  it('diciembre → enero y enero → diciembre cruzan el año', () => {
    expect(mesSiguiente(m('2026-12'))).toBe('2027-01');
    expect(mesAnterior(m('2027-01'))).toBe('2026-12');
    expect(mesSiguiente(m('2026-03'))).toBe('2026-04');
    expect(mesDeFecha('2024-02-29' as Fecha)).toBe('2024-02');
  });

  it('propiedad: el mes siguiente empieza el día después del último; anterior y siguiente se deshacen', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1901, max: 2199 }), fc.integer({ min: 1, max: 12 }), (a, n) => {
        const mes = `${a}-${String(n).padStart(2, '0')}` as Mes;
        expect(primerDia(mesSiguiente(mes))).toBe(sumarDias(ultimoDia(mes), 1));
        expect(mesAnterior(mesSiguiente(mes))).toBe(mes);
        expect(mesDeFecha(ultimoDia(mes))).toBe(mes);
      }),
    );
  });
});
