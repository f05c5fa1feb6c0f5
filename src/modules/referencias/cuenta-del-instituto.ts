import { INSTITUTO } from '../documentos/pdf-base.ts';

export interface CuentaBancaria {
  banco: string;
  titular: string;
  cuenta: string;
  clabe: string;
  /** True while the data below are placeholders: every ficha then says so, prominently. */
  provisional: boolean;
}

/**
 * Where the public pays with a credit's reference.
 *
 * TODO(Contabilidad y Finanzas): the institute's bank, account number and CLABE are not among
 * the facts we were given. Put the real ones here and set `provisional: false`; the unit test
 * then checks the CLABE's control digit, so a mistyped one cannot reach a printed ficha.
 */
export const CUENTA_DEL_INSTITUTO: CuentaBancaria = {
  banco: 'Por confirmar',
  titular: INSTITUTO,
  cuenta: 'Por confirmar',
  clabe: 'Por confirmar',
  provisional: true,
};

const PESOS_CLABE = [3, 7, 1] as const;

/**
 * A CLABE is 18 digits, the last a control digit over the first 17: each digit times its
 * weight (3, 7, 1 repeating), each product mod 10, summed; digit = (10 − sum mod 10) mod 10
 * (Banco de México's CLABE standard).
 */
export function clabeValida(clabe: string): boolean {
  if (!/^\d{18}$/.test(clabe)) return false;
  let suma = 0;
  for (let i = 0; i < 17; i++) {
    suma += (Number(clabe.charAt(i)) * (PESOS_CLABE[i % 3] ?? 0)) % 10;
  }
  return (10 - (suma % 10)) % 10 === Number(clabe.charAt(17));
}
