import {
  calcularCaso,
  type ErrorDeCaso,
  estadoDeCuentaAJson,
} from '../../domain/estado-de-cuenta/index.ts';

function comoError(error: ErrorDeCaso): string {
  return JSON.stringify({ error: { codigo: error.codigo, mensaje: error.mensaje } });
}

/**
 * One case (JSON text) in, its statement (one line of JSON, no trailing newline) out; an
 * invalid case answers `{"error": {"codigo", "mensaje"}}` with exit code 2.
 */
export function calcularTexto(texto: string): { salida: string; codigo: 0 | 2 } {
  let entrada: unknown;
  try {
    entrada = JSON.parse(texto);
  } catch {
    return {
      salida: comoError({ codigo: 'json_invalido', mensaje: 'la entrada no es JSON válido' }),
      codigo: 2,
    };
  }
  const resultado = calcularCaso(entrada);
  if (!resultado.ok) return { salida: comoError(resultado.error), codigo: 2 };
  return { salida: JSON.stringify(estadoDeCuentaAJson(resultado.valor)), codigo: 0 };
}

/**
 * JSON Lines: one result line per non-empty input line, in the same order, each ending in a
 * newline. An invalid case answers its error object on its own line; the batch goes on.
 */
export function calcularLineas(texto: string): string {
  let salida = '';
  for (const linea of texto.split('\n')) {
    if (linea.trim() !== '') salida += `${calcularTexto(linea).salida}\n`;
  }
  return salida;
}
