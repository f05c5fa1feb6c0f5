import type { Centavos } from '../domain/dinero.ts';
import { formatearCentavos } from '../domain/dinero.ts';
import type {
  AmortizacionFila,
  CreditoFila,
  MinistracionFila,
  MovimientoFila,
  PeriodoSinMoratorioFila,
  VersionProductoFila,
} from './esquema.ts';

export interface FilasDeCredito {
  /** `tasa_puntual_anual`: the credit's own punctual rate (R9), null when it has none. */
  credito: Pick<CreditoFila, 'numero' | 'fecha_inicio_interes'> & {
    tasa_puntual_anual: string | null;
  };
  /** The rates in force (src/db/tasas-en-vigor.ts); `tasa_puntual_anual` null: no R9. */
  version: Pick<
    VersionProductoFila,
    'tasa_ordinaria_anual' | 'tasa_moratoria_anual' | 'base_dias' | 'prelacion'
  > & { tasa_puntual_anual: string | null };
  ministraciones: ReadonlyArray<Pick<MinistracionFila, 'fecha' | 'monto_centavos'>>;
  amortizaciones: ReadonlyArray<Pick<AmortizacionFila, 'numero' | 'fecha' | 'capital_centavos'>>;
  /** In ledger order (id): the engine applies a day's movements in the order listed (R1). */
  movimientos: ReadonlyArray<
    Pick<
      MovimientoFila,
      'tipo' | 'fecha' | 'monto_centavos' | 'excedente' | 'concepto' | 'cancela_id'
    > & { id: number }
  >;
  /** A window a broken convenio revoked counts only for cut-off dates before `revocado_el`. */
  periodos: ReadonlyArray<
    Pick<PeriodoSinMoratorioFila, 'desde' | 'hasta'> & { revocado_el?: string | null }
  >;
}

const pesos = (c: number) => formatearCentavos(c as Centavos);

/** A movement's id in the engine: the ledger id, as text (cancelaciones name it). */
export const idDeMovimiento = (id: number) => String(id);

export type MovimientoGuardado = FilasDeCredito['movimientos'][number];

/**
 * The loaded rows plus movements this transaction just wrote, in ledger order (id), as
 * reloading them would return them: a use case that posts to a locked credit computes the
 * "after" statement without reading the credit and its history a second time.
 */
export function conMovimientos<T extends FilasDeCredito>(
  filas: T,
  nuevos: ReadonlyArray<MovimientoGuardado>,
): T {
  const movimientos = [...filas.movimientos, ...nuevos].sort((a, b) => a.id - b.id);
  return { ...filas, movimientos };
}

function movimientoDelCaso(m: MovimientoGuardado): Record<string, unknown> {
  const id = idDeMovimiento(m.id);
  switch (m.tipo) {
    case 'pago':
      return {
        id,
        tipo: 'pago',
        fecha: m.fecha,
        monto: pesos(m.monto_centavos ?? 0),
        excedente: m.excedente ?? 'reducir_plazo',
      };
    case 'condonacion':
      return {
        id,
        tipo: 'condonacion',
        fecha: m.fecha,
        concepto: m.concepto,
        monto: pesos(m.monto_centavos ?? 0),
      };
    case 'cancelacion':
      return {
        id,
        tipo: 'cancelacion',
        fecha: m.fecha,
        movimiento: idDeMovimiento(m.cancela_id ?? 0),
      };
  }
}

/**
 * The stored rows of one credit as a case of calculo.md's input shape: the engine reads the
 * database through exactly the contract the published examples test.
 */
export function casoDesdeFilas(f: FilasDeCredito, fechaCorte: string): Record<string, unknown> {
  return {
    fecha_corte: fechaCorte,
    producto: {
      tasa_ordinaria_anual: f.version.tasa_ordinaria_anual,
      tasa_moratoria_anual: f.version.tasa_moratoria_anual,
      base_dias: f.version.base_dias,
      prelacion: f.version.prelacion,
      // The engine takes an absent key as "no R9"; null would be invalid.
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
    movimientos: f.movimientos.map(movimientoDelCaso),
    periodos_sin_moratorio: f.periodos
      .filter((p) => p.revocado_el == null || fechaCorte < p.revocado_el)
      .map((p) => ({ desde: p.desde, hasta: p.hasta })),
  };
}
