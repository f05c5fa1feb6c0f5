import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EstadoDeCuentaJson } from '../../src/domain/estado-de-cuenta/index.ts';
import { calcularTexto } from '../../src/modules/calculo/calcular-cli.ts';
import {
  arbCaso,
  type CasoJson,
  centavos,
  dia,
  fecha,
  type MovimientoJson,
  pesos,
} from './generador.ts';

// Sized for a 2-core machine: the whole property suite runs in a few seconds. For a deeper
// search, PROPIEDADES_CORRIDAS=20000 npx vitest run --project dominio propiedades
const CORRIDAS = { numRuns: Number(process.env.PROPIEDADES_CORRIDAS ?? 200) };

type Salida = EstadoDeCuentaJson | { error: { codigo: string; mensaje: string } };

function salida(caso: CasoJson): Salida {
  return JSON.parse(calcularTexto(JSON.stringify(caso)).salida);
}

function estado(caso: CasoJson): EstadoDeCuentaJson {
  const s = salida(caso);
  if ('error' in s) throw new Error(`el generador produjo un caso inválido: ${s.error.mensaje}`);
  return s;
}

const c = centavos;
const conCorte = (caso: CasoJson, corte: number): CasoJson => ({
  ...caso,
  fecha_corte: fecha(corte),
});
const ultimaMinistracion = (caso: CasoJson): number =>
  Math.max(...caso.credito.ministraciones.map((m) => dia(m.fecha)));

/** Movements that count at the cut-off (R1): on or before it and not cancelled by then. */
function vigentes(caso: CasoJson): MovimientoJson[] {
  const corte = dia(caso.fecha_corte);
  const cancelados = new Set(
    caso.movimientos
      .filter((m) => m.tipo === 'cancelacion' && dia(m.fecha) <= corte)
      .map((m) => m.movimiento),
  );
  return caso.movimientos.filter(
    (m) => m.tipo !== 'cancelacion' && dia(m.fecha) <= corte && !cancelados.has(m.id),
  );
}

