import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  aplicarPorcentaje,
  type CreditoASimular,
  type Forma,
  type OpcionesDeSimulacion,
  ofertaAJson,
  type Porcentaje,
  type Propuesta,
  porcentajeDesdeTexto,
  SIN_RESTRICCIONES,
  simularOfertas,
} from '../../src/domain/alternativas/index.ts';
import {
  calcularCaso,
  type EstadoDeCuenta,
  estadoDeCuentaAJson,
} from '../../src/domain/estado-de-cuenta/index.ts';
import { type Fecha, sumarDias } from '../../src/domain/fecha.ts';
import { arbCaso, type CasoJson, centavos, type MovimientoJson } from '../domain/generador.ts';
import { entradaDe } from '../soporte/caso-json.ts';

// Every run simulates one offer over a generated credit (history of payments, condonaciones,
// cancelaciones, windows, both prelaciones and bases), then checks it from its JSON alone.
const CORRIDAS = { numRuns: Number(process.env.PROPIEDADES_CORRIDAS ?? 150) };

const pct = (t: string): Porcentaje => {
  const p = porcentajeDesdeTexto(t);
  if (p === null) throw new Error(t);
  return p;
};
const arbPct = fc.constantFrom('0', '0', '0.25', '0.5', '0.155', '1').map(pct);

const arbForma: fc.Arbitrary<Forma> = fc.oneof(
  fc.record({
    forma: fc.constant('liquidar' as const),
    pagosMaximos: fc.integer({ min: 1, max: 24 }),
    congelaMoratorio: fc.boolean(),
    diasParaPagar: fc.constant(null),
  }),
  fc.record({
    forma: fc.constant('regularizar' as const),
    pagosMaximos: fc.integer({ min: 1, max: 12 }),
    congelaMoratorio: fc.boolean(),
  }),
  fc.record({
    forma: fc.constant('reestructurar' as const),
    plazoMaximoMeses: fc.integer({ min: 1, max: 36 }),
    tasa: fc.constantFrom('0', '0.06', '0.155', '0.36').map(pct),
  }),
  fc.record({
    forma: fc.constant('pausar' as const),
    mesesMaximos: fc.integer({ min: 1, max: 6 }),
    congelaMoratorio: fc.boolean(),
  }),
);

const arbPropuesta: fc.Arbitrary<Propuesta> = fc
  .record({ forma: arbForma, moratorio: arbPct, interes: arbPct })
  .map(({ forma, moratorio, interes }) => ({
    origen: 'alternativa',
    id: 1,
    versionId: 1,
    clave: 'prueba',
    tipo: {
      liquidar: 'convenio_de_pagos',
      regularizar: 'regularizacion',
      reestructurar: 'reestructura',
      pausar: 'prorroga',
    }[forma.forma] as Propuesta['tipo'],
    nombre: 'Prueba',
    acuerdo: null,
    descuento: { moratorio, interes },
    forma,
    elegibilidad: SIN_RESTRICCIONES,
    vigencia: null,
    toleranciaDias: 5,
  }));

const arbOpciones = fc.record({
  adelanto: fc.integer({ min: 0, max: 40 }),
  primerPago: fc.option(fc.integer({ min: 0, max: 31 }), { nil: null }),
  plazo: fc.option(fc.integer({ min: 1, max: 30 }), { nil: null }),
});

function estado(caso: CasoJson): EstadoDeCuenta {
  const r = calcularCaso(caso);
  if (!r.ok) throw new Error(`el motor rechazó el caso reconstruido: ${r.error.mensaje}`);
  return r.valor;
}

/** "Today" is the generated case's last event: its whole history is in the past. */
function hoyDe(caso: CasoJson): Fecha {
  const fechas = [
    caso.fecha_corte,
    ...caso.movimientos.map((m) => m.fecha),
    ...caso.credito.ministraciones.map((m) => m.fecha),
  ];
  return fechas.sort().at(-1) as Fecha;
}

