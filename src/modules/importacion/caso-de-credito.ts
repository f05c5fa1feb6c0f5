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
  fechaInicioInteres: Fecha;
  ministraciones: ReadonlyArray<Pick<MinistracionNueva, 'fecha' | 'monto'>>;
  amortizaciones: readonly AmortizacionNueva[];
  movimientos: readonly MovimientoDeCaso[];
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

/** New movements of a credit (MovimientoNuevo, cancelaciones by index) as the engine's. */
export function movimientosDeCaso(
  movimientos: readonly MovimientoNuevo[],
  previos: readonly MovimientoDeCaso[] = [],
  idDeCancelado: (id: number) => string = (id) => idDeGuardado(null, id),
): MovimientoDeCaso[] {
  const ids = movimientos.map((m, i) => idDeCaso(m.clave, previos.length + i));
  return [
    ...previos,
    ...movimientos.map((m, i) => ({
      id: ids[i] ?? '',
      tipo: m.tipo,
      fecha: m.fecha,
      monto: m.monto,
      excedente: m.excedente,
      concepto: m.concepto,
      cancela:
        m.cancela === null
          ? null
          : 'indice' in m.cancela
            ? (ids[m.cancela.indice] ?? null)
            : idDeCancelado(m.cancela.id),
    })),
  ];
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

/** A credit as a case of calculo.md's input shape, cut at `fechaCorte`. */
export function casoDeCredito(d: DatosDeCaso, fechaCorte: Fecha): Record<string, unknown> {
  return {
    fecha_corte: fechaCorte,
    producto: {
      tasa_ordinaria_anual: d.tasas.tasaOrdinaria,
      tasa_moratoria_anual: d.tasas.tasaMoratoria,
      base_dias: d.tasas.baseDias,
      prelacion: d.tasas.prelacion,
    },
    credito: {
      id: d.numero,
      fecha_inicio_interes: d.fechaInicioInteres,
      ministraciones: d.ministraciones.map((m) => ({ fecha: m.fecha, monto: pesos(m.monto) })),
      amortizaciones: d.amortizaciones.map((a) => ({
        numero: a.numero,
        fecha: a.fecha,
        capital: pesos(a.capital),
      })),
    },
    movimientos: d.movimientos.map(movimientoJson),
    periodos_sin_moratorio: d.periodosSinMoratorio.map((p) => ({ desde: p.desde, hasta: p.hasta })),
  };
}
