import { describe, expect, it } from 'vitest';
import {
  type CreditoASimular,
  type Forma,
  ofertaAJson,
  type Propuesta,
  porcentajeDesdeTexto,
  SIN_RESTRICCIONES,
  simularOfertas,
} from '../../src/domain/alternativas/index.ts';
import { calcularCaso } from '../../src/domain/estado-de-cuenta/index.ts';
import type { Fecha } from '../../src/domain/fecha.ts';
import { entradaDe } from '../soporte/caso-json.ts';
import { casoPublicado } from '../soporte/fabricas.ts';

// R9's published example (3% punctual, 6% ordinary), simulated on 20/05/2025: 2,003.17 to settle.
const FECHA = '2025-05-20' as Fecha;
const CASO: Record<string, unknown> = {
  ...casoPublicado('puntualidad/16-pierde-y-recupera-la-tasa-puntual.json'),
};

function credito(caso: Record<string, unknown>): CreditoASimular {
  const r = calcularCaso({ ...caso, fecha_corte: FECHA });
  if (!r.ok) throw new Error(r.error.mensaje);
  return {
    id: 1,
    numero: 'CE-016',
    estado: 'activo',
    caso: entradaDe(caso),
    alCorte: r.valor,
    datos: { producto: 'CE-6', oficina: { clave: 'HMO', nombre: 'Hermosillo' }, generacion: 2024 },
  };
}

const cero = porcentajeDesdeTexto('0');
const seis = porcentajeDesdeTexto('0.06');
if (cero === null || seis === null) throw new Error('porcentaje');

const propuesta = (forma: Forma, tipo: Propuesta['tipo']): Propuesta => ({
  origen: 'alternativa',
  id: 1,
  versionId: 1,
  clave: tipo,
  tipo,
  nombre: tipo,
  acuerdo: null,
  descuento: { moratorio: cero, interes: cero },
  forma,
  elegibilidad: SIN_RESTRICCIONES,
  vigencia: null,
  toleranciaDias: 5,
});

const CONVENIO = propuesta(
  { forma: 'liquidar', pagosMaximos: 3, congelaMoratorio: false, diasParaPagar: null },
  'convenio_de_pagos',
);
const UN_PAGO_HOY = propuesta(
  { forma: 'liquidar', pagosMaximos: 1, congelaMoratorio: false, diasParaPagar: 15 },
  'liquidacion_con_descuento',
);
const REESTRUCTURA = propuesta(
  { forma: 'reestructurar', plazoMaximoMeses: 6, tasa: seis },
  'reestructura',
);
const PRORROGA = propuesta(
  { forma: 'pausar', mesesMaximos: 3, congelaMoratorio: true },
  'prorroga',
);

const simular = (caso: Record<string, unknown>, p: Propuesta) => {
  const [oferta] = simularOfertas([p], [credito(caso)], {
    fecha: FECHA,
    primerPago: null,
    plazo: null,
  });
  if (oferta === undefined) throw new Error('sin oferta');
  return ofertaAJson(oferta);
};

/** The engine's interest over the plan, run with this test's own code from the JSON alone. */
function interesDelPlan(caso: Record<string, unknown>, pagos: { fecha: string; monto: string }[]) {
  const interes = (corte: string, movimientos: unknown[]) => {
    const r = calcularCaso({ ...caso, fecha_corte: corte, movimientos });
    if (!r.ok) throw new Error(r.error.mensaje);
    const devengado: number = r.valor.interesOrdinarioDevengado;
    return r.valor.amortizaciones.reduce((s, a) => s + a.interes, devengado);
  };
  const previos = caso.movimientos as unknown[];
  const delPlan = pagos.map((p, k) => ({
    id: `X${k}`,
    tipo: 'pago',
    fecha: p.fecha,
    monto: p.monto,
  }));
  const ultimo = pagos.at(-1)?.fecha ?? FECHA;
  return interes(ultimo, [...previos, ...delPlan]) - interes(FECHA, previos);
}

describe('simulador: lo que ahorra el acreditado si paga puntual (R9)', () => {
  it('un convenio en pagos ahorra la diferencia entre su interés a la tasa ordinaria y a la puntual', () => {
    const o = simular(CASO, CONVENIO);
    expect(o.califica).toBe(true);
    expect(o.pagos).toHaveLength(3);
    const producto = CASO.producto as Record<string, unknown>;
    const { tasa_puntual_anual: _, ...sinPuntual } = producto;
    const conR9 = interesDelPlan(CASO, o.pagos);
    const sinR9 = interesDelPlan({ ...CASO, producto: sinPuntual }, o.pagos);
    expect(conR9).toBeGreaterThan(0);
    // Only the periods that begin with nothing owed are at 3%: the plan's payments fall on the
    // 20th, after amortización 5's date, so from 01/06/2025 the rate is the ordinary one anyway.
    expect(sinR9).toBeGreaterThan(conR9);
    const ahorro = sinR9 - conR9;
    expect(o.ahorroPorPuntualidad).toBe((ahorro / 100).toFixed(2));
    expect(o.creditos[0]?.ahorroPorPuntualidad).toBe(o.ahorroPorPuntualidad);
  });

  it('una reestructura lo calcula sobre el plan del crédito nuevo, que conserva la tasa puntual', () => {
    const o = simular(CASO, REESTRUCTURA);
    expect(o.califica).toBe(true);
    expect(o.ahorroPorPuntualidad).toMatch(/^\d+\.\d{2}$/);
    expect(Number(o.ahorroPorPuntualidad)).toBeGreaterThan(0);
  });

  it('no hay ahorro que mostrar sin tasa puntual, con un solo pago hoy ni en una prórroga', () => {
    const producto = CASO.producto as Record<string, unknown>;
    const { tasa_puntual_anual: _, ...sinPuntual } = producto;
    expect(simular({ ...CASO, producto: sinPuntual }, CONVENIO).ahorroPorPuntualidad).toBeNull();
    expect(simular(CASO, UN_PAGO_HOY).ahorroPorPuntualidad).toBeNull();
    expect(simular(CASO, PRORROGA).ahorroPorPuntualidad).toBeNull();
  });
});
