/** Créditos: the list, a credit's header, its ledger and its statement (src/http/rutas/creditos.ts). */
import { z } from 'zod';
import { BUCKETS } from './valores.ts';

export { BUCKETS };

import { fecha, id, instante, pesos, tasa } from './comun.ts';

export const bucket = z.enum(BUCKETS);
export type Bucket = z.infer<typeof bucket>;

export const estadoCredito = z.enum(['activo', 'liquidado', 'reestructurado', 'en_juridico']);
export type EstadoCredito = z.infer<typeof estadoCredito>;
export const situacion = z.enum(['al_corriente', 'vencido', 'liquidado']);
export type Situacion = z.infer<typeof situacion>;
export const estadoAmortizacion = z.enum(['pagada', 'vencida', 'exigible', 'por_vencer']);
export type EstadoAmortizacion = z.infer<typeof estadoAmortizacion>;
export const rolEnCredito = z.enum(['acreditado', 'aval', 'beneficiario']);
export type RolEnCredito = z.infer<typeof rolEnCredito>;
/** Every channel a ledger row may carry; a capture at the counter uses the first three. */
export const canalMovimiento = z.enum(['banco', 'caja', 'nomina', 'importacion', 'reestructura']);
export type CanalMovimiento = z.infer<typeof canalMovimiento>;
export const tipoMovimiento = z.enum(['pago', 'condonacion', 'cancelacion']);
export type TipoMovimiento = z.infer<typeof tipoMovimiento>;

export const creditoEnLista = z.strictObject({
  id,
  numero: z.string(),
  acreditado: z.string(),
  oficina: z.string(),
  estado: estadoCredito,
  /** The latest nightly aging snapshot; null until one includes this credit. */
  antiguedad: z
    .strictObject({
      fecha,
      situacion,
      diasAtraso: z.number().int(),
      bucket,
      saldoExigible: pesos,
      saldoParaLiquidar: pesos,
    })
    .nullable(),
});
export type CreditoEnLista = z.infer<typeof creditoEnLista>;

export const paginaCreditos = z.strictObject({
  creditos: z.array(creditoEnLista),
  pagina: z.number().int(),
  porPagina: z.number().int(),
});
export type PaginaCreditos = z.infer<typeof paginaCreditos>;

export const creditoLigado = z.strictObject({ id, numero: z.string() });
export type CreditoLigado = z.infer<typeof creditoLigado>;

const tasaPuntualDelCredito = z
  .strictObject({ tasa, motivo: z.string(), evidencia: z.string().nullable() })
  .nullable();

export const credito = z.strictObject({
  id,
  numero: z.string(),
  estado: estadoCredito,
  oficina: z.string(),
  /** The gestor responsible for the account; null: unassigned. */
  gestor: z.strictObject({ id, nombre: z.string() }).nullable(),
  producto: z.strictObject({
    clave: z.string(),
    nombre: z.string(),
    tasaOrdinariaAnual: tasa,
    tasaMoratoriaAnual: tasa,
    /** R9: the punctual rate in force (the credit's own, else its version's); null: none. */
    tasaPuntualAnual: tasa.nullable(),
    baseDias: z.number().int(),
    prelacion: z.enum(['por_concepto', 'por_amortizacion']),
  }),
  /** R9: the credit's own punctual rate (e.g. 0% for an average of 90 or more), with why. */
  tasaPuntualDelCredito,
  fechaInicioInteres: fecha,
  /** The ordinary rate agreed in a reestructura (already in `producto.tasaOrdinariaAnual`). */
  tasaOrdinariaPactada: tasa.nullable(),
  /** The credit this one restructured, and the one that restructured this one. */
  reestructuraDe: creditoLigado.nullable(),
  reestructuradoEn: creditoLigado.nullable(),
  participantes: z.array(z.strictObject({ personaId: id, nombre: z.string(), rol: rolEnCredito })),
  ministraciones: z.array(
    z.strictObject({
      numero: z.number().int(),
      fecha,
      monto: pesos,
      periodoEscolar: z.string(),
      pagare: z.string(),
      vencimientoPagare: fecha,
    }),
  ),
  /** The settlement letter already issued, if any: it is reprinted, never issued twice. */
  cartaFiniquito: z.strictObject({ folio: z.number().int(), fecha }).nullable(),
});
export type Credito = z.infer<typeof credito>;

