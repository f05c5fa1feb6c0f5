import { describe, expect, it } from 'vitest';
import {
  type Elegibilidad,
  motivosDeElegibilidad,
  motivosDelCredito,
  motivosDeVigencia,
  SIN_RESTRICCIONES,
} from '../../src/domain/alternativas/index.ts';
import type { Centavos } from '../../src/domain/dinero.ts';
import type { Fecha } from '../../src/domain/fecha.ts';

const credito = {
  diasAtraso: 45,
  producto: 'CE-6',
  oficina: { clave: 'OBR', nombre: 'Cd. Obregón' },
  generacion: 2008,
};
const reglas = (r: Partial<Elegibilidad>): Elegibilidad => ({ ...SIN_RESTRICCIONES, ...r });

describe('elegibilidad: una oración por regla que no se cumple', () => {
  it.each<[string, Partial<Elegibilidad>, string[]]>([
    ['sin restricciones', {}, []],
    ['atraso mínimo cumplido justo', { diasAtrasoMinimo: 45 }, []],
    [
      'atraso mínimo no cumplido',
      { diasAtrasoMinimo: 90 },
      ['requiere al menos 90 días de atraso (tiene 45 días)'],
    ],
    ['un solo día', { diasAtrasoMinimo: 1 }, []],
    ['atraso máximo cumplido justo', { diasAtrasoMaximo: 45 }, []],
    [
      'atraso máximo excedido',
      { diasAtrasoMaximo: 30 },
      ['admite a lo más 30 días de atraso (tiene 45 días)'],
    ],
    ['producto incluido', { productos: ['CE-3', 'CE-6'] }, []],
    [
      'producto excluido',
      { productos: ['CE-0', 'CE-3'] },
      ['no aplica al producto CE-6 (solo a CE-0, CE-3)'],
    ],
    ['oficina incluida', { oficinas: ['OBR'] }, []],
    ['oficina excluida', { oficinas: ['HMO', 'NOG'] }, ['no aplica en la oficina Cd. Obregón']],
    ['generación dentro', { generacionDesde: 2005, generacionHasta: 2008 }, []],
    [
      'generación fuera del rango',
      { generacionDesde: 2010, generacionHasta: 2015 },
      ['solo para las generaciones 2010 a 2015 (el crédito es de 2008)'],
    ],
    [
      'una sola generación',
      { generacionDesde: 2012, generacionHasta: 2012 },
      ['solo para la generación 2012 (el crédito es de 2008)'],
    ],
    [
      'generación mínima',
      { generacionDesde: 2009 },
      ['solo para las generaciones de 2009 en adelante (el crédito es de 2008)'],
    ],
    [
      'generación máxima',
      { generacionHasta: 2007 },
      ['solo para las generaciones hasta 2007 (el crédito es de 2008)'],
    ],
    [
      'varias reglas a la vez, en orden',
      { diasAtrasoMinimo: 90, oficinas: ['HMO'], generacionHasta: 2000 },
      [
        'requiere al menos 90 días de atraso (tiene 45 días)',
        'no aplica en la oficina Cd. Obregón',
        'solo para las generaciones hasta 2000 (el crédito es de 2008)',
      ],
    ],
  ])('%s', (_nombre, r, esperado) => {
    expect(motivosDeElegibilidad(reglas(r), credito)).toEqual(esperado);
  });

  it('dice «1 día» en singular', () => {
    expect(
      motivosDeElegibilidad(reglas({ diasAtrasoMinimo: 1 }), { ...credito, diasAtraso: 0 }),
    ).toEqual(['requiere al menos 1 día de atraso (tiene 0 días)']);
  });
});

describe('vigencia de una campaña', () => {
  const vigencia = { inicio: '2026-07-01' as Fecha, fin: '2026-12-31' as Fecha };
  it.each<[string, string, string, string[]]>([
    ['antes de empezar', '2026-06-15', '2026-06-15', ['campaña vigente a partir del 01/07/2026']],
    ['el primer día', '2026-07-01', '2026-07-01', []],
    ['el último día', '2026-12-31', '2026-12-31', []],
    [
      'primer pago después del fin',
      '2026-12-20',
      '2027-01-05',
      ['campaña vigente hasta el 31/12/2026'],
    ],
    ['terminada', '2027-01-02', '2027-01-02', ['campaña vigente hasta el 31/12/2026']],
  ])('%s', (_nombre, fecha, primerPago, esperado) => {
    expect(motivosDeVigencia(vigencia, fecha as Fecha, primerPago as Fecha)).toEqual(esperado);
  });
});

describe('el crédito mismo', () => {
  it.each<[string, Parameters<typeof motivosDelCredito>[0], number, string[]]>([
    ['activo con adeudo', 'activo', 100, []],
    ['activo sin adeudo', 'activo', 0, ['el crédito no tiene adeudo']],
    ['liquidado', 'liquidado', 0, ['el crédito no tiene adeudo']],
    [
      'reestructurado',
      'reestructurado',
      100,
      ['el crédito fue reestructurado: se negocia el crédito que lo sustituyó'],
    ],
    [
      'en jurídico',
      'en_juridico',
      100,
      ['el crédito está en jurídico: lo negocia el despacho externo'],
    ],
  ])('%s', (_nombre, estado, pendiente, esperado) => {
    expect(motivosDelCredito(estado, pendiente as Centavos)).toEqual(esperado);
  });
});
