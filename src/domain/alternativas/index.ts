/**
 * Alternatives and campaigns (issue 5, part A): the catalogue's types, who qualifies, and the
 * simulator, which computes every offer with the statement engine over the credit's history
 * plus the offer's hypothetical condonaciones, payments and moratorium-free window.
 */
export { fechasMensuales, sumarMeses } from './calendario.ts';
export type { DatosDeElegibilidad } from './elegibilidad.ts';
export { motivosDeElegibilidad, motivosDelCredito, motivosDeVigencia } from './elegibilidad.ts';
export type { OfertaJson } from './json.ts';
export { ofertaAJson } from './json.ts';
export type { DescuentoOtorgado, Oferta } from './oferta.ts';
export type { Objetivo, PagoDelPlan } from './plan-en-pagos.ts';
export { pendiente, planEnPagos } from './plan-en-pagos.ts';
export type { Porcentaje } from './porcentaje.ts';
export {
  aplicarPorcentaje,
  CERO_POR_CIENTO,
  formatearPorcentaje,
  leerPorcentaje,
  porcentajeDesdeTexto,
} from './porcentaje.ts';
export type { Forma, Propuesta } from './propuesta.ts';
export { propuestaDeAlternativa, propuestaDeCampana } from './propuesta.ts';
export { repartirEnPartes } from './repartir.ts';
export { simularOfertas } from './simulador.ts';
export type { CreditoASimular, OfertaDeCredito, OpcionesDeSimulacion } from './simular-credito.ts';
export { simularCredito } from './simular-credito.ts';
export type { CasoBase, MovimientoSupuesto, Supuesto, Ventana } from './supuesto.ts';
export { calcularSupuesto, casoDelSupuesto } from './supuesto.ts';
export type {
  Descuento,
  Elegibilidad,
  ParametrosAlternativa,
  TipoAlternativa,
  VersionAlternativa,
  VersionCampana,
} from './tipos.ts';
export {
  ETIQUETA_TIPO,
  MESES_MAXIMOS_DE_PRORROGA,
  SIN_RESTRICCIONES,
  TIPOS_ALTERNATIVA,
  TOLERANCIA_DIAS_MAXIMA,
  TOLERANCIA_DIAS_POR_OMISION,
} from './tipos.ts';
