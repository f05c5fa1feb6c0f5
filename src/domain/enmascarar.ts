/**
 * Minimal exposure (LGPDPPSO art. 25, issue 13 item 9): lists and screens show a CURP, a phone
 * or an e-mail only as much as it takes to tell one from another; the whole value is shown on a
 * deliberate, logged request. Each function is idempotent (a masked value passes unchanged) and
 * never shows more than its stated characters, even of a short or malformed value: then it
 * shows fewer, never the whole.
 */

/** Stands for the hidden middle of a CURP or RFC. */
export const ELIPSIS = '…';
/** Stands for hidden digits and letters of a phone or an e-mail. */
export const PUNTO = '•';

const OCULTOS_TELEFONO = PUNTO.repeat(4);
const OCULTOS_CORREO = PUNTO.repeat(3);

/** Code points, so that a character outside the BMP is never cut in half. */
const caracteres = (texto: string): string[] => Array.from(texto);

/**
 * The first `inicio` and last `fin` characters around an ellipsis; of a short value fewer, so
 * that at least a quarter of it (and never fewer than three characters) stays hidden.
 */
function extremos(valor: string, inicio: number, fin: number): string {
  const v = valor.trim();
  if (v === '') return '';
  const ya = new RegExp(`^[^${ELIPSIS}]{0,${inicio}}${ELIPSIS}[^${ELIPSIS}]{0,${fin}}$`, 'u');
  if (ya.test(v)) return v;
  // A value with the mask's own character that is not a mask: show nothing of it.
  if (v.includes(ELIPSIS)) return ELIPSIS;
  const c = caracteres(v);
  const visibles = Math.max(
    0,
    Math.min(inicio + fin, c.length - Math.max(3, Math.ceil(c.length / 4))),
  );
  const atras = Math.min(fin, Math.floor(visibles / 3));
  const adelante = Math.min(inicio, visibles - atras);
  return `${c.slice(0, adelante).join('')}${ELIPSIS}${atras === 0 ? '' : c.slice(-atras).join('')}`;
}

/** `HESJ470815HSRRRN04` → `HESJ47…N04`: the initials and birth year, and the last three. */
export function enmascararCurp(curp: string): string {
  return extremos(curp, 6, 3);
}

/** The RFC holds the CURP's first ten characters: it is masked the same way. */
export function enmascararRfc(rfc: string): string {
  return extremos(rfc, 6, 3);
}

/**
 * `6622142847` → `•••• 2847`: the last four digits, by which a gestor tells a debtor's numbers
 * apart. Of a number with fewer than eight digits, at most half; text without digits, nothing.
 */
export function enmascararTelefono(telefono: string): string {
  const v = telefono.trim();
  if (new RegExp(`^${OCULTOS_TELEFONO}( \\d{1,4})?$`, 'u').test(v)) return v;
  if (v.includes(PUNTO)) return OCULTOS_TELEFONO;
  const digitos = v.replace(/\D/g, '');
  const visibles = Math.min(4, Math.floor(digitos.length / 2));
  return visibles === 0 ? OCULTOS_TELEFONO : `${OCULTOS_TELEFONO} ${digitos.slice(-visibles)}`;
}

/**
 * `sofia.valenzuela@dominio.com` → `s•••@dominio.com`: the first letter and the domain. A local
 * part of one character, or text that is no address, shows nothing before the at sign.
 */
export function enmascararCorreo(correo: string): string {
  const v = correo.trim();
  if (new RegExp(`^[^@${PUNTO}]?${OCULTOS_CORREO}@[^@${PUNTO}]*$`, 'u').test(v)) return v;
  const arroba = v.lastIndexOf('@');
  if (v.includes(PUNTO) || arroba < 0) return OCULTOS_CORREO;
  const local = caracteres(v.slice(0, arroba));
  const dominio = v.slice(arroba + 1);
  const primera = local.length >= 2 && local[0] !== '@' ? (local[0] ?? '') : '';
  return `${primera}${OCULTOS_CORREO}@${dominio}`;
}
