import { type Centavos, formatearCentavos } from '../dinero.ts';
import { calcularCaso, type EstadoDeCuenta } from '../estado-de-cuenta/index.ts';
import type { Fecha } from '../fecha.ts';

/**
 * A credit's case as calculo.md's input JSON (what `casoDesdeFilas` builds from the stored
 * rows). The simulator never changes it: every scenario is this case plus hypothetical
 * movements and windows, computed by the engine itself.
 */
export type CasoBase = Readonly<Record<string, unknown>>;

export type ConceptoDescontable = 'moratorio' | 'interes';

export type MovimientoSupuesto =
  | { readonly tipo: 'pago'; readonly fecha: Fecha; readonly monto: Centavos }
  | {
      readonly tipo: 'condonacion';
      readonly fecha: Fecha;
      readonly concepto: ConceptoDescontable;
      readonly monto: Centavos;
    };

export interface Ventana {
  readonly desde: Fecha;
  readonly hasta: Fecha;
}

/** What an offer adds to the credit's history: its condonaciones, payments and window. */
export interface Supuesto {
  readonly movimientos: readonly MovimientoSupuesto[];
  readonly ventana: Ventana | null;
}

export const SIN_SUPUESTOS: Supuesto = { movimientos: [], ventana: null };

// Stored movements have numeric ids (the ledger's): these can never collide with them.
const idDe = (m: MovimientoSupuesto, k: number) =>
  m.tipo === 'pago' ? `simulado-pago-${k + 1}` : `simulado-condonacion-${m.concepto}-${k + 1}`;

function movimientoJson(m: MovimientoSupuesto, k: number): Record<string, unknown> {
  const base = { id: idDe(m, k), fecha: m.fecha, monto: formatearCentavos(m.monto) };
  return m.tipo === 'pago'
    ? { ...base, tipo: 'pago', excedente: 'reducir_plazo' }
    : { ...base, tipo: 'condonacion', concepto: m.concepto };
}

function lista(valor: unknown): unknown[] {
  return Array.isArray(valor) ? valor : [];
}

/** The case JSON of a scenario: the stored history first, then the offer's movements (R1). */
export function casoDelSupuesto(
  base: CasoBase,
  s: Supuesto,
  corte: Fecha,
): Record<string, unknown> {
  return {
    ...base,
    fecha_corte: corte,
    movimientos: [...lista(base.movimientos), ...s.movimientos.map(movimientoJson)],
    periodos_sin_moratorio: [
      ...lista(base.periodos_sin_moratorio),
      ...(s.ventana === null ? [] : [{ desde: s.ventana.desde, hasta: s.ventana.hasta }]),
    ],
  };
}

/**
 * The engine's statement of the credit with the offer's movements, on `corte`. The base case
 * was accepted by the engine before (its statement on the simulation date), and the offer's
 * movements are built from the engine's own figures, so a refusal here is a defect.
 */
export function calcularSupuesto(base: CasoBase, s: Supuesto, corte: Fecha): EstadoDeCuenta {
  const r = calcularCaso(casoDelSupuesto(base, s, corte));
  if (!r.ok) throw new Error(`el motor rechazó un supuesto del simulador: ${r.error.mensaje}`);
  return r.valor;
}
