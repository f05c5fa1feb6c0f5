/**
 * How screens name a phone the server sent masked (`•••• 2847`): by its last digits, which
 * is what a screen reader can say and what tells a debtor's numbers apart.
 */

/** `•••• 2847` → `terminado en 2847`; a number sent whole, as it is. */
export function finDeTelefono(numero: string): string {
  const fin = /^•+ ?(\d+)$/.exec(numero)?.[1];
  return fin === undefined ? numero : `terminado en ${fin}`;
}

/** The «Mostrar» button's accessible name for a phone. */
export function etiquetaMostrarTelefono(numero: string): string {
  const fin = /^•+ ?(\d+)$/.exec(numero)?.[1];
  return fin === undefined
    ? 'Mostrar teléfono completo'
    : `Mostrar teléfono completo, terminado en ${fin}`;
}