const c = (t: string) => centavos(t);
/** Savings can be negative: an offer may cost more than paying today. */
const conSigno = (t: string) => (t.startsWith('-') ? -c(t.slice(1)) : c(t));
type OfertaCredito = ReturnType<typeof ofertaAJson>['creditos'][number];

/** The offer's movements added to the case with this test's own code, from the JSON alone. */
function conLaOferta(caso: CasoJson, o: OfertaCredito, corte: string, pagos = o.pagos): CasoJson {
  const movimientos: MovimientoJson[] = [
    ...caso.movimientos,
    ...o.condonaciones.map((x, k) => ({
      id: `C-oferta-${k}`,
      tipo: 'condonacion' as const,
      fecha: x.fecha,
      concepto: x.concepto,
      monto: x.monto,
    })),
    ...pagos.map((p) => ({
      id: `P-oferta-${p.numero}`,
      tipo: 'pago' as const,
      fecha: p.fecha,
      monto: p.monto,
    })),
  ];
  const ventanas = o.periodoSinMoratorio === null ? [] : [o.periodoSinMoratorio];
  return {
    ...caso,
    fecha_corte: corte,
    movimientos,
    periodos_sin_moratorio: [...(caso.periodos_sin_moratorio ?? []), ...ventanas],
  };
}

