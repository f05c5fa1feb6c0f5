/**
 * Errors a use case can answer with, by stable code. The HTTP edge alone maps a code to a
 * status (src/http/errores-http.ts); the message is Spanish and ready to show.
 */
export type CodigoError =
  | 'entrada_invalida'
  | 'no_autenticado'
  | 'prohibido'
  | 'no_encontrado'
  | 'credenciales_invalidas'
  | 'demasiados_intentos'
  | 'contrasena_incorrecta'
  | 'contrasena_debil'
  | 'usuario_duplicado'
  | 'conflicto'
  | 'credito_inconsistente'
  | 'idempotencia_conflicto'
  | 'pago_invalido'
  | 'tasa_invalida';

export class ErrorDominio extends Error {
  constructor(
    readonly codigo: CodigoError,
    mensaje: string,
    readonly campo?: string,
  ) {
    super(mensaje);
    this.name = 'ErrorDominio';
  }
}
