import type { Centavos } from '../dinero.ts';
import {
  calcularEntrada,
  diaDe,
  type EntradaDeCaso,
  type EstadoDeCuenta,
  type Movimiento,
} from '../estado-de-cuenta/index.ts';
import type { Fecha } from '../fecha.ts';

/**
 * A credit's case as the engine's typed input (what `entradaDesdeFilas` builds from the stored
 * rows). The simulator never changes it: every scenario is this case plus hypothetical
 * movements and windows, computed by the engine itself.
 */
export type CasoBase = EntradaDeCaso;
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

function movimiento(m: MovimientoSupuesto, k: number): Movimiento {
  const { fecha, dia } = diaDe(m.fecha);
  return m.tipo === 'pago'
    ? { tipo: 'pago', id: idDe(m, k), fecha, dia, monto: m.monto, excedente: 'reducir_plazo' }
    : { tipo: 'condonacion', id: idDe(m, k), fecha, dia, concepto: m.concepto, monto: m.monto };
}

/** The case of a scenario: the stored history first, then the offer's movements (R1). */
export function casoDelSupuesto(base: CasoBase, s: Supuesto, corte: Fecha): EntradaDeCaso {
  return {
    fechaCorte: diaDe(corte),
    producto: base.producto,
    credito: base.credito,
    movimientos:
      s.movimientos.length === 0
        ? base.movimientos
        : [...base.movimientos, ...s.movimientos.map(movimiento)],
    periodosSinMoratorio:
      s.ventana === null
        ? base.periodosSinMoratorio
        : [
            ...base.periodosSinMoratorio,
            { desde: diaDe(s.ventana.desde), hasta: diaDe(s.ventana.hasta) },
          ],
  };
}

/**
 * The engine's statement of the credit with the offer's movements, on `corte`. The base case
 * was accepted by the engine before (its statement on the simulation date), and the offer's
 * movements are built from the engine's own figures, so a refusal here is a defect.
 */
export function calcularSupuesto(base: CasoBase, s: Supuesto, corte: Fecha): EstadoDeCuenta {
  const r = calcularEntrada(casoDelSupuesto(base, s, corte));
  if (!r.ok) throw new Error(`el motor rechazó un supuesto del simulador: ${r.error.mensaje}`);
  return r.valor;
}
