/** Pagos: preview, capture and reversal of a payment, and the carta finiquito (src/http/rutas/pagos.ts). */
import { z } from 'zod';
import { fecha, id, instante, pesos, usuarioBreve } from './comun.ts';
import { aplicacion, canalMovimiento, estadoDelMotor } from './creditos.ts';

export const excedente = z.enum(['reducir_plazo', 'adelantar']);
export type Excedente = z.infer<typeof excedente>;
/** Money received at the counter or the bank: what a capture may say. */
export const canalPago = z.enum(['banco', 'caja', 'nomina']);
export type CanalPago = z.infer<typeof canalPago>;

export const aplicacionDePago = z.strictObject({
  aplicacion,
  /** The statement with this payment (as of today for a registered one), without R9. */
  estado: estadoDelMotor,
});
export type AplicacionDePago = z.infer<typeof aplicacionDePago>;

/** A payment already in force with the same date and amount: maybe this one, typed twice. */
export const pagoParecido = z.strictObject({
  movimientoId: id,
  fecha,
  monto: pesos,
  /** Any ledger channel: an imported or restructuring payment may be the twin. */
  canal: canalMovimiento.nullable(),
  referencia: z.string().nullable(),
});
export type PagoParecido = z.infer<typeof pagoParecido>;

/** Today's equal payment a 409 `posible_duplicado` names (in the error's `pagoAnterior`). */
export const pagoAnterior = pagoParecido.extend({
  registradoPor: z.string().nullable(),
  registrado: instante,
  /** `HH:MM`, the institute's time. */
  hora: z.string(),
});
export type PagoAnterior = z.infer<typeof pagoAnterior>;

export const vistaPreviaDePago = aplicacionDePago.extend({
  pagosParecidos: z.array(pagoParecido),
  /** Part kept as a pago adelantado to keep the punctual rate, in words; null otherwise. */
  anticipoPuntual: z.string().nullable(),
  /** It pays more than settles the credit: registering it needs an authorization. */
  excedeAdeudo: z
    .strictObject({
      adeudo: pesos,
      exceso: pesos,
      mensaje: z.string(),
      /** Whether the one asking may authorize it (coordinador, contabilidad). */
      puedeAutorizar: z.boolean(),
    })
    .nullable(),
});
export type VistaPreviaDePago = z.infer<typeof vistaPreviaDePago>;

/** A payment above what settled the credit: who authorized it; null for a bank deposit. */
export const excedeAdeudo = z.strictObject({
  adeudo: pesos,
  exceso: pesos,
  autorizadoPor: usuarioBreve.nullable(),
});
export type ExcedeAdeudo = z.infer<typeof excedeAdeudo>;

export const pagoRegistrado = aplicacionDePago.extend({
  /** The payment as the person made it: its folio (first row), total and chosen excedente. */
  movimiento: z.strictObject({
    id,
    fecha,
    monto: pesos,
    canal: canalPago,
    referencia: z.string(),
    excedente,
  }),
  /** Its ledger rows, in posting order: one, or two when part is kept for a due date. */
  partes: z.array(z.strictObject({ id, monto: pesos, excedente })),
  /** Why part of it was kept as a pago adelantado, in words; null when it went as it came. */
  anticipoPuntual: z.string().nullable(),
  excedeAdeudo: excedeAdeudo.nullable(),
});
export type PagoRegistrado = z.infer<typeof pagoRegistrado>;

export const movimientoCancelado = z.strictObject({
  cancelacion: z.strictObject({ id, fecha, cancela: id, motivo: z.string() }),
  /** The other rows of the same payment (stored in parts), cancelled with it: their reversals. */
  partes: z.array(z.strictObject({ id, cancela: id })),
  estado: estadoDelMotor,
});
export type MovimientoCancelado = z.infer<typeof movimientoCancelado>;

export const cartaFiniquito = z.strictObject({
  folio: z.number().int(),
  creditoId: id,
  fecha,
  totalPagado: pesos,
  /** False: it had been issued already (200), and this is the same letter. */
  nueva: z.boolean(),
});
export type CartaFiniquito = z.infer<typeof cartaFiniquito>;
