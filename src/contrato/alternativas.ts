/**
 * Alternativas and campañas: the catalogue the administrador versions, and the counter's
 * simulator (src/http/rutas/alternativas.ts).
 */
import { z } from 'zod';
import { fecha, id, instante, pesos, tasa } from './comun.ts';
import {
  descuentoPorConcepto,
  origenConvenio,
  rolAutorizador,
  tipoAlternativa,
  tipoConvenio,
} from './convenios.ts';

// ---------- Simulador ----------

export const pagoDelPlan = z.strictObject({ numero: z.number().int(), fecha, monto: pesos });
export type PagoDelPlan = z.infer<typeof pagoDelPlan>;

export const ofertaDeCredito = z.strictObject({
  creditoId: id,
  numero: z.string(),
  califica: z.boolean(),
  motivos: z.array(z.string()),
  avisos: z.array(z.string()),
  liquidarHoy: pesos,
  /** What signing would forgive on this credit, by date and concept. */
  condonaciones: z.array(
    z.strictObject({ fecha, concepto: z.enum(['moratorio', 'interes']), monto: pesos }),
  ),
  /** The window without late interest the offer grants; null when it freezes none. */
  periodoSinMoratorio: z.strictObject({ desde: fecha, hasta: fecha }).nullable(),
  pagos: z.array(pagoDelPlan),
  total: pesos,
  descuento: descuentoPorConcepto,
  moratorioCongelado: pesos,
  saldoAlTerminar: pesos,
  ahorro: pesos,
  liquida: z.boolean(),
  /** R9: ordinary interest saved by paying every payment on its date; null: none to show. */
  ahorroPorPuntualidad: pesos.nullable(),
  /** A reestructura's new credit: its principal and table; null for any other kind. */
  reestructura: z
    .strictObject({
      principal: pesos,
      amortizaciones: z.array(z.strictObject({ numero: z.number().int(), fecha, capital: pesos })),
    })
    .nullable(),
});
export type OfertaDeCredito = z.infer<typeof ofertaDeCredito>;

/** Whose authorization the offer would need as a convenio proposed by the current user. */
export const autorizacionDeLaOferta = z.strictObject({
  requerida: z.boolean(),
  rol: rolAutorizador.nullable(),
  motivos: z.array(z.string()),
});

export const oferta = z.strictObject({
  origen: origenConvenio,
  id,
  versionId: id,
  clave: z.string(),
  tipo: tipoConvenio,
  nombre: z.string(),
  /** The acuerdo de Junta Directiva of the campaign version offered; null for an alternative. */
  acuerdo: z.string().nullable(),
  califica: z.boolean(),
  motivos: z.array(z.string()),
  avisos: z.array(z.string()),
  montoAhora: pesos,
  pagos: z.array(pagoDelPlan),
  total: pesos,
  descuento: descuentoPorConcepto,
  moratorioCongelado: pesos,
  liquidarHoy: pesos,
  saldoAlTerminar: pesos,
  ahorro: pesos,
  liquida: z.boolean(),
  /** R9: ordinary interest saved by paying every payment on its date; null: none to show. */
  ahorroPorPuntualidad: pesos.nullable(),
  /** Days past each promise's date a payment still keeps it, if captured as a convenio. */
  toleranciaDias: z.number().int(),
  creditos: z.array(ofertaDeCredito),
  autorizacion: autorizacionDeLaOferta,
});
export type Oferta = z.infer<typeof oferta>;

export const creditoSimulado = z.strictObject({
  id,
  numero: z.string(),
  producto: z.string(),
  oficina: z.string(),
  estado: z.string(),
  situacion: z.string(),
  diasAtraso: z.number().int(),
  saldoExigible: pesos,
  saldoParaLiquidar: pesos,
  pagosAdelantados: pesos,
});
export type CreditoSimulado = z.infer<typeof creditoSimulado>;

export const simulacion = z.strictObject({
  fecha,
  primerPago: fecha,
  plazo: z.number().int().nullable(),
  creditos: z.array(creditoSimulado),
  ofertas: z.array(oferta),
});
export type Simulacion = z.infer<typeof simulacion>;

// ---------- Catálogo ----------

export const elegibilidad = z.strictObject({
  diasAtrasoMinimo: z.number().int().nullable(),
  diasAtrasoMaximo: z.number().int().nullable(),
  productos: z.array(z.string()),
  oficinas: z.array(z.string()),
  generacionDesde: z.number().int().nullable(),
  generacionHasta: z.number().int().nullable(),
});
export type Elegibilidad = z.infer<typeof elegibilidad>;

/** An alternative's parameters, by its kind (fractions as decimal text, `"0.50"`). */
export const parametros = z.record(z.string(), z.union([z.string(), z.number(), z.boolean()]));
export type Parametros = z.infer<typeof parametros>;

/** Who wrote a version and when (null for the versions the migrations loaded). */
const autoria = { creada: instante.nullable(), creadaPor: z.string().nullable() };

export const versionAlternativa = z.strictObject({
  id,
  version: z.number().int(),
  vigenteDesde: fecha,
  nombre: z.string(),
  descripcion: z.string(),
  activa: z.boolean(),
  parametros,
  toleranciaDias: z.number().int(),
  elegibilidad,
  ...autoria,
});
export type VersionAlternativa = z.infer<typeof versionAlternativa>;

export const alternativa = z.strictObject({
  id,
  clave: z.string(),
  tipo: tipoAlternativa,
  etiquetaTipo: z.string(),
  vigente: versionAlternativa.nullable(),
  programada: versionAlternativa.nullable(),
  /** Every version, oldest first: only when one alternative is asked for. */
  versiones: z.array(versionAlternativa).optional(),
});
export type Alternativa = z.infer<typeof alternativa>;
export const listaAlternativas = z.strictObject({ alternativas: z.array(alternativa) });
export const respuestaAlternativa = z.strictObject({ alternativa });

export const versionCampana = z.strictObject({
  id,
  version: z.number().int(),
  vigenteDesde: fecha,
  nombre: z.string(),
  acuerdo: z.string(),
  descripcion: z.string(),
  inicio: fecha,
  fin: fecha,
  activa: z.boolean(),
  descuentoMoratorio: tasa,
  descuentoInteres: tasa,
  pagosMaximos: z.number().int(),
  congelaMoratorio: z.boolean(),
  toleranciaDias: z.number().int(),
  elegibilidad,
  ...autoria,
});
export type VersionCampana = z.infer<typeof versionCampana>;

export const situacionCampana = z.enum(['vigente', 'por_iniciar', 'terminada', 'inactiva']);
export type SituacionCampana = z.infer<typeof situacionCampana>;

export const campana = z.strictObject({
  id,
  clave: z.string(),
  situacion: situacionCampana,
  vigente: versionCampana.nullable(),
  programada: versionCampana.nullable(),
  /** Every version, oldest first: only when one campaign is asked for. */
  versiones: z.array(versionCampana).optional(),
});
export type Campana = z.infer<typeof campana>;
export const listaCampanas = z.strictObject({ campanas: z.array(campana) });
export const respuestaCampana = z.strictObject({ campana });
