/**
 * The label of a piece kept in custody, as its QR encodes it and as it is printed below it:
 * `EXP-<número de crédito>` for the credit's expediente, `PAG-<número de pagaré>` for one
 * contrato-pagaré. Credit and pagaré numbers are stored upper-case (the import upper-cases
 * them), so a label read in any case finds its piece.
 */
export type EtiquetaLeida =
  | { tipo: 'expediente'; numeroCredito: string }
  | { tipo: 'pagare'; pagareNumero: string };

const PREFIJO_EXPEDIENTE = 'EXP-';
const PREFIJO_PAGARE = 'PAG-';

export function etiquetaDeExpediente(numeroCredito: string): string {
  return `${PREFIJO_EXPEDIENTE}${numeroCredito}`;
}

export function etiquetaDePagare(pagareNumero: string): string {
  return `${PREFIJO_PAGARE}${pagareNumero}`;
}

/**
 * What a scanned or typed label names; null when it is not one of ours. A hand scanner acting
 * as a keyboard may add spaces or a line break, and a person may type it in lower case.
 */
export function leerEtiqueta(texto: string): EtiquetaLeida | null {
  const limpia = texto.trim().toUpperCase();
  if (limpia.startsWith(PREFIJO_EXPEDIENTE)) {
    const numeroCredito = limpia.slice(PREFIJO_EXPEDIENTE.length).trim();
    return numeroCredito === '' ? null : { tipo: 'expediente', numeroCredito };
  }
  if (limpia.startsWith(PREFIJO_PAGARE)) {
    const pagareNumero = limpia.slice(PREFIJO_PAGARE.length).trim();
    return pagareNumero === '' ? null : { tipo: 'pagare', pagareNumero };
  }
  return null;
}
