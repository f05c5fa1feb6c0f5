/**
 * The deposit reference of a credit: ten digits, `1` + the credit id in seven digits + two
 * check digits of ISO 7064 MOD 97-10 (the scheme of IBAN's check digits).
 *
 *     1 0012345 CC     CC = 98 − (10012345 × 100 mod 97); the ten digits read as a number ≡ 1 (mod 97)
 *
 * Why this scheme: a single wrong digit changes the number by d·10^k and a swap of two
 * neighbours by 9·(a − b)·10^k; 97 is prime and divides neither, so both errors — the ones
 * people make copying a number onto a bank form — are always caught (so are swaps one place
 * apart: 99 ≢ 0 mod 97). Luhn misses the swap 09↔90; Verhoeff catches the same errors with one
 * digit but needs tables that nobody can check by hand; MOD 97-10 is the arithmetic Mexican
 * banks' "algoritmo 97" references and IBAN use. If the institute contracts a bank's referenced
 * deposit service (CIE, referencia numérica) whose own algorithm differs, the bank's wins: only
 * this file changes, and existing references must then be reissued.
 *
 * The leading `1` keeps the reference from starting with 0 (spreadsheets and some bank systems
 * read it as a number and drop leading zeros) and leaves room for other kinds of reference.
 * Derived from the credit id, which never changes, so a credit's reference never changes.
 */
export const LONGITUD_REFERENCIA = 10;
const PREFIJO_CREDITO = '1';
const DIGITOS_ID = 7;
export const MAXIMO_CREDITO_ID = 10 ** DIGITOS_ID - 1;

export type ResultadoReferencia =
  | { valida: true; referencia: string; creditoId: number }
  | { valida: false; motivo: string };

/** The digits read as one number, mod 97, one digit at a time (no large intermediate values). */
function modulo97(digitos: string): number {
  let resto = 0;
  for (const d of digitos) resto = (resto * 10 + Number(d)) % 97;
  return resto;
}

function digitosVerificadores(cuerpo: string): string {
  return String(98 - modulo97(`${cuerpo}00`)).padStart(2, '0');
}

export function generarReferencia(creditoId: number): string {
  if (!Number.isInteger(creditoId) || creditoId < 1 || creditoId > MAXIMO_CREDITO_ID) {
    throw new RangeError(`no hay referencia para el crédito ${creditoId}`);
  }
  const cuerpo = `${PREFIJO_CREDITO}${String(creditoId).padStart(DIGITOS_ID, '0')}`;
  return `${cuerpo}${digitosVerificadores(cuerpo)}`;
}

/**
 * Reads a reference as a person or a bank wrote it: spaces and hyphens between digits are
 * ignored, and so are zeros in front (banks pad a numeric reference field with them; ours
 * never start with 0). The reason, when it is not valid, is lowercase, to follow a label.
 */
export function validarReferencia(texto: string): ResultadoReferencia {
  const limpia = texto.replace(/[\s-]/g, '');
  if (limpia === '') return { valida: false, motivo: 'está vacía' };
  if (!/^\d+$/.test(limpia)) return { valida: false, motivo: 'solo admite dígitos' };
  const sinCeros = limpia.replace(/^0+/, '');
  if (sinCeros.length !== LONGITUD_REFERENCIA) {
    return {
      valida: false,
      motivo: `debe tener ${LONGITUD_REFERENCIA} dígitos y tiene ${sinCeros.length}`,
    };
  }
  if (modulo97(sinCeros) !== 1) {
    return { valida: false, motivo: 'el dígito verificador no corresponde' };
  }
  if (!sinCeros.startsWith(PREFIJO_CREDITO)) {
    return {
      valida: false,
      motivo: `no es una referencia de crédito (empiezan con ${PREFIJO_CREDITO})`,
    };
  }
  const creditoId = Number(sinCeros.slice(PREFIJO_CREDITO.length, -2));
  if (creditoId === 0) return { valida: false, motivo: 'no corresponde a ningún crédito' };
  return { valida: true, referencia: sinCeros, creditoId };
}
