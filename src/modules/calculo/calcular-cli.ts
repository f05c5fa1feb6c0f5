import {
  calcularCaso,
  type ErrorDeCaso,
  estadoDeCuentaATexto,
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
  return { salida: estadoDeCuentaATexto(resultado.valor), codigo: 0 };
}
