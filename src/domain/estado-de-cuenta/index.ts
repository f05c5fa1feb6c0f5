/**
 * The statement engine ("motor del estado de cuenta"): given a credit, its movements and a
 * cut-off date, what the borrower owes, to the centavo (docs/motor.md).
 * Pure: no I/O, no clock; the whole history is recomputed on every call.
 */
export type {
  AmortizacionProgramada,
  BaseDias,
  Cancelacion,
  Caso,
  Concepto,
  Condonacion,
  Credito,
  Dia,
  EntradaDeCaso,
  Excedente,
  Ministracion,
  Movimiento,
  Pago,
  PeriodoSinMoratorio,
  Prelacion,
  Producto,
  ProductoLeido,
  ValorJson,
} from './caso.ts';
export type { CodigoErrorDeCaso, ErrorDeCaso, Resultado } from './errores.ts';
export type {
  AmortizacionAlCorte,
  Aplicacion,
  EstadoAmortizacion,
  EstadoDeCuenta,
  Situacion,
  TasaDelPeriodo,
} from './estado-de-cuenta.ts';
export type {
  AmortizacionJson,
  AplicacionJson,
  EstadoDeCuentaJson,
  PuntualidadJson,
  TasaDelPeriodoJson,
} from './json.ts';
export { estadoDeCuentaAJson, estadoDeCuentaATexto, puntualidadAJson } from './json.ts';
export { diaDe } from './lectura.ts';
export {
  calcularCaso,
  calcularEntrada,
  calcularEstadoDeCuenta,
  leerCaso,
  validarCaso,
  validarEntrada,
} from './validar-caso.ts';
