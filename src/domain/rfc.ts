/**
 * RFC: 13 characters for a person (12 for a company), the last a mod-11 check character.
 * Rare legal variants exist (old homoclaves, foreigners' generic RFCs): a wrong check character
 * is a warning the officer can override, not a block.
 */
const VALORES = '0123456789ABCDEFGHIJKLMN&OPQRSTUVWXYZ Ñ';
const FORMA = /^([A-ZÑ&]{3,4})(\d{2})(\d{2})(\d{2})([A-Z\d]{2})([A\d])$/;

export type ResultadoRfc =
  | { valido: true; rfc: string; advertencia?: string }
  | { valido: false; motivo: string };

export function caracterVerificadorRfc(sinVerificador: string): string {
  const texto = sinVerificador.length === 11 ? ` ${sinVerificador}` : sinVerificador;
  let suma = 0;
  for (let i = 0; i < 12; i++) {
    const valor = VALORES.indexOf(texto.charAt(i));
    suma += Math.max(valor, 0) * (13 - i);
  }
  const resto = suma % 11;
  if (resto === 0) return '0';
  const digito = 11 - resto;
  return digito === 10 ? 'A' : String(digito);
}

export function validarRfc(texto: string): ResultadoRfc {
  const rfc = texto.trim().toUpperCase();
  const partes = FORMA.exec(rfc);
  if (!partes || (rfc.length !== 12 && rfc.length !== 13)) {
    return { valido: false, motivo: 'no tiene la forma de un RFC (12 o 13 caracteres)' };
  }
  const mes = Number(partes[3]);
  const dia = Number(partes[4]);
  if (mes < 1 || mes > 12 || dia < 1 || dia > 31) {
    return { valido: false, motivo: 'la fecha que contiene no existe' };
  }
  if (caracterVerificadorRfc(rfc.slice(0, -1)) !== rfc.slice(-1)) {
    return {
      valido: true,
      rfc,
      advertencia: 'el carácter verificador no corresponde; confírmalo con la constancia',
    };
  }
  return { valido: true, rfc };
}
