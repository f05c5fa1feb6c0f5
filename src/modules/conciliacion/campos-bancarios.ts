import {
  type Centavos,
  centavos,
  centavosDesdeTexto,
  formatearPesos,
} from '../../domain/dinero.ts';
import {
  anioAdmitido,
  type Fecha,
  fechaDesdeTexto,
  PRIMER_ANIO_ADMITIDO,
  ULTIMO_ANIO_ADMITIDO,
} from '../../domain/fecha.ts';

export type Lectura<T> = { ok: true; valor: T } | { ok: false; motivo: string };

/** The largest single deposit accepted, the same bound as a payment captured by hand. */
export const IMPORTE_MAXIMO = centavos(100_000_000_00);

const DIA_MES_ANIO = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
const ISO = /^\d{4}-\d{2}-\d{2}$/;

/** `dd/mm/aaaa` as banks in Mexico print it, or `AAAA-MM-DD` as some exports do. */
export function leerFechaBancaria(texto: string): Lectura<Fecha> {
  const t = texto.trim();
  const dma = DIA_MES_ANIO.exec(t);
  const iso = dma
    ? `${dma[3]}-${(dma[2] ?? '').padStart(2, '0')}-${(dma[1] ?? '').padStart(2, '0')}`
    : ISO.test(t)
      ? t
      : null;
  if (iso === null) {
    return { ok: false, motivo: 'debe ser una fecha dd/mm/aaaa (o AAAA-MM-DD)' };
  }
  const fecha = fechaDesdeTexto(iso);
  if (fecha === null) return { ok: false, motivo: `«${t}» no es una fecha que exista` };
  if (!anioAdmitido(fecha)) {
    return {
      ok: false,
      motivo: `debe ser una fecha entre ${PRIMER_ANIO_ADMITIDO} y ${ULTIMO_ANIO_ADMITIDO}`,
    };
  }
  return { ok: true, valor: fecha };
}

// Thousands separated by commas only in whole groups of three: "1,234.56", never "12,34.56".
const CON_MILES = /^\d{1,3}(?:,\d{3})+(?:\.\d{1,2})?$/;

/** "1234.56", "1,234.56", "1234" or "$1,234.56": a deposit, so more than zero. */
export function leerImporte(texto: string): Lectura<Centavos> {
  const t = texto.trim().replace(/^\$\s*/, '');
  if (/^[-(]/.test(t)) {
    return {
      ok: false,
      motivo: 'es un cargo (negativo): el archivo lleva solo abonos (depósitos)',
    };
  }
  const c = centavosDesdeTexto(CON_MILES.test(t) ? t.replaceAll(',', '') : t);
  if (c === null) {
    return {
      ok: false,
      motivo: 'debe ser un importe en pesos como 1234.56 o "1,234.56", con a lo más dos decimales',
    };
  }
  if (c === 0) return { ok: false, motivo: 'debe ser mayor que cero' };
  if (c > IMPORTE_MAXIMO) {
    return { ok: false, motivo: `excede el máximo de ${formatearPesos(IMPORTE_MAXIMO)}` };
  }
  return { ok: true, valor: c };
}
