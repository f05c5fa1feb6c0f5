import { BUCKETS, type Bucket } from '../antiguedad.ts';
import { porcentaje } from './porcentaje.ts';

/**
 * How many accounts (and how much balance) went from one bucket at the end of the previous
 * month to another at the end of this one. `a` is 'liquidado' for an account that was paid off.
 */
export interface Transicion {
  de: Bucket;
  a: Bucket | 'liquidado';
  cuentas: number;
  /** The balance at the start (the previous month's end), in centavos. */
  saldo: bigint;
}

export interface TasaDeBucket {
  de: Bucket;
  /** Accounts (and balance) in `de` at the previous month's end. */
  cuentas: number;
  saldo: bigint;
  /** The share that moved to the next worse bucket (roll rate); null when `de` was empty. */
  rodamientoCuentas: string | null;
  rodamientoSaldo: string | null;
  /** The share that came back to al corriente (cure rate); null for al corriente itself. */
  curaCuentas: string | null;
  curaSaldo: string | null;
}

/** The next worse bucket; the worst one rolls nowhere. */
export function siguientePeor(b: Bucket): Bucket | null {
  const i = BUCKETS.indexOf(b);
  return BUCKETS[i + 1] ?? null;
}

/**
 * Roll rate of a bucket: the share of its accounts (balance) that moved exactly to the next worse
 * bucket; cure rate: the share that moved back to al corriente. Both over what was in the bucket
 * at the start, liquidated accounts included in the base.
 */
export function tasasDeRodamiento(transiciones: readonly Transicion[]): TasaDeBucket[] {
  return BUCKETS.map((de) => {
    const desde = transiciones.filter((t) => t.de === de);
    const cuentas = desde.reduce((s, t) => s + t.cuentas, 0);
    const saldo = desde.reduce((s, t) => s + t.saldo, 0n);
    const peor = siguientePeor(de);
    const rodaron = desde.filter((t) => peor !== null && t.a === peor);
    const curadas = desde.filter((t) => t.a === 'al_corriente');
    const esCorriente = de === 'al_corriente';
    return {
      de,
      cuentas,
      saldo,
      rodamientoCuentas:
        peor === null
          ? null
          : porcentaje(
              rodaron.reduce((s, t) => s + t.cuentas, 0),
              cuentas,
            ),
      rodamientoSaldo:
        peor === null
          ? null
          : porcentaje(
              rodaron.reduce((s, t) => s + t.saldo, 0n),
              saldo,
            ),
      curaCuentas: esCorriente
        ? null
        : porcentaje(
            curadas.reduce((s, t) => s + t.cuentas, 0),
            cuentas,
          ),
      curaSaldo: esCorriente
        ? null
        : porcentaje(
            curadas.reduce((s, t) => s + t.saldo, 0n),
            saldo,
          ),
    };
  });
}
