/** The error codes of calculo.md's validation table, and nothing else. */
export type CodigoErrorDeCaso =
  | 'json_invalido'
  | 'caso_invalido'
  | 'fecha_invalida'
  | 'monto_invalido'
  | 'tasa_invalida'
  | 'base_invalida'
  | 'prelacion_invalida'
  | 'ministraciones_invalidas'
  | 'amortizaciones_invalidas'
  | 'capital_no_cuadra'
  | 'movimiento_invalido'
  | 'movimiento_duplicado'
  | 'movimiento_fuera_de_rango'
  | 'cancelacion_invalida'
  | 'periodo_invalido'
  | 'condonacion_excede_adeudo';

/** A bad case gets an error, never a guess: a stable code and a Spanish message naming the field. */
export interface ErrorDeCaso {
  readonly codigo: CodigoErrorDeCaso;
  readonly mensaje: string;
}

export type Resultado<T> =
  | { readonly ok: true; readonly valor: T }
  | { readonly ok: false; readonly error: ErrorDeCaso };

export function exito<T>(valor: T): Resultado<T> {
  return { ok: true, valor };
}

export function fallo<T>(codigo: CodigoErrorDeCaso, mensaje: string): Resultado<T> {
  return { ok: false, error: { codigo, mensaje } };
}
