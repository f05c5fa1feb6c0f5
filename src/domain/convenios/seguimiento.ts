import type { Centavos } from '../dinero.ts';
import { type Fecha, sumarDias } from '../fecha.ts';

export type EstadoPromesa = 'pendiente' | 'cumplida' | 'incumplida';

export interface Promesa {
  readonly numero: number;
  readonly fecha: Fecha;
  readonly monto: Centavos;
}

export interface PagoReal {
  readonly fecha: Fecha;
  readonly monto: Centavos;
}

export interface RevisionDePromesas {
  readonly promesas: ReadonlyArray<{ readonly numero: number; readonly estado: EstadoPromesa }>;
  /** What the convenio becomes: every promise kept, one broken, or still running. */
  readonly resultado: 'cumplido' | 'incumplido' | null;
  /** The first broken promise, if any. */
  readonly incumplida: number | null;
}

/**
 * Matches one credit's promises to its real payments on `hoy`. Payments count from the
 * convenio's date on and accumulate: promise k is kept when the payments made up to its date
 * plus the tolerance cover promises 1…k together (an early or larger payment carries over to
 * the next ones; a shortfall can be made up until the tolerance runs out). A promise is broken
 * when that cut-off has passed (before `hoy`) without the cover.
 */
export function revisarPromesas(
  promesas: readonly Promesa[],
  pagos: readonly PagoReal[],
  desde: Fecha,
  toleranciaDias: number,
  hoy: Fecha,
): RevisionDePromesas {
  const ordenadas = [...promesas].sort((a, b) => a.numero - b.numero);
  const validos = pagos.filter((p) => p.fecha >= desde && p.fecha <= hoy);
  let prometido = 0;
  let incumplida: number | null = null;
  const estados = ordenadas.map((p) => {
    prometido += p.monto;
    const limite = sumarDias(p.fecha, toleranciaDias);
    const pagado = validos.filter((g) => g.fecha <= limite).reduce((s, g) => s + g.monto, 0);
    const estado: EstadoPromesa =
      pagado >= prometido ? 'cumplida' : limite < hoy ? 'incumplida' : 'pendiente';
    if (estado === 'incumplida' && incumplida === null) incumplida = p.numero;
    return { numero: p.numero, estado };
  });
  const resultado =
    incumplida !== null
      ? 'incumplido'
      : estados.every((e) => e.estado === 'cumplida')
        ? 'cumplido'
        : null;
  return { promesas: estados, resultado, incumplida };
}