describe('simulador sobre créditos generados: sus cifras son las que da registrar esos movimientos', () => {
  it('cada oferta cierra al centavo, sin pagos negativos, y el motor lo confirma desde el JSON', () => {
    fc.assert(
      fc.property(arbCaso, arbPropuesta, arbOpciones, (generado, propuesta, op) => {
        const hoy = hoyDe(generado);
        const fecha = sumarDias(hoy, op.adelanto);
        const caso = { ...generado, fecha_corte: fecha };
        // A condonación generated after the original cut-off may exceed the debt at a later one.
        const base = calcularCaso(caso);
        fc.pre(base.ok);
        const alCorte = estado(caso);
        const credito: CreditoASimular = {
          id: 1,
          numero: 'CE-PROP',
          estado: 'activo',
          caso: entradaDe(caso),
          alCorte,
          datos: {
            producto: 'CE-6',
            oficina: { clave: 'HMO', nombre: 'Hermosillo' },
            generacion: 2021,
          },
        };
        const opciones: OpcionesDeSimulacion = {
          fecha,
          primerPago: op.primerPago === null ? null : sumarDias(fecha, op.primerPago),
          plazo: op.plazo,
        };
        const [oferta] = simularOfertas([propuesta], [credito], opciones);
        if (oferta === undefined) throw new Error('sin oferta');
        const json = ofertaAJson(oferta);
        const o = json.creditos[0];
        if (o === undefined) throw new Error('sin crédito');
        const liquidarHoy = Math.max(0, alCorte.saldoParaLiquidar - alCorte.pagosAdelantados);
        expect(c(o.liquidarHoy)).toBe(liquidarHoy);
        if (!o.califica) {
          expect(o.motivos.length).toBeGreaterThan(0);
          return;
        }
        const montos = o.pagos.map((p) => c(p.monto));
        expect(montos.every((m) => m > 0)).toBe(true);
        expect(montos.reduce((a, b) => a + b, 0)).toBe(c(o.total));
        expect(c(json.total)).toBe(c(o.total));
        const fechas = o.pagos.map((p) => p.fecha);
        expect([...fechas].sort()).toEqual(fechas);
        expect(new Set(fechas).size).toBe(fechas.length);
        const condonado = o.condonaciones.reduce((a, x) => a + c(x.monto), 0);
        expect(c(o.descuento.total)).toBe(condonado);
        expect(conSigno(o.ahorro)).toBe(liquidarHoy - c(o.total) - c(o.saldoAlTerminar));
        const { forma } = propuesta;
        const ultima = fechas.at(-1) ?? opciones.primerPago ?? fecha;

        if (forma.forma === 'liquidar' || forma.forma === 'regularizar') {
          const primer = opciones.primerPago ?? fecha;
          if (fechas.length > 0) expect(fechas[0]).toBe(primer);
          // All but the last are equal; the last one closes and is never the largest.
          const previos = montos.slice(0, -1);
          expect(new Set(previos).size).toBeLessThanOrEqual(1);
          if (previos.length > 0) expect(montos.at(-1)).toBeLessThanOrEqual(previos[0] ?? 0);
          expect(montos.length).toBeLessThanOrEqual(forma.pagosMaximos);
          // The discount is the share of what the engine says is owed on the first payment's date.
          const enElPrimero = estado(conLaOferta(caso, { ...o, condonaciones: [] }, primer, []));
          for (const x of o.condonaciones) {
            const base =
              x.concepto === 'moratorio'
                ? enElPrimero.interesMoratorio
                : enElPrimero.interesOrdinarioExigible;
            const p =
              x.concepto === 'moratorio'
                ? propuesta.descuento.moratorio
                : propuesta.descuento.interes;
            expect(c(x.monto)).toBe(aplicarPorcentaje(base, p));
          }
          const final = estadoDeCuentaAJson(estado(conLaOferta(caso, o, ultima)));
          if (forma.forma === 'liquidar') {
            expect(final.situacion).toBe('liquidado');
            expect(final.saldo_a_favor).toBe('0.00');
          } else {
            expect(final.saldo_exigible).toBe('0.00');
          }
          expect(c(final.saldo_para_liquidar) - c(final.pagos_adelantados)).toBe(
            c(o.saldoAlTerminar),
          );
          expect(o.liquida).toBe(final.situacion === 'liquidado');
          // Without the last payment, something was still owed: the plan is no longer than it needs.
          if (montos.length > 0) {
            const antes = estado(conLaOferta(caso, o, ultima, o.pagos.slice(0, -1)));
            expect(antes.situacion).not.toBe('liquidado');
          }
        }

        if (forma.forma === 'reestructurar') {
          const r = o.reestructura;
          if (r === null) throw new Error('reestructura sin crédito nuevo');
          expect(c(r.principal)).toBe(liquidarHoy - condonado);
          const capital = r.amortizaciones.reduce((a, x) => a + c(x.capital), 0);
          expect(capital).toBe(c(r.principal));
          // The old credit: its discount and a payment of the principal settle it today.
          const cierre = conLaOferta(caso, o, fecha, [{ numero: 1, fecha, monto: r.principal }]);
          expect(estado(cierre).situacion).toBe('liquidado');
          // The new credit: its payments settle it on its last date.
          const nuevo: CasoJson = {
            fecha_corte: ultima,
            producto: { ...caso.producto, tasa_ordinaria_anual: forma.tasa.texto },
            credito: {
              id: 'NUEVO',
              fecha_inicio_interes: fecha,
              ministraciones: [{ fecha, monto: r.principal }],
              amortizaciones: r.amortizaciones,
            },
            movimientos: o.pagos.map((p) => ({
              id: `P${p.numero}`,
              tipo: 'pago',
              fecha: p.fecha,
              monto: p.monto,
            })),
          };
          expect(estado(nuevo).situacion).toBe('liquidado');
          expect(o.liquida).toBe(true);
        }

        if (forma.forma === 'pausar') {
          expect(o.pagos.length).toBeLessThanOrEqual(1);
          expect(json.montoAhora).toBe('0.00');
          const fin = o.periodoSinMoratorio?.hasta ?? ultima;
          const final = estado(conLaOferta(caso, o, fin));
          expect(final.saldoExigible).toBe(0);
        }
      }),
      CORRIDAS,
    );
  }, 120_000);
});

