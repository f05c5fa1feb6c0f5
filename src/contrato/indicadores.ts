/**
 * Indicadores: the month's dashboard figures, the recalculation of their facts and the
 * cobertura of the assigned portfolio (src/http/rutas/indicadores.ts, agenda.ts). Formulas in
 * docs/metas-e-indicadores.md. Percentages are text with one decimal (`"87.5"`).
 */
import { z } from 'zod';
import { ITEMS_META } from './valores.ts';

export { ITEMS_META };

import { fecha, id, instante, pesos } from './comun.ts';
import { bucket } from './creditos.ts';

/** A percentage with one decimal as text; null (in the dashboard) when its base is 0. */
const porcentaje = z.string().regex(/^-?\d+\.\d$/);
/** Minutes with one decimal as text. */
const minutos = z.string().regex(/^\d+\.\d$/);
/** `AAAA-MM`. */
export const mes = z.string().regex(/^\d{4}-\d{2}$/);

export const nivelIndicadores = z.enum(['gestor', 'oficina', 'instituto']);
export type NivelIndicadores = z.infer<typeof nivelIndicadores>;
export const canalRecuperacion = z.enum(['banco', 'caja', 'nomina', 'importacion']);
export type CanalRecuperacion = z.infer<typeof canalRecuperacion>;
/** `sin_dato`: no aging was computed for the account before the payment's date. */
export const bucketDeRecuperacion = z.enum([...bucket.options, 'sin_dato']);
export type BucketDeRecuperacion = z.infer<typeof bucketDeRecuperacion>;
export const itemMeta = z.enum(ITEMS_META);
export type ItemMeta = z.infer<typeof itemMeta>;

export const sujetoIndicadores = z.strictObject({
  tipo: nivelIndicadores,
  /** The gestor's user id or the office's id; null for the institute. */
  id: id.nullable(),
  nombre: z.string(),
  oficinaId: id.nullable(),
});
export type SujetoIndicadores = z.infer<typeof sujetoIndicadores>;

export const recuperacion = z.strictObject({
  /** cobrado − cancelado. */
  neto: pesos,
  cobrado: pesos,
  cancelado: pesos,
  pagos: z.number().int(),
  cancelaciones: z.number().int(),
  /** Net per bucket, every bucket present (in BUCKETS order, then sin_dato). */
  porBucket: z.array(z.strictObject({ bucket: bucketDeRecuperacion, monto: pesos })),
  /** Net per channel, every channel present. */
  porCanal: z.array(z.strictObject({ canal: canalRecuperacion, monto: pesos })),
  /** Net per day of the month up to the cut-off (for the line chart). */
  porDia: z.array(z.strictObject({ fecha, monto: pesos })),
});
export type Recuperacion = z.infer<typeof recuperacion>;

export const coberturaMes = z.strictObject({
  asignadas: z.number().int(),
  gestionadas: z.number().int(),
  conContactoEfectivo: z.number().int(),
  porcentajeGestionado: porcentaje.nullable(),
  porcentajeContactoEfectivo: porcentaje.nullable(),
});
export type CoberturaMes = z.infer<typeof coberturaMes>;

export const turnosMes = z.strictObject({
  registrados: z.number().int(),
  atendidos: z.number().int(),
  abandonados: z.number().int(),
  enEspera: z.number().int(),
  /** Null when nobody was attended. */
  esperaPromedioMin: minutos.nullable(),
  atencionPromedioMin: minutos.nullable(),
});
export type TurnosMes = z.infer<typeof turnosMes>;

export const promesasMes = z.strictObject({
  hechas: z.number().int(),
  cumplidas: z.number().int(),
  incumplidas: z.number().int(),
  pendientes: z.number().int(),
});
export type PromesasMes = z.infer<typeof promesasMes>;

export const conveniosMes = z.strictObject({
  firmados: z.number().int(),
  /** At the cut-off: signed and neither kept nor broken yet. */
  vigentes: z.number().int(),
  cumplidos: z.number().int(),
  incumplidos: z.number().int(),
  /** Discounts of the convenios signed in the month (moratorio + interés). */
  montoDescontado: pesos,
});
export type ConveniosMes = z.infer<typeof conveniosMes>;

const cuentasYSaldo = z.strictObject({ cuentas: z.number().int(), saldo: pesos });

