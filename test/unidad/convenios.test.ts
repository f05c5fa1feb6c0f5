import { describe, expect, it } from 'vitest';
import {
  autorizacionDelConvenio,
  type LimiteAutorizacion,
  motivoParaNoAutorizar,
} from '../../src/domain/convenios/autorizacion.ts';
import {
  ESTADOS_CONVENIO,
  esFinal,
  transicionConvenio,
} from '../../src/domain/convenios/estado-convenio.ts';
import { motivoParaNoFirmar } from '../../src/domain/convenios/firmantes.ts';
import { revisarPromesas } from '../../src/domain/convenios/seguimiento.ts';
import type { Centavos } from '../../src/domain/dinero.ts';
import type { Fecha } from '../../src/domain/fecha.ts';
import { tasaDesdeTexto } from '../../src/domain/tasa.ts';

const f = (t: string) => t as Fecha;
const c = (n: number) => n as Centavos;

describe('máquina de estados del convenio', () => {
  it('sigue propuesto → autorizado → firmado → cumplido | incumplido; cancelar solo antes de firmar', () => {
    expect(transicionConvenio('propuesto', 'autorizar')).toBe('autorizado');
    expect(transicionConvenio('autorizado', 'firmar')).toBe('firmado');
    expect(transicionConvenio('firmado', 'cumplir')).toBe('cumplido');
    expect(transicionConvenio('firmado', 'incumplir')).toBe('incumplido');
    expect(transicionConvenio('propuesto', 'cancelar')).toBe('cancelado');
    expect(transicionConvenio('autorizado', 'cancelar')).toBe('cancelado');
    expect(transicionConvenio('propuesto', 'firmar')).toBeNull();
    expect(transicionConvenio('firmado', 'cancelar')).toBeNull();
  });

  it('de un estado final no se sale', () => {
    for (const e of ESTADOS_CONVENIO.filter(esFinal)) {
      for (const ev of ['autorizar', 'firmar', 'cumplir', 'incumplir', 'cancelar'] as const)
        expect(transicionConvenio(e, ev)).toBeNull();
    }
  });
});

const limite = (l: Partial<LimiteAutorizacion> & Pick<LimiteAutorizacion, 'rol'>) =>
  ({
    vigenteDesde: f('2024-01-01'),
    tipo: '*',
    descuentoPorcentajeMaximo: null,
    descuentoMontoMaximo: null,
    pagosMaximos: null,
    permitido: true,
    ...l,
  }) as LimiteAutorizacion;

