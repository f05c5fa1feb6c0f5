import { describe, expect, it } from 'vitest';
import type { Centavos } from '../../src/domain/dinero.ts';
import type { Fecha } from '../../src/domain/fecha.ts';
import {
  describirReparto,
  partesDe,
  type Reparto,
  repartirPago,
  type SituacionAlPagar,
} from '../../src/modules/pagos/reparto-puntual.ts';

const c = (n: number) => n as Centavos;

/** 3 days before amortización 7 (2027-01-15), which will require $1,234.56. */
const base: SituacionAlPagar = {
  monto: c(100_000),
  excedente: 'reducir_plazo',
  ventana: 10,
  vencimiento: {
    numero: 7,
    fecha: '2027-01-15' as Fecha,
    diasAntes: 3,
    conTasaPuntual: true,
    requerido: c(123_456),
  },
  retenido: c(0),
  paraLiquidar: c(1_000_000),
};
const con = (cambios: Partial<SituacionAlPagar>, vencimiento: object = {}): SituacionAlPagar => ({
  ...base,
  vencimiento: base.vencimiento && { ...base.vencimiento, ...vencimiento },
  ...cambios,
});
const anticipado = (adelantado: number, resto: number, retenidoArrastrado = 0): Reparto => ({
  tipo: 'anticipado',
  numero: 7,
  fecha: '2027-01-15' as Fecha,
  adelantado: c(adelantado),
  resto: c(resto),
  retenidoArrastrado: c(retenidoArrastrado),
});

describe('repartirPago: la parte que el vencimiento requiere se guarda como adelanto', () => {
  it.each<[string, SituacionAlPagar, Reparto]>([
    ['fuera de la ventana (11 días antes)', con({}, { diasAntes: 11 }), { tipo: 'tal_cual' }],
    [
      'en el borde de la ventana (10 días antes)',
      con({}, { diasAntes: 10 }),
      anticipado(100_000, 0),
    ],
    ['el mismo día del vencimiento', con({}, { diasAntes: 0 }), { tipo: 'tal_cual' }],
    ['ventana 0: desactivado', con({ ventana: 0 }), { tipo: 'tal_cual' }],
    ['sin vencimientos por delante', con({ vencimiento: null }), { tipo: 'tal_cual' }],
    ['sin R9 en el crédito', con({}, { conTasaPuntual: false }), { tipo: 'tal_cual' }],
    ['con excedente adelantar ya', con({ excedente: 'adelantar' }), { tipo: 'tal_cual' }],
    ['el vencimiento no requiere nada', con({}, { requerido: c(0) }), { tipo: 'tal_cual' }],
    ['monto menor que lo requerido: todo adelantado', base, anticipado(100_000, 0)],
    [
      'monto igual a lo requerido: todo adelantado',
      con({ monto: c(123_456) }),
      anticipado(123_456, 0),
    ],
    [
      'monto mayor que lo requerido: dos partes',
      con({ monto: c(173_456) }),
      anticipado(123_456, 50_000),
    ],
    [
      'fondos retenidos que ya cubren: el resto se los lleva, así que se guarda lo requerido',
      con({ monto: c(173_456), retenido: c(200_000) }),
      anticipado(123_456, 50_000, 200_000),
    ],
    [
      'fondos retenidos y un monto que no excede: todo adelantado, nada se los lleva',
      con({ retenido: c(200_000) }),
      anticipado(100_000, 0),
    ],
    [
      'el pago liquida el crédito: la liquidación va primero',
      con({ monto: c(173_456), paraLiquidar: c(173_456) }),
      { tipo: 'tal_cual' },
    ],
  ])('%s', (_, situacion, esperado) => {
    expect(repartirPago(situacion)).toEqual(esperado);
  });
});

describe('partesDe: el resto se asienta primero, lo adelantado al final', () => {
  it('tal cual: una sola parte con el excedente elegido', () => {
    expect(partesDe({ tipo: 'tal_cual' }, c(500), 'reducir_plazo')).toEqual([
      { monto: 500, excedente: 'reducir_plazo' },
    ]);
  });
  it('todo adelantado: una sola parte, adelantar', () => {
    expect(partesDe(anticipado(500, 0), c(500), 'reducir_plazo')).toEqual([
      { monto: 500, excedente: 'adelantar' },
    ]);
  });
  it('dos partes: primero la que reduce el plazo', () => {
    expect(partesDe(anticipado(123_456, 50_000), c(173_456), 'reducir_plazo')).toEqual([
      { monto: 50_000, excedente: 'reducir_plazo' },
      { monto: 123_456, excedente: 'adelantar' },
    ]);
  });
});

describe('describirReparto: lo dice en palabras', () => {
  it('nada que decir si el pago va tal cual', () => {
    expect(describirReparto({ tipo: 'tal_cual' })).toBeNull();
  });
  it('dos partes', () => {
    expect(describirReparto(anticipado(123_456, 50_000))).toBe(
      'Se guardan $1,234.56 como pago adelantado para la amortización 7 del 15/01/2027, para conservar la tasa puntual; el resto, $500.00, reduce el plazo.',
    );
  });
  it('todo adelantado', () => {
    expect(describirReparto(anticipado(100_000, 0))).toBe(
      'Se guardan $1,000.00 como pago adelantado para la amortización 7 del 15/01/2027, para conservar la tasa puntual.',
    );
  });
  it('con fondos retenidos que se lleva el resto', () => {
    expect(describirReparto(anticipado(123_456, 50_000, 20_000))).toBe(
      'Se guardan $1,234.56 como pago adelantado para la amortización 7 del 15/01/2027, para conservar la tasa puntual; el resto, $500.00, y los $200.00 que ya estaban adelantados reducen el plazo.',
    );
  });
});