describe('un caso publicado, a mano', () => {
  // 01-pago-parcial-con-atraso on its cut-off: saldo para liquidar 4862.42, moratorium 117.95,
  // exigible ordinary interest 142.58, 121 days late; the schedule ends on 01/07/2024.
  const caso: CasoJson = {
    fecha_corte: '2024-06-30',
    producto: { tasa_ordinaria_anual: '0.12', tasa_moratoria_anual: '0.18' },
    credito: {
      id: 'CE-001',
      fecha_inicio_interes: '2024-01-01',
      ministraciones: [{ fecha: '2023-08-15', monto: '6000.00' }],
      amortizaciones: [1, 2, 3, 4, 5, 6].map((n) => ({
        numero: n,
        fecha: `2024-0${n + 1}-01`,
        capital: '1000.00',
      })),
    },
    movimientos: [
      { id: 'P1', tipo: 'pago', fecha: '2024-02-01', monto: '1062.00' },
      { id: 'P2', tipo: 'pago', fecha: '2024-03-20', monto: '500.00' },
    ],
  };
  const fecha = '2024-06-30' as Fecha;
  const credito: CreditoASimular = {
    id: 1,
    numero: 'CE-001',
    estado: 'activo',
    caso: entradaDe(caso),
    alCorte: estado(caso),
    datos: { producto: 'CE-6', oficina: { clave: 'HMO', nombre: 'Hermosillo' }, generacion: 2023 },
  };
  const propuesta = (
    forma: Forma,
    moratorio = '0',
    interes = '0',
    tipo: Propuesta['tipo'] = 'convenio_de_pagos',
  ): Propuesta => ({
    origen: 'alternativa',
    id: 1,
    versionId: 1,
    clave: 'x',
    tipo,
    nombre: 'X',
    acuerdo: null,
    descuento: { moratorio: pct(moratorio), interes: pct(interes) },
    forma,
    elegibilidad: SIN_RESTRICCIONES,
    vigencia: null,
    toleranciaDias: 5,
  });
  const simular = (p: Propuesta, plazo: number | null = null) => {
    const [o] = simularOfertas([p], [credito], { fecha, primerPago: null, plazo });
    if (o === undefined) throw new Error('sin oferta');
    return ofertaAJson(o);
  };

  it('liquidar con 50 % del moratorio y 25 % del interés: el pago es el saldo menos lo condonado', () => {
    const o = simular(
      propuesta(
        { forma: 'liquidar', pagosMaximos: 1, congelaMoratorio: false, diasParaPagar: 15 },
        '0.5',
        '0.25',
      ),
    );
    expect(o.descuento).toEqual({ moratorio: '58.98', interes: '35.65', total: '94.63' });
    expect(o.pagos).toEqual([{ numero: 1, fecha: '2024-06-30', monto: '4767.79' }]);
    expect(o).toMatchObject({ montoAhora: '4767.79', ahorro: '94.63', liquida: true });
    expect(o.avisos).toEqual(['el descuento se otorga si se paga a más tardar el 15/07/2024']);
  });

  it('un plazo mayor al permitido se ajusta y se avisa; el plan de regularización cierra al centavo', () => {
    const o = simular(
      propuesta({ forma: 'regularizar', pagosMaximos: 6, congelaMoratorio: true }),
      9,
    );
    expect(o.avisos).toEqual(['admite a lo más 6 pagos: se calculó con 6']);
    expect(o.pagos.map((p) => p.fecha)).toEqual([
      '2024-06-30',
      '2024-07-30',
      '2024-08-30',
      '2024-09-30',
      '2024-10-30',
      '2024-11-30',
    ]);
    const montos = o.pagos.map((p) => c(p.monto));
    expect(new Set(montos.slice(0, -1)).size).toBe(1);
    expect(montos.reduce((a, b) => a + b, 0)).toBe(c(o.total));
    expect(o.creditos[0]?.periodoSinMoratorio).toEqual({
      desde: '2024-06-30',
      hasta: '2024-11-30',
    });
    expect(c(o.moratorioCongelado)).toBeGreaterThan(0);
  });

  it('la prórroga no pide nada hoy y muestra lo que cuesta la pausa', () => {
    const o = simular(
      propuesta(
        { forma: 'pausar', mesesMaximos: 6, congelaMoratorio: false },
        '0',
        '0',
        'prorroga',
      ),
      2,
    );
    expect(o.montoAhora).toBe('0.00');
    expect(o.pagos).toHaveLength(1);
    expect(o.pagos[0]?.fecha).toBe('2024-08-30');
    // Without the window, two months of moratorium: the pause costs money.
    expect(conSigno(o.ahorro)).toBeLessThan(0);
  });
});