export const saludDeCartera = z.strictObject({
  /** At the cut-off (the latest aging on or before it): every bucket present. */
  porBucket: z.array(z.strictObject({ bucket, cuentas: z.number().int(), saldo: pesos })),
  /** Accounts liquidated in the month. */
  liquidadas: z.number().int(),
  /** From the previous month's end to this month's (or the cut-off): every bucket present. */
  rodamiento: z.array(
    z.strictObject({
      de: bucket,
      cuentas: z.number().int(),
      saldo: pesos,
      rodamientoCuentas: porcentaje.nullable(),
      rodamientoSaldo: porcentaje.nullable(),
      curaCuentas: porcentaje.nullable(),
      curaSaldo: porcentaje.nullable(),
    }),
  ),
  /** The whole matrix behind the rates (for the heatmap): accounts from → to. */
  matriz: z.array(
    z.strictObject({
      de: bucket,
      a: z.enum([...bucket.options, 'liquidado']),
      cuentas: z.number().int(),
      saldo: pesos,
    }),
  ),
});
export type SaludDeCartera = z.infer<typeof saludDeCartera>;

export const prescripcion = z.strictObject({ en90Dias: cuentasYSaldo, en180Dias: cuentasYSaldo });
export type Prescripcion = z.infer<typeof prescripcion>;

export const itemDeMeta = z.strictObject({
  /** Money items as decimal pesos, counts as integer text. */
  meta: z.string(),
  logrado: z.string(),
  peso: z.string(),
  cumplimiento: z.string().nullable(),
});
export type ItemDeMeta = z.infer<typeof itemDeMeta>;

export const metasDelMes = z.strictObject({
  items: z.partialRecord(itemMeta, itemDeMeta),
  indice: z.string().nullable(),
  /** The version of the goal these figures measure against; null: no goal was set. */
  version: z.number().int().nullable(),
});
export type MetasDelMes = z.infer<typeof metasDelMes>;

/**
 * One subject's month. A family the reader may not see is null (contabilidad sees the
 * recovery alone); so is one that does not apply (a gestor has no office-wide walk-ins).
 */
export const filaIndicadores = z.strictObject({
  sujeto: sujetoIndicadores,
  recuperacion: recuperacion.nullable(),
  cobertura: coberturaMes.nullable(),
  turnos: turnosMes.nullable(),
  promesas: promesasMes.nullable(),
  convenios: conveniosMes.nullable(),
  cartera: saludDeCartera.nullable(),
  prescripcion: prescripcion.nullable(),
  metas: metasDelMes.nullable(),
});
export type FilaIndicadores = z.infer<typeof filaIndicadores>;

export const indicadores = z.strictObject({
  mes,
  /** The figures as they stood at the end of this day (≤ the month's last day). */
  alCorte: fecha,
  nivel: nivelIndicadores,
  /** When the facts these figures read were last materialized; null: never. */
  hechosAl: instante.nullable(),
  filas: z.array(filaIndicadores),
});
export type Indicadores = z.infer<typeof indicadores>;

/** The month's figures of a gestor or an office (docs/gestion.md, «Cobertura»). */
const cifrasCobertura = z.strictObject({
  /** Accounts assigned at some moment of the month (from the assignment history). */
  asignadas: z.number().int(),
  /** With at least one gestión in the month while assigned. */
  gestionadas: z.number().int(),
  conContactoEfectivo: z.number().int(),
  /** gestionadas ÷ asignadas; `"0.0"` when nothing was assigned. */
  porcentajeGestionado: porcentaje,
  promesasHechas: z.number().int(),
  promesasCumplidas: z.number().int(),
});
export type CifrasCobertura = z.infer<typeof cifrasCobertura>;
const referencia = z.strictObject({ id, nombre: z.string() });

export const coberturaGestor = cifrasCobertura.extend({ gestor: referencia });
export type CoberturaGestor = z.infer<typeof coberturaGestor>;
export const coberturaOficina = cifrasCobertura.extend({
  oficina: referencia,
  gestores: z.array(coberturaGestor),
});
export type CoberturaOficina = z.infer<typeof coberturaOficina>;
export const cobertura = z.strictObject({ mes, oficinas: z.array(coberturaOficina) });
export type Cobertura = z.infer<typeof cobertura>;