describe('statement properties over generated credits', () => {
  it('each aplicación adds up to its monto plus the funds held before it', () => {
    fc.assert(
      fc.property(arbCaso, (caso) => {
        const e = estado(caso);
        let retenido = 0;
        for (const a of e.aplicaciones) {
          const partes =
            c(a.moratorio) + c(a.interes) + c(a.capital) + c(a.adelantado) + c(a.a_favor);
          if (a.id.startsWith('adelanto-')) {
            // Its monto already is the held balance.
            expect(c(a.monto)).toBe(retenido);
            expect(partes).toBe(c(a.monto));
          } else {
            expect(partes).toBe(c(a.monto) + retenido);
          }
          retenido = c(a.adelantado);
        }
        expect(c(e.pagos_adelantados)).toBe(retenido);
      }),
      CORRIDAS,
    );
  });

  it('capital pagado + condonado + insoluto = disbursed', () => {
    fc.assert(
      fc.property(arbCaso, (caso) => {
        const e = estado(caso);
        const corte = dia(caso.fecha_corte);
        const desembolsado = caso.credito.ministraciones
          .filter((m) => dia(m.fecha) <= corte)
          .reduce((a, m) => a + c(m.monto), 0);
        const condonado = vigentes(caso)
          .filter((m) => m.tipo === 'condonacion' && m.concepto === 'capital')
          .reduce((a, m) => a + c(m.monto ?? '0'), 0);
        const pagado = e.amortizaciones.reduce((a, x) => a + c(x.capital_pagado), 0);
        expect(pagado + condonado + c(e.capital_insoluto)).toBe(desembolsado);
        expect(pagado).toBe(e.aplicaciones.reduce((a, x) => a + c(x.capital), 0));
      }),
      CORRIDAS,
    );
  });

  it('ignores everything dated after the cut-off', () => {
    const arbPosteriores = fc.array(
      fc.record({
        tipo: fc.constantFrom('pago', 'condonacion', 'cancelacion'),
        desfase: fc.integer({ min: 1, max: 400 }),
        monto: fc.integer({ min: 1, max: 10 ** 9 }),
        objetivo: fc.nat(),
      }),
      { minLength: 1, maxLength: 5 },
    );
    fc.assert(
      fc.property(arbCaso, arbPosteriores, (caso, posteriores) => {
        const desde = Math.max(dia(caso.fecha_corte), ultimaMinistracion(caso));
        const movimientos = [...caso.movimientos];
        const cancelados = new Set(movimientos.map((m) => m.movimiento));
        posteriores.forEach((p, i) => {
          const fechaP = fecha(desde + p.desfase);
          if (p.tipo === 'pago') {
            movimientos.push({ id: `F${i}`, tipo: 'pago', fecha: fechaP, monto: pesos(p.monto) });
          } else if (p.tipo === 'condonacion') {
            // Even one far above the debt: it is not judged, being after the cut-off.
            movimientos.push({
              id: `F${i}`,
              tipo: 'condonacion',
              fecha: fechaP,
              concepto: 'capital',
              monto: pesos(p.monto),
            });
          } else {
            const vivos = movimientos.filter(
              (m) => m.tipo !== 'cancelacion' && !cancelados.has(m.id),
            );
            const objetivo = vivos[p.objetivo % Math.max(1, vivos.length)];
            if (objetivo === undefined) return;
            cancelados.add(objetivo.id);
            movimientos.push({
              id: `F${i}`,
              tipo: 'cancelacion',
              fecha: fecha(Math.max(desde + p.desfase, dia(objetivo.fecha))),
              movimiento: objetivo.id,
            });
          }
        });
        expect(salida({ ...caso, movimientos })).toStrictEqual(salida(caso));
      }),
      CORRIDAS,
    );
  });

  it('cancelling a payment is the same as never having made it', () => {
    fc.assert(
      fc.property(arbCaso, fc.nat(), fc.nat(), (caso, eleccion, retraso) => {
        const corte = dia(caso.fecha_corte);
        const nombrados = new Set(caso.movimientos.map((m) => m.movimiento));
        const pagos = vigentes(caso).filter((m) => m.tipo === 'pago' && !nombrados.has(m.id));
        const pago = pagos[eleccion % Math.max(1, pagos.length)];
        fc.pre(pago !== undefined);
        if (pago === undefined) return;
        const diaPago = dia(pago.fecha);
        const cancelacion: MovimientoJson = {
          id: 'X-PROP',
          tipo: 'cancelacion',
          fecha: fecha(diaPago + (retraso % (corte - diaPago + 1))),
          movimiento: pago.id,
        };
        const cancelado = salida({ ...caso, movimientos: [...caso.movimientos, cancelacion] });
        const nunca = salida({ ...caso, movimientos: caso.movimientos.filter((m) => m !== pago) });
        expect(cancelado).toStrictEqual(nunca);
      }),
      CORRIDAS,
    );
  });

  it('paying saldo_para_liquidar − pagos_adelantados on the cut-off settles the credit', () => {
    fc.assert(
      fc.property(
        arbCaso,
        fc.constantFrom(undefined, 'reducir_plazo', 'adelantar'),
        (caso, excedente) => {
          const e = estado(caso);
          const monto = c(e.saldo_para_liquidar) - c(e.pagos_adelantados);
          fc.pre(monto > 0 && dia(caso.fecha_corte) >= ultimaMinistracion(caso));
          const pago: MovimientoJson = {
            id: 'L-PROP',
            tipo: 'pago',
            fecha: caso.fecha_corte,
            monto: pesos(monto),
            ...(excedente ? { excedente } : {}),
          };
          const despues = estado({ ...caso, movimientos: [...caso.movimientos, pago] });
          expect(despues.situacion).toBe('liquidado');
          expect(despues.saldo_para_liquidar).toBe('0.00');
          expect(despues.pagos_adelantados).toBe('0.00');
          // Exactly enough: nothing goes to saldo a favor.
          expect(despues.saldo_a_favor).toBe(e.saldo_a_favor);
        },
      ),
      CORRIDAS,
    );
  });

  it('accrues no moratorium inside a moratorium-free window', () => {
    fc.assert(
      fc.property(arbCaso, fc.nat(), fc.nat(), (caso, eleccion, avance) => {
        const ventanas = caso.periodos_sin_moratorio ?? [];
        const ventana = ventanas[eleccion % Math.max(1, ventanas.length)];
        fc.pre(ventana !== undefined);
        if (ventana === undefined) return;
        const desde = dia(ventana.desde);
        const hasta = desde + (avance % (dia(ventana.hasta) - desde + 1));
        // A cancelación inside the window would change the history itself, not only time.
        const sinCancelar = {
          ...caso,
          movimientos: caso.movimientos.filter(
            (m) => m.tipo !== 'cancelacion' || dia(m.fecha) <= desde || dia(m.fecha) > hasta,
          ),
        };
        const alEntrar = salida(conCorte(sinCancelar, desde));
        const alSalir = salida(conCorte(sinCancelar, hasta));
        fc.pre(!('error' in alEntrar) && !('error' in alSalir));
        if ('error' in alEntrar || 'error' in alSalir) return;
        const moratorio = (e: EstadoDeCuentaJson): number =>
          e.amortizaciones.reduce((a, x) => a + c(x.moratorio), 0);
        expect(moratorio(alSalir)).toBe(moratorio(alEntrar));
      }),
      CORRIDAS,
    );
  });

  it('never states a negative amount, and its totals add up', () => {
    fc.assert(
      fc.property(arbCaso, (caso) => {
        const e = estado(caso);
        const importes = [
          e.capital_insoluto,
          e.capital_exigible,
          e.interes_ordinario_exigible,
          e.interes_ordinario_devengado,
          e.interes_moratorio,
          e.saldo_exigible,
          e.saldo_para_liquidar,
          e.pagos_adelantados,
          e.saldo_a_favor,
          ...e.amortizaciones.flatMap((a) => [
            a.capital,
            a.interes,
            a.moratorio,
            a.capital_pagado,
            a.interes_pagado,
            a.moratorio_pagado,
            a.condonado,
          ]),
          ...e.aplicaciones.flatMap((a) => [
            a.monto,
            a.moratorio,
            a.interes,
            a.capital,
            a.adelantado,
            a.a_favor,
          ]),
        ];
        for (const importe of importes) expect(importe).toMatch(/^\d+\.\d{2}$/);
        expect(e.dias_atraso).toBeGreaterThanOrEqual(0);
        expect(c(e.saldo_exigible)).toBe(
          c(e.capital_exigible) + c(e.interes_ordinario_exigible) + c(e.interes_moratorio),
        );
        expect(c(e.saldo_para_liquidar)).toBe(
          c(e.capital_insoluto) +
            c(e.interes_ordinario_exigible) +
            c(e.interes_ordinario_devengado) +
            c(e.interes_moratorio),
        );
        for (const a of e.amortizaciones) {
          expect(c(a.capital_pagado)).toBeLessThanOrEqual(c(a.capital));
          expect(c(a.interes_pagado)).toBeLessThanOrEqual(c(a.interes));
          expect(c(a.moratorio_pagado)).toBeLessThanOrEqual(c(a.moratorio));
        }
      }),
      CORRIDAS,
    );
  });
});
