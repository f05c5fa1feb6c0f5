import { fechaDesdeTexto } from './fecha.ts';

/**
 * CURP: 18 characters, the last one a check digit over the first 17 (RENAPO's dictionary
 * `0-9A-NÑO-Z`, weights 18…2, digit = (10 − sum mod 10) mod 10).
 */
const DICCIONARIO = '0123456789ABCDEFGHIJKLMNÑOPQRSTUVWXYZ';
const ENTIDADES =
  'AS|BC|BS|CC|CL|CM|CS|CH|DF|DG|GT|GR|HG|JC|MC|MN|MS|NT|NL|OC|PL|QT|QR|SP|SL|SR|TC|TS|TL|VZ|YN|ZS|NE';
const FORMA = new RegExp(
  `^[A-ZÑ][AEIOUX][A-ZÑ]{2}\\d{6}[HMX](${ENTIDADES})[B-DF-HJ-NP-TV-ZÑ]{3}[0-9A-Z]\\d$`,
);

export type ResultadoCurp = { valida: true; curp: string } | { valida: false; motivo: string };

export function digitoVerificadorCurp(primeros17: string): number {
  let suma = 0;
  for (let i = 0; i < 17; i++) {
    const valor = DICCIONARIO.indexOf(primeros17.charAt(i));
    suma += Math.max(valor, 0) * (18 - i);
  }
  return (10 - (suma % 10)) % 10;
}

/** Positions 17 (0 before 2000, a letter from 2000 on) disambiguates the century of the birth date. */
function fechaDeNacimiento(curp: string): string {
  const siglo = /\d/.test(curp.charAt(16)) ? '19' : '20';
  return `${siglo}${curp.slice(4, 6)}-${curp.slice(6, 8)}-${curp.slice(8, 10)}`;
}

export function validarCurp(texto: string): ResultadoCurp {
  const curp = texto.trim().toUpperCase();
  if (curp.length !== 18) return { valida: false, motivo: 'debe tener 18 caracteres' };
  if (!FORMA.test(curp)) return { valida: false, motivo: 'no tiene la forma de una CURP' };
  if (fechaDesdeTexto(fechaDeNacimiento(curp)) === null) {
    return { valida: false, motivo: 'la fecha de nacimiento que contiene no existe' };
  }
  const digito = digitoVerificadorCurp(curp);
  if (digito !== Number(curp.charAt(17))) {
    // Say the digit the rest implies: most often the last one was mistyped (and if it was one
    // of the others, the office compares with the person's document and sees which).
    return {
      valida: false,
      motivo: `el dígito verificador no corresponde: con los primeros 17 caracteres debe ser ${digito}`,
    };
  }
  return { valida: true, curp };
}

/** Builds a CURP whose check digit is right, from its first 17 characters (demo data, tests). */
export function completarCurp(primeros17: string): string {
  return `${primeros17}${digitoVerificadorCurp(primeros17)}`;
}
