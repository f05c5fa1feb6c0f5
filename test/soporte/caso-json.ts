import type { FilasDeCredito } from '../../src/db/mapeo-caso.ts';
import { formatearCentavos as pesos } from '../../src/domain/dinero.ts';
import { type EntradaDeCaso, leerCaso } from '../../src/domain/estado-de-cuenta/index.ts';

/** calculo.md's JSON as the engine's typed input (the simulator's base case, in tests). */
export function entradaDe(json: unknown): EntradaDeCaso {
  const r = leerCaso(json);
  if (!r.ok) throw new Error(`caso de prueba mal formado: ${r.error.mensaje}`);
  return r.valor;
}

/**
 * Stored rows written out as calculo.md's JSON, independently of the application's typed path
 * (src/db/mapeo-caso.ts): tests compare what the app computes from the database with what the
 * engine says about the same rows read as text, the contract the published examples test.
 */
export function casoJsonDesdeFilas(f: FilasDeCredito, fechaCorte: string): Record<string, unknown> {
  return {
    fecha_corte: fechaCorte,
    producto: {
      tasa_ordinaria_anual: f.version.tasa_ordinaria_anual,
      tasa_moratoria_anual: f.version.tasa_moratoria_anual,
      base_dias: f.version.base_dias,
      prelacion: f.version.prelacion,
      ...(f.version.tasa_puntual_anual === null
        ? {}
        : { tasa_puntual_anual: f.version.tasa_puntual_anual }),
    },
    credito: {
      id: f.credito.numero,
      fecha_inicio_interes: f.credito.fecha_inicio_interes,
      ...(f.credito.tasa_puntual_anual === null
        ? {}
        : { tasa_puntual_anual: f.credito.tasa_puntual_anual }),
      ministraciones: f.ministraciones.map((m) => ({
        fecha: m.fecha,
        monto: pesos(m.monto_centavos),
      })),
      amortizaciones: f.amortizaciones.map((a) => ({
        numero: a.numero,
        fecha: a.fecha,
        capital: pesos(a.capital_centavos),
      })),
    },
    movimientos: f.movimientos.map((m) =>
      m.tipo === 'cancelacion'
        ? { id: String(m.id), tipo: m.tipo, fecha: m.fecha, movimiento: String(m.cancela_id) }
        : m.tipo === 'pago'
          ? {
              id: String(m.id),
              tipo: m.tipo,
              fecha: m.fecha,
              // A row without an amount is written without one: the JSON path refuses it too.
              ...(m.monto_centavos === null ? {} : { monto: pesos(m.monto_centavos) }),
              excedente: m.excedente ?? 'reducir_plazo',
            }
          : {
              id: String(m.id),
              tipo: m.tipo,
              fecha: m.fecha,
              concepto: m.concepto,
              ...(m.monto_centavos === null ? {} : { monto: pesos(m.monto_centavos) }),
            },
    ),
    periodos_sin_moratorio: f.periodos
      .filter((p) => p.revocado_el == null || fechaCorte < p.revocado_el)
      .map((p) => ({ desde: p.desde, hasta: p.hasta })),
  };
}