describe('matriz de autorización', () => {
  const diezPorCiento = tasaDesdeTexto('0.10');
  const matriz = [
    limite({ rol: 'gestor', descuentoPorcentajeMaximo: diezPorCiento, pagosMaximos: 12 }),
    limite({ rol: 'gestor', tipo: 'reestructura', permitido: false }),
    limite({ rol: 'coordinador', descuentoMontoMaximo: c(100_000_00) }),
  ];
  const convenio = (descuento: number, pagos = 1, tipo = 'convenio_de_pagos' as const) => ({
    tipo,
    descuento: c(descuento),
    liquidarHoy: c(10_000_00),
    numeroDePagos: pagos,
  });

  it('dentro del límite del gestor no pide a nadie; el porcentaje se compara exacto', () => {
    expect(autorizacionDelConvenio(matriz, 'gestor', convenio(1_000_00), f('2024-06-30')).rol).toBe(
      null,
    );
    const encima = autorizacionDelConvenio(matriz, 'gestor', convenio(1_000_01), f('2024-06-30'));
    expect(encima.rol).toBe('coordinador');
    expect(encima.motivos).toEqual(['el descuento rebasa el 10 % de la deuda']);
  });

  it('lo que rebasa al coordinador va al administrador; el tipo vedado también', () => {
    expect(
      autorizacionDelConvenio(matriz, 'gestor', convenio(200_000_00), f('2024-06-30')).rol,
    ).toBe('administrador');
    expect(autorizacionDelConvenio(matriz, 'gestor', convenio(0, 13), f('2024-06-30')).rol).toBe(
      'coordinador',
    );
    expect(
      autorizacionDelConvenio(
        matriz,
        'gestor',
        { ...convenio(0), tipo: 'reestructura' },
        f('2024-06-30'),
      ).motivos,
    ).toEqual(['el tipo de alternativa no está en su límite']);
  });

  it.each([
    ['monto cero', { descuentoMontoMaximo: c(0), descuentoPorcentajeMaximo: diezPorCiento }],
    ['porcentaje cero', { descuentoPorcentajeMaximo: tasaDesdeTexto('0') }],
    [
      'ambos en cero',
      { descuentoMontoMaximo: c(0), descuentoPorcentajeMaximo: tasaDesdeTexto('0') },
    ],
  ])('un límite de descuento en cero (%s) da un solo motivo', (_nombre, campos) => {
    const sinDescuento = [limite({ rol: 'gestor', ...campos }), ...matriz.slice(2)];
    const d = autorizacionDelConvenio(sinDescuento, 'gestor', convenio(5_000_00), f('2024-06-30'));
    expect(d).toEqual({
      rol: 'coordinador',
      motivos: ['otorga un descuento de $5,000.00 y no puede otorgar descuentos'],
    });
    expect(autorizacionDelConvenio(sinDescuento, 'gestor', convenio(0), f('2024-06-30')).rol).toBe(
      null,
    );
  });

  it('la versión vigente es la de fecha más reciente, y una anterior a su vigencia no cuenta', () => {
    const nueva = [...matriz, limite({ rol: 'gestor', vigenteDesde: f('2024-07-01') })];
    expect(autorizacionDelConvenio(nueva, 'gestor', convenio(5_000_00), f('2024-06-30')).rol).toBe(
      'coordinador',
    );
    expect(autorizacionDelConvenio(nueva, 'gestor', convenio(5_000_00), f('2024-07-01')).rol).toBe(
      null,
    );
  });

  it('quién puede decidir lo que espera a un rol', () => {
    expect(motivoParaNoAutorizar('coordinador', 'coordinador')).toBeNull();
    expect(motivoParaNoAutorizar('administrador', 'coordinador')).toMatch(/administrador/);
    expect(motivoParaNoAutorizar('coordinador', 'gestor')).toMatch(/límite del gestor/);
    expect(motivoParaNoAutorizar('administrador', 'administrador')).toBeNull();
  });
});

describe('firmantes', () => {
  const hoy = f('2026-05-01');
  it('un menor no firma; el día que cumple 18 sí; sin fecha de nacimiento se admite', () => {
    const persona = (fechaNacimiento: string | null, roles = ['acreditado']) => ({
      personaId: 1,
      roles,
      fechaNacimiento: fechaNacimiento === null ? null : f(fechaNacimiento),
    });
    expect(motivoParaNoFirmar(persona('2008-05-02'), hoy)).toMatch(/menor de edad/);
    expect(motivoParaNoFirmar(persona('2008-05-01'), hoy)).toBeNull();
    expect(motivoParaNoFirmar(persona(null), hoy)).toBeNull();
    expect(motivoParaNoFirmar(persona('1990-01-01', ['beneficiario']), hoy)).toMatch(/ni aval/);
  });
});

describe('cotejo de promesas con pagos', () => {
  const promesas = [
    { numero: 1, fecha: f('2024-07-10'), monto: c(1_000_00) },
    { numero: 2, fecha: f('2024-08-10'), monto: c(1_000_00) },
  ];
  const desde = f('2024-06-30');
  it('dentro de la tolerancia sigue pendiente; pasada, se incumple', () => {
    expect(revisarPromesas(promesas, [], desde, 5, f('2024-07-15')).resultado).toBeNull();
    const r = revisarPromesas(promesas, [], desde, 5, f('2024-07-16'));
    expect(r).toMatchObject({ resultado: 'incumplido', incumplida: 1 });
  });
  it('los pagos se acumulan: uno adelantado cubre la siguiente; un pago previo al convenio no cuenta', () => {
    const pagos = [
      { fecha: f('2024-06-01'), monto: c(5_000_00) },
      { fecha: f('2024-07-12'), monto: c(2_000_00) },
    ];
    expect(revisarPromesas(promesas, pagos, desde, 5, f('2024-07-20'))).toMatchObject({
      resultado: 'cumplido',
      promesas: [
        { numero: 1, estado: 'cumplida' },
        { numero: 2, estado: 'cumplida' },
      ],
    });
    const corto = [{ fecha: f('2024-07-12'), monto: c(1_500_00) }];
    expect(revisarPromesas(promesas, corto, desde, 5, f('2024-08-16')).incumplida).toBe(2);
  });
});
