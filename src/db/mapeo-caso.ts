import type { Centavos } from '../domain/dinero.ts';
import {
  diaDe,
  type EntradaDeCaso,
  type ErrorDeCaso,
  type Movimiento,
  type Resultado,
} from '../domain/estado-de-cuenta/index.ts';
import type { Fecha } from '../domain/fecha.ts';
import { type Tasa, tasaDesdeTexto } from '../domain/tasa.ts';
import type { VersionProductoFila } from './esquema.ts';

/** `YYYY-MM-DD`: pg hands `date` columns over as text (src/db/conexion.ts). */
type FechaDeFila = string;

export interface FilasDeCredito {
  /** `tasa_puntual_anual`: the credit's own punctual rate (R9), null when it has none. */
  credito: { numero: string; fecha_inicio_interes: FechaDeFila; tasa_puntual_anual: string | null };
  /** The rates in force (src/db/tasas-en-vigor.ts); `tasa_puntual_anual` null: no R9. */
  version: {
    tasa_ordinaria_anual: string;
    tasa_moratoria_anual: string;
    base_dias: VersionProductoFila['base_dias'];
    prelacion: VersionProductoFila['prelacion'];
    tasa_puntual_anual: string | null;
  };
  ministraciones: ReadonlyArray<{ fecha: FechaDeFila; monto_centavos: Centavos }>;
  amortizaciones: ReadonlyArray<{ numero: number; fecha: FechaDeFila; capital_centavos: Centavos }>;
  /** In ledger order (id): the engine applies a day's movements in the order listed (R1). */
  movimientos: ReadonlyArray<MovimientoGuardado>;
  /** A window a broken convenio revoked counts only for cut-off dates before `revocado_el`. */
  periodos: ReadonlyArray<{ desde: FechaDeFila; hasta: FechaDeFila; revocado_el?: string | null }>;
}

export interface MovimientoGuardado {
  id: number;
  tipo: 'pago' | 'condonacion' | 'cancelacion';
  fecha: FechaDeFila;
  monto_centavos: Centavos | null;
  excedente: 'reducir_plazo' | 'adelantar' | null;
  concepto: 'moratorio' | 'interes' | 'capital' | null;
  cancela_id: number | null;
}

/** A movement's id in the engine: the ledger id, as text (cancelaciones name it). */
export const idDeMovimiento = (id: number) => String(id);

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

class FilaIncompleta extends Error {
  constructor(readonly error: ErrorDeCaso) {
    super(error.mensaje);
  }
}

function incompleta(codigo: ErrorDeCaso['codigo'], mensaje: string): never {
  throw new FilaIncompleta({ codigo, mensaje });
}

// A portfolio has a handful of distinct rates: each is parsed once, and the same Tasa object
// lets the engine derive its daily factor once (estado-de-cuenta/validar-producto.ts).
const tasas = new Map<string, Tasa>();

function tasa(texto: string, columna: string): Tasa {
  let t = tasas.get(texto);
  if (t === undefined) {
    t =
      tasaDesdeTexto(texto) ?? incompleta('tasa_invalida', `${columna}: tasa inválida '${texto}'`);
    if (tasas.size < 1_000) tasas.set(texto, t);
  }
  return t;
}

const tasaOpcional = (texto: string | null, columna: string) =>
  texto === null ? null : tasa(texto, columna);

/** The row's amount; a payment or condonación without one is an error, never zero. */
function monto(m: MovimientoGuardado): Centavos {
  return (
    m.monto_centavos ??
    incompleta('monto_invalido', `movimiento ${m.id} (${m.tipo}): falta el monto`)
  );
}

function movimiento(m: MovimientoGuardado): Movimiento {
  const id = idDeMovimiento(m.id);
  const { fecha, dia } = diaDe(m.fecha as Fecha);
  switch (m.tipo) {
    case 'pago':
      return {
        tipo: 'pago',
        id,
        fecha,
        dia,
        monto: monto(m),
        excedente: m.excedente ?? 'reducir_plazo',
      };
    case 'condonacion':
      return {
        tipo: 'condonacion',
        id,
        fecha,
        dia,
        concepto:
          m.concepto ??
          incompleta('movimiento_invalido', `movimiento ${m.id} (condonación): falta el concepto`),
        monto: monto(m),
      };
    case 'cancelacion':
      return {
        tipo: 'cancelacion',
        id,
        fecha,
        dia,
        movimiento: idDeMovimiento(
          m.cancela_id ??
            incompleta(
              'cancelacion_invalida',
              `movimiento ${m.id} (cancelación): no dice qué movimiento cancela`,
            ),
        ),
      };
  }
}

function entrada(f: FilasDeCredito, fechaCorte: Fecha): EntradaDeCaso {
  return {
    fechaCorte: diaDe(fechaCorte),
    producto: {
      tasaOrdinariaAnual: tasa(f.version.tasa_ordinaria_anual, 'tasa_ordinaria_anual'),
      tasaMoratoriaAnual: tasa(f.version.tasa_moratoria_anual, 'tasa_moratoria_anual'),
      baseDias: f.version.base_dias,
      prelacion: f.version.prelacion,
      tasaPuntualAnual: tasaOpcional(f.version.tasa_puntual_anual, 'tasa_puntual_anual'),
    },
    credito: {
      id: f.credito.numero,
      tasaPuntualAnual: tasaOpcional(f.credito.tasa_puntual_anual, 'creditos.tasa_puntual_anual'),
      fechaInicioInteres: diaDe(f.credito.fecha_inicio_interes as Fecha),
      ministraciones: f.ministraciones.map((m) => {
        const { fecha, dia } = diaDe(m.fecha as Fecha);
        return { fecha, dia, monto: m.monto_centavos };
      }),
      amortizaciones: f.amortizaciones.map((a) => {
        const { fecha, dia } = diaDe(a.fecha as Fecha);
        return { fecha, dia, numero: a.numero, capital: a.capital_centavos };
      }),
    },
    movimientos: f.movimientos.map(movimiento),
    periodosSinMoratorio: f.periodos
      .filter((p) => p.revocado_el == null || fechaCorte < p.revocado_el)
      .map((p) => ({ desde: diaDe(p.desde as Fecha), hasta: diaDe(p.hasta as Fecha) })),
  };
}

/**
 * The stored rows of one credit as the engine's typed input: amounts go from the database to
 * the engine as `Centavos`, never through text. The engine then judges the case by the same
 * rules as a JSON case (`validarEntrada`); a row missing what its kind needs (a payment
 * without an amount) is refused here, by the same kind of error.
 */
export function entradaDesdeFilas(f: FilasDeCredito, fechaCorte: Fecha): Resultado<EntradaDeCaso> {
  try {
    return { ok: true, valor: entrada(f, fechaCorte) };
  } catch (e) {
    if (e instanceof FilaIncompleta) return { ok: false, error: e.error };
    throw e;
  }
}
