import { CERO, type Centavos, centavos, formatearCentavos } from '../dinero.ts';
import type { Fecha } from '../fecha.ts';

/**
 * The corte de caja as lines that add up: a payment is a positive line, its cancellation a
 * negative line of the same amount and channel (in the corte of the day it was cancelled), so
 * every column sums to the totals printed under it, on screen and in the XLSX.
 */
export type TipoDeLinea = 'pago' | 'cancelacion';

export interface LineaDeCorte {
  /** The movement's id: the payment's folio, or the cancellation's. */
  folio: number;
  tipo: TipoDeLinea;
  /** The movement's own date; not the corte's when it arrived after that day was closed. */
  fecha: Fecha;
  canal: string;
  oficina: string;
  registradoPor: string;
  /** Signed: a cancellation is negative. */
  centavos: Centavos;
  /** Dated a day whose corte was already closed: it is counted here, in the next open one. */
  posterior: boolean;
}

export interface Suma {
  clave: string;
  /** The label people read, the same on screen and in the XLSX. */
  nombre: string;
  movimientos: number;
  centavos: Centavos;
}

export interface TotalesDeCorte {
  /** The positive lines. */
  pagos: Suma;
  /** The negative lines (their amount is negative). */
  cancelaciones: Suma;
  /** Every line: pagos plus cancelaciones. */
  total: Suma;
  porCanal: Suma[];
  porOficina: Suma[];
  porGestor: Suma[];
}

// The one source of the corte's labels: the screen shows the names the API sends, the XLSX
// prints these same ones (issue 14: «Banco»/«Vigente» in one, «Depósito bancario» in the other).
const NOMBRE_CANAL: Record<string, string> = {
  banco: 'Depósito bancario',
  caja: 'Caja del instituto',
  nomina: 'Descuento por nómina',
  importacion: 'Importación',
};

export function nombreDeCanal(canal: string): string {
  return Object.hasOwn(NOMBRE_CANAL, canal) ? (NOMBRE_CANAL[canal] ?? canal) : canal;
}

export const NOMBRE_TIPO: Record<TipoDeLinea, string> = {
  pago: 'Pago',
  cancelacion: 'Cancelación',
};

/** A payment line: «Aplicado», or «Cancelado» when its reversal exists (it is its own line). */
export function estadoDeLinea(tipo: TipoDeLinea, cancelado: boolean): string {
  if (tipo === 'cancelacion') return 'Cancelación';
  return cancelado ? 'Cancelado' : 'Aplicado';
}

export const ETIQUETA_POSTERIOR = 'Posterior al cierre';

function sumaDe(clave: string, nombre: string, lineas: readonly LineaDeCorte[]): Suma {
  let total = CERO;
  // Checked at each step: a day's total past the safe range throws instead of losing centavos.
  for (const l of lineas) total = centavos(total + l.centavos);
  return { clave, nombre, movimientos: lineas.length, centavos: total };
}

function agrupar(
  lineas: readonly LineaDeCorte[],
  clave: (l: LineaDeCorte) => string,
  nombre: (clave: string) => string,
): Suma[] {
  const grupos = new Map<string, LineaDeCorte[]>();
  for (const l of lineas) {
    const k = clave(l);
    const grupo = grupos.get(k);
    if (grupo) grupo.push(l);
    else grupos.set(k, [l]);
  }
  return [...grupos.entries()]
    .map(([k, ls]) => sumaDe(k, nombre(k), ls))
    .sort((a, b) => a.nombre.localeCompare(b.nombre, 'es'));
}

/** Every total of the corte, from its lines alone: nothing is summed that is not a line. */
export function totalizarCorte(lineas: readonly LineaDeCorte[]): TotalesDeCorte {
  const mismo = (k: string) => k;
  return {
    pagos: sumaDe(
      'pagos',
      'Pagos',
      lineas.filter((l) => l.tipo === 'pago'),
    ),
    cancelaciones: sumaDe(
      'cancelaciones',
      'Cancelaciones',
      lineas.filter((l) => l.tipo === 'cancelacion'),
    ),
    total: sumaDe('total', 'Total del corte', lineas),
    porCanal: agrupar(lineas, (l) => l.canal, nombreDeCanal),
    porOficina: agrupar(lineas, (l) => l.oficina, mismo),
    porGestor: agrupar(lineas, (l) => l.registradoPor, mismo),
  };
}

/** A `Suma` as JSON: the amount in the decimal text of every API. */
export function sumaAJson(s: Suma): Omit<Suma, 'centavos'> & { monto: string } {
  return {
    clave: s.clave,
    nombre: s.nombre,
    movimientos: s.movimientos,
    monto: formatearCentavos(s.centavos),
  };
}