export const tasaPuntualFijada = z.strictObject({
  creditoId: id,
  tasaPuntualDelCredito,
  tasaPuntualAnual: tasa.nullable(),
});
export type TasaPuntualFijada = z.infer<typeof tasaPuntualFijada>;

/** A row of the credit's ledger as it was written, reversals included (oldest first). */
export const movimiento = z.strictObject({
  id,
  tipo: tipoMovimiento,
  fecha,
  /** Null for a cancelación, which carries no amount of its own. */
  monto: pesos.nullable(),
  /** Condonación: what was forgiven (moratorio, interes, capital). */
  concepto: z.string().nullable(),
  excedente: z.string().nullable(),
  canal: canalMovimiento.nullable(),
  referencia: z.string().nullable(),
  motivo: z.string().nullable(),
  /** Cancelación: the movement it reverses. */
  cancela: id.nullable(),
  /** The cancelación that reversed this movement, if any. */
  canceladoPor: id.nullable(),
  /** Who registered it; null for movements brought by an import. */
  registradoPor: z.string().nullable(),
  /** The instant it was registered. */
  registrado: instante,
});
export type Movimiento = z.infer<typeof movimiento>;
export const movimientos = z.strictObject({ movimientos: z.array(movimiento) });

export const amortizacion = z.strictObject({
  numero: z.number().int(),
  fecha,
  capital: pesos,
  interes: pesos,
  moratorio: pesos,
  capital_pagado: pesos,
  interes_pagado: pesos,
  moratorio_pagado: pesos,
  condonado: pesos,
  estado: estadoAmortizacion,
});
export type Amortizacion = z.infer<typeof amortizacion>;

export const aplicacion = z.strictObject({
  id: z.string(),
  fecha,
  monto: pesos,
  moratorio: pesos,
  interes: pesos,
  capital: pesos,
  adelantado: pesos,
  a_favor: pesos,
});
export type Aplicacion = z.infer<typeof aplicacion>;

/** R9: a period's rate; when ordinary, the oldest amortización owing the day it began. */
export const tasaDelPeriodo = z.strictObject({
  puntual: z.boolean(),
  debia_la_amortizacion: z.number().int().nullable(),
});
export type TasaDelPeriodo = z.infer<typeof tasaDelPeriodo>;

export const puntualidad = z.strictObject({
  /** The rates in force, as stored: `"0.03000000"`. */
  tasa_puntual_anual: tasa,
  tasa_ordinaria_anual: tasa,
  /** The open period's rate at the cut-off; null when no period is open. */
  periodo_abierto: tasaDelPeriodo.nullable(),
  /** The amortizaciones whose interest has been charged, with the rate it was charged at. */
  amortizaciones: z.array(z.strictObject({ numero: z.number().int(), tasa: tasaDelPeriodo })),
  /** The same in words, made by the server: the PDF prints exactly these. */
  textos: z.strictObject({
    situacion: z.string(),
    tasaPropia: z.string().nullable(),
    periodos: z.array(z.string()),
  }),
});
export type Puntualidad = z.infer<typeof puntualidad>;

/**
 * The statement engine's output (docs/motor.md, «Salida»), field for field: what a payment's
 * preview, capture and reversal answer (without R9's explanation).
 */
export const estadoDelMotor = z.strictObject({
  /** The credit as the engine names it (its número). */
  credito: z.json(),
  fecha_corte: fecha,
  situacion,
  dias_atraso: z.number().int(),
  capital_insoluto: pesos,
  capital_exigible: pesos,
  interes_ordinario_exigible: pesos,
  interes_ordinario_devengado: pesos,
  interes_moratorio: pesos,
  saldo_exigible: pesos,
  saldo_para_liquidar: pesos,
  pagos_adelantados: pesos,
  saldo_a_favor: pesos,
  amortizaciones: z.array(amortizacion),
  aplicaciones: z.array(aplicacion),
});
export type EstadoDelMotor = z.infer<typeof estadoDelMotor>;

/** The statement a credit's page shows: the engine's, plus R9. */
export const estadoDeCuenta = estadoDelMotor.extend({
  /** The API's one extra field: R9, the rate of each period and why; null without R9. */
  puntualidad: puntualidad.nullable(),
});
export type EstadoDeCuenta = z.infer<typeof estadoDeCuenta>;

/** The number the debtor writes on a bank deposit so that it lands on this credit. */
export const referenciaDeCredito = z.strictObject({
  referencia: z.string(),
  creditoId: id,
  numero: z.string(),
});
export type ReferenciaDeCredito = z.infer<typeof referenciaDeCredito>;
