/** Bank statements: import, and the deposits left for a person (src/http/rutas/conciliacion.ts). */
import { z } from 'zod';
import { fecha, id, instante, pesos } from './comun.ts';
import { excedeAdeudo, pagoRegistrado } from './pagos.ts';

export const estadoDeposito = z.enum(['pendiente', 'asignado', 'descartado']);
export type EstadoDeposito = z.infer<typeof estadoDeposito>;

const lineaBancaria = {
  /** The line's number in the file, header included, as an editor shows it. */
  linea: z.number().int(),
  folio: z.string(),
  fecha,
  importe: pesos,
};

/** A line already posted (now or by an earlier file) to a credit. */
export const depositoYaRegistrado = z.strictObject({
  ...lineaBancaria,
  creditoId: id,
  numero: z.string(),
  movimientoId: id,
});
export type DepositoYaRegistrado = z.infer<typeof depositoYaRegistrado>;
/** Posted now; `excedeAdeudo` flags one above what settled the credit (the money did arrive). */
export const depositoRegistrado = depositoYaRegistrado.extend({
  excedeAdeudo: excedeAdeudo.nullable(),
});
export type DepositoRegistrado = z.infer<typeof depositoRegistrado>;
export const depositoQuedoPendiente = z.strictObject({
  ...lineaBancaria,
  id,
  referencia: z.string(),
  motivo: z.string(),
});
export type DepositoQuedoPendiente = z.infer<typeof depositoQuedoPendiente>;
export const depositoYaPendiente = z.strictObject({ ...lineaBancaria, id, estado: estadoDeposito });
export type DepositoYaPendiente = z.infer<typeof depositoYaPendiente>;

export const resultadoImportacionBancaria = z.strictObject({
  importacion: z.strictObject({
    id,
    nombreArchivo: z.string(),
    sha256: z.string(),
    lineas: z.number().int(),
    registrados: z.number().int(),
    yaRegistrados: z.number().int(),
    pendientes: z.number().int(),
    yaPendientes: z.number().int(),
    totalRegistrado: pesos,
    /** Deposits posted now above what their credit owed: to be reviewed. */
    excedenAdeudo: z.number().int(),
  }),
  registrados: z.array(depositoRegistrado),
  yaRegistrados: z.array(depositoYaRegistrado),
  pendientes: z.array(depositoQuedoPendiente),
  yaPendientes: z.array(depositoYaPendiente),
});
export type ResultadoImportacionBancaria = z.infer<typeof resultadoImportacionBancaria>;

export const deposito = z.strictObject({
  id,
  estado: estadoDeposito,
  importacionId: id,
  linea: z.number().int(),
  lineaCruda: z.string(),
  fecha,
  referencia: z.string(),
  importe: pesos,
  folio: z.string(),
  concepto: z.string(),
  /** Why it was not posted by itself. */
  motivo: z.string(),
  creditoReferido: z.strictObject({ id, numero: z.string() }).nullable(),
  asignacion: z.strictObject({ creditoId: id, numero: z.string(), movimientoId: id }).nullable(),
  resolucion: z
    .strictObject({ usuario: z.string(), instante, motivo: z.string().nullable() })
    .nullable(),
});
export type Deposito = z.infer<typeof deposito>;

export const listaDeDepositos = z.strictObject({
  total: z.number().int(),
  pagina: z.number().int(),
  porPagina: z.number().int(),
  depositos: z.array(deposito),
});
export type ListaDeDepositos = z.infer<typeof listaDeDepositos>;

/** A pending deposit posted by hand to the credit a person chose, and its payment. */
export const depositoAsignado = z.strictObject({ deposito, pago: pagoRegistrado });
export type DepositoAsignado = z.infer<typeof depositoAsignado>;
