import { describe, expect, it } from 'vitest';
import {
  type EstadoCredito,
  type EventoCredito,
  eventoPorSituacion,
  transicion,
} from '../../src/domain/estado-credito.ts';

describe('transiciones del estado de un crédito', () => {
  const permitidas: Array<[EstadoCredito, EventoCredito, EstadoCredito]> = [
    ['activo', 'saldo_cubierto', 'liquidado'],
    ['activo', 'reestructurar', 'reestructurado'],
    ['activo', 'turnar_a_juridico', 'en_juridico'],
    ['liquidado', 'saldo_reabierto', 'activo'],
    ['en_juridico', 'saldo_cubierto', 'liquidado'],
    ['en_juridico', 'regresar_de_juridico', 'activo'],
  ];
  it.each(permitidas)('%s —%s→ %s', (desde, evento, hacia) => {
    expect(transicion(desde, evento)).toBe(hacia);
  });

  it('todo lo que no está en la tabla se rechaza', () => {
    const estados: EstadoCredito[] = ['activo', 'liquidado', 'reestructurado', 'en_juridico'];
    const eventos: EventoCredito[] = [
      'saldo_cubierto',
      'saldo_reabierto',
      'reestructurar',
      'turnar_a_juridico',
      'regresar_de_juridico',
    ];
    for (const e of estados) {
      for (const ev of eventos) {
        const esperada = permitidas.find(([d, x]) => d === e && x === ev)?.[2] ?? null;
        expect(transicion(e, ev)).toBe(esperada);
      }
    }
  });

  it.each([
    ['activo', 'liquidado', 'saldo_cubierto'],
    ['activo', 'vencido', null],
    ['liquidado', 'vencido', 'saldo_reabierto'],
    ['liquidado', 'liquidado', null],
    ['en_juridico', 'liquidado', 'saldo_cubierto'],
    ['reestructurado', 'vencido', null],
  ] as const)('un crédito %s con situación %s → %s', (estado, situacion, evento) => {
    expect(eventoPorSituacion(estado, situacion)).toBe(evento);
  });
});
