import { createHash } from 'node:crypto';
import type { HuellasDeCalendario } from './base-existente.ts';
import type {
  AmortizacionArchivo,
  MinistracionArchivo,
  PeriodoArchivo,
} from './cartera-archivo.ts';

/**
 * The digest of a credit's schedule, built exactly as base-existente.ts builds it in SQL:
 * each row's fields joined by U+001F, rows by U+001E in the stored order, MD5 in hex. Equal
 * digests, equal schedules: a workbook imported again is compared without loading millions of
 * stored rows. (An empty list digests to '' on both sides.)
 */
function huella(filas: readonly string[]): string {
  return filas.length === 0 ? '' : createHash('md5').update(filas.join('\x1e')).digest('hex');
}

const campos = (...valores: ReadonlyArray<string | number>) => valores.join('\x1f');

export function huellasDeCalendario(
  ministraciones: readonly MinistracionArchivo[],
  amortizaciones: readonly AmortizacionArchivo[],
  periodos: readonly PeriodoArchivo[],
): HuellasDeCalendario {
  const ordenados = [...periodos].sort(
    (a, b) =>
      a.desde.localeCompare(b.desde) ||
      a.hasta.localeCompare(b.hasta) ||
      (a.motivo < b.motivo ? -1 : a.motivo > b.motivo ? 1 : 0),
  );
  return {
    ministraciones: huella(
      ministraciones.map((m) =>
        campos(m.numero, m.fecha, m.monto, m.periodoEscolar, m.pagareNumero, m.pagareVencimiento),
      ),
    ),
    amortizaciones: huella(amortizaciones.map((a) => campos(a.numero, a.fecha, a.capital))),
    periodos: huella(ordenados.map((p) => campos(p.desde, p.hasta, p.motivo))),
  };
}
