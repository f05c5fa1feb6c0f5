/**
 * When a contact datum the import brings is one a person already has: the same street written
 * with other case, accents, spaces or punctuation is the same street (issue 17, item 5), and a
 * phone is its 10 digits, however it was written.
 */

// Apostrophes join (O’Farrill is OFarrill), the rest of the punctuation separates words.
const APOSTROFOS = /['’‘´`]/g;
const NO_ALFANUMERICOS = /[^\p{L}\p{N}]+/gu;
const MARCAS = /\p{M}/gu;

/** The text as compared: lower case, without accents, punctuation as one space. */
export function textoComparable(t: string | null): string {
  return (t ?? '')
    .normalize('NFD')
    .replace(MARCAS, '')
    .toLocaleLowerCase('es-MX')
    .replace(APOSTROFOS, '')
    .replace(NO_ALFANUMERICOS, ' ')
    .trim();
}

/** A phone as compared: its last 10 digits (a `+52` prefix says nothing of the line). */
export function telefonoComparable(numero: string): string {
  return numero.replace(/\D/g, '').slice(-10);
}

export function correoComparable(correo: string): string {
  return correo.trim().toLocaleLowerCase('es-MX');
}

export interface DomicilioComparable {
  calle: string;
  numero: string | null;
  colonia: string | null;
  codigoPostal: string | null;
  municipio: string;
  estado: string;
}

/**
 * Whether the address brought is the one on file. Street and municipio must match; a field
 * the file leaves empty says nothing (as with a person's name), one it fills must match.
 */
export function mismoDomicilio(
  traido: DomicilioComparable,
  guardado: DomicilioComparable,
): boolean {
  const igual = (a: string | null, b: string | null) => textoComparable(a) === textoComparable(b);
  const opcional = (a: string | null, b: string | null) => a === null || a === '' || igual(a, b);
  return (
    igual(traido.calle, guardado.calle) &&
    igual(traido.municipio, guardado.municipio) &&
    opcional(traido.numero, guardado.numero) &&
    opcional(traido.colonia, guardado.colonia) &&
    opcional(traido.codigoPostal, guardado.codigoPostal) &&
    opcional(traido.estado, guardado.estado)
  );
}
