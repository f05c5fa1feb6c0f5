const PESOS_CLABE = [3, 7, 1] as const;

/**
 * A CLABE is 18 digits, the last a control digit over the first 17: each digit times its
 * weight (3, 7, 1 repeating), each product mod 10, summed; digit = (10 − sum mod 10) mod 10
 * (Banco de México's CLABE standard). A mistyped CLABE cannot reach a printed document.
 */
export function clabeValida(clabe: string): boolean {
  if (!/^\d{18}$/.test(clabe)) return false;
  let suma = 0;
  for (let i = 0; i < 17; i++) {
    suma += (Number(clabe.charAt(i)) * (PESOS_CLABE[i % 3] ?? 0)) % 10;
  }
  return (10 - (suma % 10)) % 10 === Number(clabe.charAt(17));
}

/** The control digit that completes 17 digits into a valid CLABE (for the demo's accounts). */
export function digitoDeControlClabe(diecisiete: string): string {
  let suma = 0;
  for (let i = 0; i < 17; i++) {
    suma += (Number(diecisiete.charAt(i)) * (PESOS_CLABE[i % 3] ?? 0)) % 10;
  }
  return String((10 - (suma % 10)) % 10);
}
