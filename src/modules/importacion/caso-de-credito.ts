import type {
  AmortizacionNueva,
  MinistracionNueva,
  MovimientoNuevo,
  PeriodoNuevo,
} from '../../db/escritura-cartera.ts';
import { type Centavos, formatearCentavos } from '../../domain/dinero.ts';
import type { Fecha } from '../../domain/fecha.ts';

/** The rates a credit was signed under (a product version). */
export interface TasasDeCredito {
  tasaOrdinaria: string;
  tasaMoratoria: string;
  /** R9: the version's punctual rate; null: R9 does not apply (unless the credit has its own). */
  tasaPuntual: string | null;
  baseDias: 360 | 365;
  prelacion: 'por_concepto' | 'por_amortizacion';
}

/** A movement as the engine sees it: `id` is the case's own, `cancela` names another's id. */
export interface MovimientoDeCaso {
  id: string;
  tipo: MovimientoNuevo['tipo'];
  fecha: Fecha;
  monto: Centavos | null;
  excedente: MovimientoNuevo['excedente'];
  concepto: MovimientoNuevo['concepto'];
  cancela: string | null;
}

export interface DatosDeCaso {
  numero: string;
  tasas: TasasDeCredito;
  /** The credit's own punctual rate (R9), which wins over the version's; null: none. */
  tasaPuntualDelCredito: string | null;
  fechaInicioInteres: Fecha;
  ministraciones: ReadonlyArray<Pick<MinistracionNueva, 'fecha' | 'monto'>>;
  amortizaciones: readonly AmortizacionNueva[];
  /** Movements already stored, in ledger order and in the engine's terms. */
  previos: readonly MovimientoDeCaso[];
  /** New movements, after the stored ones. */
  movimientos: readonly MovimientoNuevo[];
  /** The engine id of a stored movement a new cancelación names. */
  idDeCancelado?: (id: number) => string;
  periodosSinMoratorio: ReadonlyArray<Pick<PeriodoNuevo, 'desde' | 'hasta'>>;
}

/**
 * The engine's id of a movement: its external key when it has one (the key people see in
 * the report), else `#` and its position. A key read from a workbook never contains `#` (see
 * campos.ts), so the kinds cannot collide.
 */
export function idDeCaso(clave: string | null, posicion: number): string {
  return clave ?? `#${posicion}`;
}

/** The engine's id of a stored movement (ledger id `id`). */
export function idDeGuardado(clave: string | null, id: number): string {
  return clave ?? `#r${id}`;
}

const pesos = (c: Centavos) => formatearCentavos(c);

function movimientoJson(m: MovimientoDeCaso): Record<string, unknown> {
  switch (m.tipo) {
    case 'pago':
      return {
        id: m.id,
        tipo: 'pago',
        fecha: m.fecha,
        monto: m.monto === null ? null : pesos(m.monto),
        excedente: m.excedente ?? 'reducir_plazo',
      };
    case 'condonacion':
      return {
        id: m.id,
        tipo: 'condonacion',
        fecha: m.fecha,
        concepto: m.concepto,
        monto: m.monto === null ? null : pesos(m.monto),
      };
    case 'cancelacion':
      return { id: m.id, tipo: 'cancelacion', fecha: m.fecha, movimiento: m.cancela };
  }
}

function nuevosJson(d: DatosDeCaso): Array<Record<string, unknown>> {
  const base = d.previos.length;
  const idDe = (i: number) => idDeCaso(d.movimientos[i]?.clave ?? null, base + i);
  const cancelado = d.idDeCancelado ?? ((id: number) => idDeGuardado(null, id));
  return d.movimientos.map((m, i) =>
    movimientoJson({
      id: idDe(i),
      tipo: m.tipo,
      fecha: m.fecha,
      monto: m.monto,
      excedente: m.excedente,
      concepto: m.concepto,
      cancela:
        m.cancela === null
          ? null
          : 'indice' in m.cancela
            ? idDe(m.cancela.indice)
            : cancelado(m.cancela.id),
    }),
  );
}

/** The engine id of every movement of the case, in order (stored first). */
export function idsDeMovimientos(d: DatosDeCaso): string[] {
  return [
    ...d.previos.map((m) => m.id),
    ...d.movimientos.map((m, i) => idDeCaso(m.clave, d.previos.length + i)),
  ];
}

/** A credit as a case of calculo.md's input shape, cut at `fechaCorte`. */
export function casoDeCredito(d: DatosDeCaso, fechaCorte: Fecha): Record<string, unknown> {
  return {
    fecha_corte: fechaCorte,
    producto: {
      tasa_ordinaria_anual: d.tasas.tasaOrdinaria,
      tasa_moratoria_anual: d.tasas.tasaMoratoria,
      base_dias: d.tasas.baseDias,
      prelacion: d.tasas.prelacion,
      // Absent means no R9 to the engine; null would be invalid.
      ...(d.tasas.tasaPuntual === null ? {} : { tasa_puntual_anual: d.tasas.tasaPuntual }),
    },
    credito: {
      id: d.numero,
      fecha_inicio_interes: d.fechaInicioInteres,
      ...(d.tasaPuntualDelCredito === null ? {} : { tasa_puntual_anual: d.tasaPuntualDelCredito }),
      ministraciones: d.ministraciones.map((m) => ({ fecha: m.fecha, monto: pesos(m.monto) })),
      amortizaciones: d.amortizaciones.map((a) => ({
        numero: a.numero,
        fecha: a.fecha,
        capital: pesos(a.capital),
      })),
    },
    movimientos: [...d.previos.map(movimientoJson), ...nuevosJson(d)],
    periodos_sin_moratorio: d.periodosSinMoratorio.map((p) => ({ desde: p.desde, hasta: p.hasta })),
  };
}
